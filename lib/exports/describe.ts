import "server-only";

import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints } from "@/lib/audit/checkpoints";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { StatisticsScope } from "@/lib/statistics/types";

import type { ExportFormat, ExportParams } from "./params";
import type { ExportTranslators } from "./texts";

/**
 * The words an export file carries about itself: its scope, period and filters (PDF title page
 * and footer, XLSX summary sheet, the file name). Codes in the filters are shown with their
 * names, as a reader of the printed report knows them.
 */

export type ExportDescription = {
  scope: StatisticsScope;
  scopeLabel: string;
  /** Lower-case letters, digits and dashes, for the file name. */
  scopeSlug: string;
  periodLabel: string;
  filtersLabel: string;
  /**
   * The audit chain's latest signed checkpoint (lib/audit/checkpoints.ts), so every export also
   * carries an anchor of the trail outside the database: whoever keeps the file can later hold
   * the chain to it. Null before the first checkpoint.
   */
  auditCheckpointLabel: string | null;
};

export async function describeExport(actor: StaffActor, params: ExportParams, { t, labels }: ExportTranslators): Promise<ExportDescription> {
  const { filters, locale } = params;
  const [scope, office, category, service, [checkpoint]] = await Promise.all([
    findScope(actor),
    filters.office ? db.office.findUnique({ where: { code: filters.office }, select: { name: true } }) : null,
    filters.category ? db.category.findUnique({ where: { code: filters.category }, select: { nameId: true, nameEn: true } }) : null,
    filters.service ? db.service.findUnique({ where: { code: filters.service }, select: { nameId: true, nameEn: true } }) : null,
    listPublishedCheckpoints(db, { take: 1 }),
  ]);
  const localName = (named: { nameId: string; nameEn: string } | null, fallback: string) => (named ? (locale === "en" ? named.nameEn : named.nameId) : fallback);
  const parts: string[] = [];
  if (filters.office) parts.push(t("filterParts.office", { value: office?.name ?? filters.office }));
  if (filters.kind) parts.push(t("filterParts.kind", { value: labels(`kind.${filters.kind}`) }));
  if (filters.channel) parts.push(t("filterParts.channel", { value: labels(`channel.${filters.channel}`) }));
  if (filters.category) parts.push(t("filterParts.category", { value: localName(category, filters.category) }));
  if (filters.service) parts.push(t("filterParts.service", { value: localName(service, filters.service) }));
  if (params.includeFreeText) parts.push(t("filterParts.freeText"));

  const scopeLabel = scope.scope.kind === "all" || scope.scope.kind === "none" ? t(`scope.${scope.scope.kind}`) : t(`scope.${scope.scope.kind}`, { name: scope.scope.name });
  return {
    scope: scope.scope,
    scopeLabel,
    scopeSlug: slugify(filters.office ?? scope.code ?? scopeLabel) || "scope",
    periodLabel: `${filters.period.from} – ${filters.period.to}`,
    filtersLabel: parts.length > 0 ? parts.join("; ") : t("filterParts.none"),
    auditCheckpointLabel: checkpoint ? t("report.auditCheckpointValue", { ...checkpoint, publicKey: checkpointPublicKey() }) : null,
  };
}

async function findScope(actor: StaffActor): Promise<{ scope: StatisticsScope; code: string | null }> {
  if (actor.role === "ADMIN" || (actor.role === "SUPERVISOR" && actor.scopeLevel === "NATIONAL")) return { scope: { kind: "all" }, code: null };
  if (actor.role === "SUPERVISOR" && actor.scopeLevel === "REGIONAL") {
    const region = actor.regionalOfficeId == null ? null : await db.regionalOffice.findUnique({ where: { id: actor.regionalOfficeId }, select: { name: true, code: true } });
    return region ? { scope: { kind: "region", name: region.name }, code: region.code } : { scope: { kind: "none" }, code: null };
  }
  const office = actor.officeId == null ? null : await db.office.findUnique({ where: { id: actor.officeId }, select: { name: true, code: true } });
  return office ? { scope: { kind: "office", name: office.name }, code: office.code } : { scope: { kind: "none" }, code: null };
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", xlsx: "xlsx", pdf: "pdf" };

/** e.g. "kasus-kanim-jakarta-selatan-2026-10-01_2026-10-31.csv" or "laporan-nasional-2026-10-01_2026-10-31.pdf". */
export function exportFileName(params: ExportParams, description: ExportDescription, { t }: ExportTranslators): string {
  const prefix = params.format === "pdf" ? t("fileName.report") : t("fileName.cases");
  return `${prefix}-${description.scopeSlug}-${params.filters.period.from}_${params.filters.period.to}.${EXTENSIONS[params.format]}`;
}
