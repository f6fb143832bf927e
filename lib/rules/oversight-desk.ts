import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The oversight desk of a regional office (Kantor Wilayah): an Office row marked isOversightDesk,
 * in that region, where retaliation reports are filed. Every rule that decides who sees a case
 * reads its officeId (lib/cases/access.ts: queue, case page, search, counts, statistics, exports,
 * notifications), so filing a retaliation report here, and not at the office it is about, is what
 * keeps it from that office's officers and office supervisors, while the region's supervisors and
 * national supervisors see it like any case of their scope. No office-level account belongs to a
 * desk unless an admin deliberately creates one (the region's own staff).
 *
 * The desk is created inactive (so it is never offered on /lapor or at the complaint desk) the
 * first time its region receives a retaliation report; its code is derived from the region's, so
 * concurrent first reports meet on the unique code and share one desk.
 */

export function oversightDeskCode(regionalOfficeCode: string): string {
  return `${regionalOfficeCode}-PENGAWASAN`;
}

/** The desk's office id, created if the region has none yet. Its holidays are those of `place`'s province. */
export async function ensureOversightDesk(
  tx: Prisma.TransactionClient,
  regionalOfficeId: number,
  place: { city: string; province: string },
): Promise<number> {
  const region = await tx.regionalOffice.findUniqueOrThrow({ where: { id: regionalOfficeId }, select: { code: true, name: true } });
  const code = oversightDeskCode(region.code);
  await tx.$executeRaw`
    INSERT INTO "Office" ("code", "name", "city", "province", "regionalOfficeId", "isActive", "isOversightDesk", "updatedAt")
    VALUES (${code}, ${`Pengawasan ${region.name}`}, ${place.city}, ${place.province}, ${regionalOfficeId}, FALSE, TRUE, now())
    ON CONFLICT ("code") DO NOTHING`;
  const desk = await tx.office.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return desk.id;
}
