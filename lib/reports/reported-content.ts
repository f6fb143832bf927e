import type { PaymentMethod } from "@/lib/generated/prisma/enums";

/**
 * What the reporter wrote, as they may read it again: on the receipt page, the receipt PDF and
 * the tracking page, each reached only with the receipt's key (a verified receipt, the receipt
 * cookie or the tracking session) or by the desk officer who filed it. Never the identity.
 */

export type ReportedPungli = {
  amountDemandedRupiah: number | null;
  amountPaidRupiah: number | null;
  paymentMethod: PaymentMethod | null;
  brokerInvolved: boolean | null;
  receiptGiven: boolean | null;
  accusedDescription: string | null;
  /** The service's official fee on the incident date, as the report was compared with it. */
  officialFeeRupiah: number | null;
};

export type ReportedContent = {
  /** "YYYY-MM-DD" (a calendar day, no time zone), or null for reports filed without one. */
  incidentDate: string | null;
  incidentPlace: string | null;
  description: string;
  /** Only for pungli reports. */
  pungli: ReportedPungli | null;
};

export const reportedContentSelect = {
  kind: true,
  incidentDate: true,
  incidentPlace: true,
  description: true,
  amountDemandedRupiah: true,
  amountPaidRupiah: true,
  paymentMethod: true,
  brokerInvolved: true,
  receiptGiven: true,
  accusedDescription: true,
  officialFeeRupiah: true,
} as const;

type ReportedContentRow = {
  kind: string;
  incidentDate: Date | null;
  incidentPlace: string | null;
  description: string;
  amountDemandedRupiah: number | null;
  amountPaidRupiah: number | null;
  paymentMethod: PaymentMethod | null;
  brokerInvolved: boolean | null;
  receiptGiven: boolean | null;
  accusedDescription: string | null;
  officialFeeRupiah: number | null;
};

export function toReportedContent(row: ReportedContentRow): ReportedContent {
  return {
    incidentDate: row.incidentDate ? row.incidentDate.toISOString().slice(0, 10) : null,
    incidentPlace: row.incidentPlace,
    description: row.description,
    pungli:
      row.kind === "PUNGLI"
        ? {
            amountDemandedRupiah: row.amountDemandedRupiah,
            amountPaidRupiah: row.amountPaidRupiah,
            paymentMethod: row.paymentMethod,
            brokerInvolved: row.brokerInvolved,
            receiptGiven: row.receiptGiven,
            accusedDescription: row.accusedDescription,
            officialFeeRupiah: row.officialFeeRupiah,
          }
        : null,
  };
}
