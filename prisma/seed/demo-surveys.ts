import type { Prisma } from "@/lib/generated/prisma/client";
import type { SurveyChannel } from "@/lib/generated/prisma/enums";
import type { Database } from "@/lib/prisma-client";
import { SURVEY_ELEMENTS } from "@/lib/surveys/elements";
import { dayKeyToDate, officeDayKey, officeTimeZone } from "@/lib/surveys/office-day";

import { createRandom, type Random } from "./random";

/**
 * Demo visitor-survey answers (issue 14) for the last 12 months, deterministic for a given day:
 * the busy offices get enough answers per half-year for the IKM's minimum sample (the
 * Krejcie-Morgan table asks about 380 for a large volume), a few quiet offices get too few (so
 * the demo also shows "sample too small"). Each office has its own quality and its own share of
 * visitors asked to pay extra, so the offices' indices, categories and pungli gaps differ. One
 * open burst flag at Kanim Bekasi shows what supervisors review.
 */

/** Answers per month, and the office's service quality (mean score) and share asked to pay extra. */
const OFFICE_PROFILES: Record<string, { perMonth: number; quality: number; askedToPay: number }> = {
  "kanim-bekasi": { perMonth: 110, quality: 2.75, askedToPay: 0.14 },
  "kanim-jakarta-selatan": { perMonth: 90, quality: 3.45, askedToPay: 0.03 },
  "kanim-soekarno-hatta": { perMonth: 85, quality: 3.1, askedToPay: 0.09 },
  "kanim-ngurah-rai": { perMonth: 80, quality: 3.3, askedToPay: 0.05 },
  "kanim-denpasar": { perMonth: 75, quality: 3.55, askedToPay: 0.02 },
  "kanim-surabaya": { perMonth: 75, quality: 3.2, askedToPay: 0.06 },
  "kanim-medan": { perMonth: 70, quality: 2.55, askedToPay: 0.18 },
  "kanim-batam": { perMonth: 70, quality: 3.0, askedToPay: 0.08 },
  "kanim-bandung": { perMonth: 70, quality: 3.35, askedToPay: 0.04 },
  "kanim-makassar": { perMonth: 20, quality: 3.15, askedToPay: 0.05 },
  "kanim-malang": { perMonth: 12, quality: 3.4, askedToPay: 0.03 },
};

/** Elements visitors judge apart from the office's overall quality (the regulation's usual weak spots). */
const ELEMENT_OFFSETS: Record<(typeof SURVEY_ELEMENTS)[number]["key"], number> = {
  requirements: 0.1,
  procedure: 0,
  time: -0.35,
  cost: 0.15,
  product: 0.2,
  staffCompetence: 0.05,
  staffConduct: 0,
  complaintHandling: -0.3,
  facilities: -0.15,
};

/** Most visitors come for passports. */
const SERVICE_WEIGHTS: Record<string, number> = { "paspor-el-10th": 30, "paspor-biasa-nonel-10th": 25, "paspor-el-5th": 8, "paspor-biasa-nonel-5th": 8, "percepatan-paspor": 6, "itas-1th": 5, "itk-30h": 4 };

const COMMENTS = [
  "Antrean panjang, tapi petugas ramah.",
  "Ruang tunggu panas, AC tidak menyala.",
  "Pelayanan cepat, terima kasih.",
  "Informasi persyaratan di situs tidak sama dengan di loket.",
  "Ada calo di parkiran yang menawarkan jalur cepat.",
];

const DAY_MS = 24 * 60 * 60 * 1000;

function score(random: Random, mean: number): number {
  const value = Math.round(mean + random.between(-1.1, 1.1));
  return Math.min(4, Math.max(1, value));
}

function drawChannel(random: Random): SurveyChannel {
  return random.pickWeighted<SurveyChannel>([
    ["RANDOM_INVITATION", 60],
    ["OPEN_POSTER", 25],
    ["INTERVIEWER", 15],
  ]);
}

export async function seedDemoSurveys(db: Database, options: { now: Date }): Promise<{ responses: number; burstFlags: number }> {
  if ((await db.surveyResponse.count()) > 0) return { responses: 0, burstFlags: 0 };
  const [offices, services, interviewer] = await Promise.all([
    db.office.findMany({ where: { code: { in: Object.keys(OFFICE_PROFILES) } }, select: { id: true, code: true, province: true }, orderBy: { code: "asc" } }),
    db.service.findMany({ where: { isActive: true }, select: { id: true, code: true }, orderBy: { code: "asc" } }),
    db.staffUser.findFirst({ where: { role: "SUPERVISOR", scopeLevel: "NATIONAL" }, orderBy: { email: "asc" }, select: { id: true } }),
  ]);
  if (services.length === 0) return { responses: 0, burstFlags: 0 };
  const serviceEntries = services.map((service) => [service.id, SERVICE_WEIGHTS[service.code] ?? 1] as const);
  const random = createRandom(1414);
  const rows: Prisma.SurveyResponseCreateManyInput[] = [];

  for (const office of offices) {
    const profile = OFFICE_PROFILES[office.code]!;
    const zone = officeTimeZone(office.province);
    // 365 days back, up to yesterday; answers spread evenly over the days.
    const answers = Math.round((profile.perMonth * 365) / 30.4);
    for (let index = 0; index < answers; index += 1) {
      const daysBack = 1 + Math.floor(random.next() * 365);
      const channel = drawChannel(random);
      // Self-selected poster answers lean to the extremes.
      const mean = profile.quality + (channel === "OPEN_POSTER" ? random.pick([-0.4, 0.3]) : 0);
      const scores = Object.fromEntries(SURVEY_ELEMENTS.map((element) => [element.column, score(random, mean + ELEMENT_OFFSETS[element.key])]));
      const askedToPay = random.chance(profile.askedToPay);
      const paid = askedToPay || random.chance(0.9);
      rows.push({
        officeId: office.id,
        serviceId: random.pickWeighted(serviceEntries),
        channel,
        submittedOn: dayKeyToDate(officeDayKey(new Date(options.now.getTime() - daysBack * DAY_MS), zone)),
        ...(scores as Record<(typeof SURVEY_ELEMENTS)[number]["column"], number>),
        askedToPay,
        askedToPayAmountRupiah: askedToPay && random.chance(0.7) ? random.integer(2, 30) * 50_000 : null,
        askedToPayBy: askedToPay ? random.pickWeighted<"STAFF" | "BROKER">([["BROKER", 60], ["STAFF", 40]]) : null,
        offeredShortcutByBroker: random.chance(profile.askedToPay * 1.5 + 0.02),
        receiptGiven: paid ? (askedToPay ? random.chance(0.2) : random.chance(0.95)) : null,
        comment: random.chance(0.08) ? random.pick(COMMENTS) : null,
        interviewerId: channel === "INTERVIEWER" ? interviewer?.id ?? null : null,
      });
    }
  }
  for (let start = 0; start < rows.length; start += 2000) await db.surveyResponse.createMany({ data: rows.slice(start, start + 2000) });

  // One burst at Bekasi two days ago: a dozen poster answers within minutes, all top marks.
  const bekasi = offices.find((office) => office.code === "kanim-bekasi");
  let burstFlags = 0;
  if (bekasi) {
    const windowStart = new Date(Math.floor((options.now.getTime() - 2 * DAY_MS) / (10 * 60_000)) * 10 * 60_000);
    const flag = await db.surveyBurstFlag.create({
      data: { officeId: bekasi.id, channel: "OPEN_POSTER", windowStart, windowEnd: new Date(windowStart.getTime() + 10 * 60_000) },
      select: { id: true },
    });
    const day = dayKeyToDate(officeDayKey(windowStart, officeTimeZone(bekasi.province)));
    await db.surveyResponse.createMany({
      data: Array.from({ length: 12 }, () => ({
        officeId: bekasi.id,
        serviceId: services[0]!.id,
        channel: "OPEN_POSTER" as const,
        submittedOn: day,
        ...Object.fromEntries(SURVEY_ELEMENTS.map((element) => [element.column, 4])),
        scoreRequirements: 4,
        askedToPay: false,
        offeredShortcutByBroker: false,
        receiptGiven: true,
        burstFlagId: flag.id,
      })) as Prisma.SurveyResponseCreateManyInput[],
    });
    burstFlags = 1;
  }
  return { responses: rows.length + (bekasi ? 12 : 0), burstFlags };
}
