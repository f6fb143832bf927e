import type { Database } from "@/lib/prisma-client";

import { createRandom } from "./random";

/**
 * Demo service volumes (issue 14): for every office and active service, the 12 months before the
 * current one, entered by the demo admin. Busy offices (airports, big cities) deliver a few
 * thousand services a month, most of them passports; quiet ones a few hundred. With them the demo
 * shows reports per 10,000 services and the survey's Krejcie–Morgan minimum (about 380 answers
 * for a half-year of a busy office). Skipped when any volume exists.
 */

const BUSY_OFFICES = new Set(["kanim-jakarta-selatan", "kanim-soekarno-hatta", "kanim-ngurah-rai", "kanim-bekasi", "kanim-surabaya", "kanim-medan", "kanim-batam", "kanim-bandung", "kanim-denpasar"]);
const PASSPORT_SHARE: Record<string, number> = { "paspor-el-10th": 0.35, "paspor-biasa-nonel-10th": 0.3, "paspor-el-5th": 0.07, "paspor-biasa-nonel-5th": 0.07, "percepatan-paspor": 0.05 };

export async function seedDemoVolumes(db: Database, options: { now: Date }): Promise<{ volumes: number }> {
  if ((await db.serviceVolume.count()) > 0) return { volumes: 0 };
  const [offices, services, admin] = await Promise.all([
    db.office.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } }),
    db.service.findMany({ where: { isActive: true }, select: { id: true, code: true }, orderBy: { code: "asc" } }),
    db.staffUser.findFirst({ where: { role: "ADMIN" }, orderBy: { email: "asc" }, select: { id: true } }),
  ]);
  if (!admin || services.length === 0) return { volumes: 0 };
  const random = createRandom(14_2017);
  const jakartaMonth = new Date(options.now.getTime() + 7 * 3_600_000);
  const months = Array.from({ length: 12 }, (_, index) => new Date(Date.UTC(jakartaMonth.getUTCFullYear(), jakartaMonth.getUTCMonth() - 12 + index, 1)));
  const otherShare = 0.16 / Math.max(1, services.filter((service) => PASSPORT_SHARE[service.code] === undefined).length);
  const rows = [];
  for (const office of offices) {
    const monthly = BUSY_OFFICES.has(office.code) ? random.integer(2500, 6000) : random.integer(200, 900);
    for (const month of months) {
      const seasonal = monthly * random.between(0.85, 1.15);
      for (const service of services) {
        rows.push({ officeId: office.id, serviceId: service.id, month, count: Math.round(seasonal * (PASSPORT_SHARE[service.code] ?? otherShare)), enteredById: admin.id, enteredAt: options.now });
      }
    }
  }
  for (let start = 0; start < rows.length; start += 5000) await db.serviceVolume.createMany({ data: rows.slice(start, start + 5000) });
  return { volumes: rows.length };
}
