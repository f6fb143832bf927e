"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { ChoiceGroup, Field } from "@/components/form-controls";
import { inputClassName } from "@/components/form-styles";
import { RupiahInput } from "@/components/rupiah-input";
import { isRealDateKey } from "@/lib/deadlines/working-days";
import { pickFeeInForce } from "@/lib/fees/fee-history";
import { computeFeeDifference } from "@/lib/reports/fees";
import type { ServiceOption } from "@/lib/reports/lookups";
import { parseRupiahAmount } from "@/lib/reports/limits";

import type { BindField } from "./report-form";

const FEE_NOTE_ID = "official-fee-note";

type PungliDetailsProps = {
  services: ServiceOption[];
  serviceCode: string;
  /** The incident date typed so far: the fee shown is the one in force that day, as filing compares it. */
  incidentDate: string;
  values: Record<string, string>;
  bind: BindField;
  isHydrated: boolean;
};

/**
 * Section 3, for a pungli report: how much was asked and paid, next to the official fee of the
 * chosen service, how, whether a broker or a receipt was involved, and who asked. Without
 * JavaScript this section is always shown, with a note that only pungli reports need it.
 */
export function PungliDetails({ services, serviceCode, incidentDate, values, bind, isHydrated }: PungliDetailsProps) {
  const t = useTranslations("ReportForm.pungli");
  const tForm = useTranslations("ReportForm");
  const [amountDemanded, setAmountDemanded] = useState(values.amountDemanded ?? "");
  const [amountPaid, setAmountPaid] = useState(values.amountPaid ?? "");
  const demanded = bind("amountDemanded");
  const paid = bind("amountPaid");
  const paymentMethod = bind("paymentMethod");
  const brokerInvolved = bind("brokerInvolved");
  const receiptGiven = bind("receiptGiven");
  const accused = bind("accusedDescription");
  const chosen = services.find((option) => option.code === serviceCode) ?? null;
  const service = chosen && { name: chosen.name, feeRupiah: isRealDateKey(incidentDate) ? (pickFeeInForce(chosen.fees, incidentDate) ?? chosen.feeRupiah) : chosen.feeRupiah };
  const yesNoUnknown = [
    { value: "yes", label: t("answers.yes") },
    { value: "no", label: t("answers.no") },
    { value: "unknown", label: t("answers.unknown") },
  ];

  return (
    <div className="space-y-6">
      {isHydrated ? null : <p className="rounded-lg bg-slate-100 p-3 font-medium text-slate-900">{t("withoutJavaScriptNote")}</p>}

      <OfficialFeeNote service={service} amountDemanded={amountDemanded} amountPaid={amountPaid} isHydrated={isHydrated} />

      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          id="amountDemanded"
          label={t("amountDemanded.label")}
          hint={t("amountDemanded.hint")}
          errors={demanded.errors}
          extraDescriptions={[FEE_NOTE_ID]}
        >
          {(control) => (
            <RupiahInput {...control} name="amountDemanded" defaultValue={values.amountDemanded ?? ""} onValueChange={setAmountDemanded} onBlur={demanded.onBlur} />
          )}
        </Field>
        <Field
          id="amountPaid"
          label={t("amountPaid.label")}
          labelNote={tForm("optional")}
          hint={t("amountPaid.hint")}
          errors={paid.errors}
          extraDescriptions={[FEE_NOTE_ID]}
        >
          {(control) => <RupiahInput {...control} name="amountPaid" defaultValue={values.amountPaid ?? ""} onValueChange={setAmountPaid} onBlur={paid.onBlur} />}
        </Field>
      </div>

      <ChoiceGroup
        idPrefix="paymentMethod"
        name="paymentMethod"
        legend={t("paymentMethod.legend")}
        options={[
          { value: "CASH", label: t("paymentMethod.CASH") },
          { value: "TRANSFER", label: t("paymentMethod.TRANSFER") },
          { value: "E_WALLET", label: t("paymentMethod.E_WALLET") },
          { value: "OTHER", label: t("paymentMethod.OTHER") },
        ]}
        defaultValue={values.paymentMethod}
        onBlur={paymentMethod.onBlur}
        errors={paymentMethod.errors}
      />

      <ChoiceGroup
        idPrefix="brokerInvolved"
        name="brokerInvolved"
        legend={t("brokerInvolved.legend")}
        hint={t("brokerInvolved.hint")}
        options={yesNoUnknown}
        defaultValue={values.brokerInvolved}
        onBlur={brokerInvolved.onBlur}
        errors={brokerInvolved.errors}
        isInline
      />

      <ChoiceGroup
        idPrefix="receiptGiven"
        name="receiptGiven"
        legend={t("receiptGiven.legend")}
        options={yesNoUnknown}
        defaultValue={values.receiptGiven}
        onBlur={receiptGiven.onBlur}
        errors={receiptGiven.errors}
        isInline
      />

      <Field
        id="accusedDescription"
        label={t("accusedDescription.label")}
        labelNote={tForm("optional")}
        hint={t("accusedDescription.hint")}
        errors={accused.errors}
      >
        {(control) => (
          <textarea
            {...control}
            name="accusedDescription"
            rows={4}
            defaultValue={values.accusedDescription ?? ""}
            onBlur={accused.onBlur}
            className={inputClassName}
          />
        )}
      </Field>
    </div>
  );
}

type OfficialFeeNoteProps = {
  service: { name: string; feeRupiah: number } | null;
  amountDemanded: string;
  amountPaid: string;
  isHydrated: boolean;
};

/** The chosen service's official fee and, as the reporter types, how far the amounts are from it. */
function OfficialFeeNote({ service, amountDemanded, amountPaid, isHydrated }: OfficialFeeNoteProps) {
  const t = useTranslations("ReportForm.pungli.fee");
  const format = useFormatter();
  const rupiah = (amount: number) => format.number(amount, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

  if (!service) {
    return (
      <p id={FEE_NOTE_ID} className="rounded-lg border-2 border-brand-100 bg-brand-50 p-3 text-slate-800">
        {isHydrated ? t("chooseService") : t("seeServiceList")}
      </p>
    );
  }

  const demanded = readAmount(amountDemanded);
  const paid = readAmount(amountPaid);
  const difference = computeFeeDifference(demanded, service.feeRupiah);

  return (
    <div id={FEE_NOTE_ID} className="space-y-2 rounded-lg border-2 border-brand-100 bg-brand-50 p-3 text-slate-800">
      <p>
        <span className="font-semibold">{t("official", { fee: rupiah(service.feeRupiah) })}</span>
        <span className="block text-sm text-slate-700">{service.name}</span>
      </p>
      {isHydrated ? (
        <div aria-live="polite" className="space-y-1">
          {demanded !== null ? <p>{t("demanded", { amount: rupiah(demanded) })}</p> : null}
          {paid !== null ? <p>{t("paid", { amount: rupiah(paid) })}</p> : null}
          {difference !== null ? (
            <p className="font-semibold">
              {difference > 0
                ? t("differenceAbove", { amount: rupiah(difference) })
                : difference < 0
                  ? t("differenceBelow", { amount: rupiah(-difference) })
                  : t("differenceNone")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function readAmount(typed: string): number | null {
  if (typed.trim() === "") return null;
  const parsed = parseRupiahAmount(typed);
  return "amount" in parsed ? parsed.amount : null;
}
