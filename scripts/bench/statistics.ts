import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseStatisticsFilters } from "@/lib/statistics/filters";
import { getStatistics } from "@/lib/statistics/queries";
import { getStatisticsSnapshot } from "@/lib/statistics/snapshots";

import type { Measurement } from "./measure";

/**
 * The statistics page's data (lib/statistics/queries.ts) over the current year, for a
 * supervisor of each scope on the demo data: national (every case), the Jawa Barat regional
 * office and the Bekasi office (the busiest in the seed); then the national view as the page
 * serves it once stored (lib/statistics/snapshots.ts, warmed by one call first).
 */

const SUPERVISORS = [
  { email: "supervisor.nasional@demo.lapor-imigrasi.id", label: "national supervisor" },
  { email: "supervisor.jabar@demo.lapor-imigrasi.id", label: "regional supervisor (Jawa Barat)" },
  { email: "kepala.bekasi@demo.lapor-imigrasi.id", label: "office supervisor (Bekasi)" },
] as const;

type Measure = (name: string, run: () => Promise<string>) => Promise<Measurement>;

export async function measureStatistics(measure: Measure): Promise<Measurement[]> {
  const parsed = parseStatisticsFilters({ period: "year" }, new Date());
  if (!parsed.ok) throw new Error("the year period did not resolve");
  const measurements: Measurement[] = [];
  for (const { email, label } of SUPERVISORS) {
    const actor = await loadActor(email);
    measurements.push(
      await measure(`getStatistics, ${label}, this year`, async () => {
        const report = await getStatistics(actor, parsed.filters);
        return `${report.volume.received} received, ${report.backlog.open} open`;
      }),
    );
  }
  const national = await loadActor(SUPERVISORS[0].email);
  await getStatisticsSnapshot(national, parsed.filters);
  measurements.push(
    await measure("getStatisticsSnapshot, national supervisor, this year (stored)", async () => {
      const report = await getStatisticsSnapshot(national, parsed.filters);
      return `${report.volume.received} received, computed ${report.generatedAt}`;
    }),
  );
  return measurements;
}

function loadActor(email: string): Promise<StaffActor> {
  return db.staffUser.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
}
