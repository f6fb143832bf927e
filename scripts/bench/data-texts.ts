import type { CaseStatus, ForwardTarget, Locale } from "@/lib/generated/prisma/enums";
import { DEMO_TEXTS } from "@/prisma/seed/demo-texts";
import type { CategoryCode } from "@/prisma/seed/reference-data";

/**
 * The bench's wording, taken from the seed's demo texts (prisma/seed/demo-texts.ts) and turned into
 * rows the SQL generator joins: each story becomes a template with {service} and {counter} slots,
 * and a second sentence (where, when, what else) is added from the pools below, so a million
 * descriptions hold tens of thousands of distinct texts and full-text search sees realistic
 * word frequencies ("paspor" in about 60 % of the cases, as in the seed's data).
 */

export type StoryRow = { locale: Locale; categoryCode: CategoryCode; template: string };
export type ServiceNounRow = { locale: Locale; serviceCode: string; noun: string };
export type ReplyRow = { locale: Locale; key: string; body: string };

const SERVICE_SLOT = "\u0001";
const COUNTER_SLOT = 9_999;

export const DETAIL_SENTENCES: Record<Locale, string[]> = {
  id: [
    "Kejadian di {place} pada hari {weekday} sekitar pukul {time}.",
    "Saya datang bersama keluarga dan kejadiannya terjadi di {place}, kira-kira pukul {time}.",
    "Hal ini terjadi pada hari {weekday} di {place}; beberapa pemohon lain juga melihatnya.",
    "Saya berharap kantor menindaklanjuti laporan ini agar tidak terulang. Kejadian di {place}.",
    "Nomor antrean saya waktu itu {queue}; kejadian sekitar pukul {time} di {place}.",
    "Saya sudah mencoba bertanya ke bagian informasi tetapi tidak mendapat jawaban yang jelas.",
  ],
  en: [
    "It happened at the {place} on {weekday} at about {time}.",
    "My queue number was {queue}; it happened around {time}.",
    "Other applicants saw it too. I hope the office will look into it.",
  ],
};

export const WEEKDAYS: Record<Locale, string[]> = {
  id: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
};

function templateOf(story: (service: string, counter: number) => string): string {
  return story(SERVICE_SLOT, COUNTER_SLOT).replaceAll(SERVICE_SLOT, "{service}").replaceAll(String(COUNTER_SLOT), "{counter}");
}

export function storyRows(): StoryRow[] {
  return (Object.keys(DEMO_TEXTS) as Locale[]).flatMap((locale) =>
    (Object.entries(DEMO_TEXTS[locale].stories) as [CategoryCode, ((service: string, counter: number) => string)[]][]).flatMap(([categoryCode, stories]) =>
      stories.map((story) => ({ locale, categoryCode, template: templateOf(story) })),
    ),
  );
}

export function serviceNounRows(serviceCodes: string[]): ServiceNounRow[] {
  return (Object.keys(DEMO_TEXTS) as Locale[]).flatMap((locale) => [
    ...serviceCodes.map((serviceCode) => ({ locale, serviceCode, noun: DEMO_TEXTS[locale].serviceNoun(serviceCode) })),
    { locale, serviceCode: "", noun: DEMO_TEXTS[locale].genericService },
  ]);
}

export function accusedTemplates(locale: Locale): string[] {
  return DEMO_TEXTS[locale].accused.map((accused) => accused(COUNTER_SLOT).replaceAll(String(COUNTER_SLOT), "{counter}"));
}

const FORWARD_TARGETS: ForwardTarget[] = ["REGIONAL_OFFICE", "INSPECTORATE_GENERAL", "SABER_PUNGLI", "OMBUDSMAN"];
const REPLY_STATUSES: CaseStatus[] = ["VERIFIED", "WAITING_FOR_REPORTER", "RESOLVED"];

/**
 * Replies keyed "<status>" (VERIFIED, WAITING_FOR_REPORTER, RESOLVED), "REJECTED:<reason index>",
 * "FORWARDED:<target>", and forward notes keyed "NOTE:<target>".
 */
export function replyRows(): ReplyRow[] {
  return (Object.keys(DEMO_TEXTS) as Locale[]).flatMap((locale) => {
    const texts = DEMO_TEXTS[locale];
    const none = { forwardedTo: null, rejectionReason: null };
    return [
      ...REPLY_STATUSES.map((status) => ({ locale, key: status, body: texts.replyFor(status, none)! })),
      ...texts.rejectionReasons.map((reason, index) => ({ locale, key: `REJECTED:${index}`, body: texts.replyFor("REJECTED", { forwardedTo: null, rejectionReason: reason })! })),
      ...FORWARD_TARGETS.map((target) => ({ locale, key: `FORWARDED:${target}`, body: texts.replyFor("FORWARDED", { forwardedTo: target, rejectionReason: null })! })),
      ...FORWARD_TARGETS.map((target) => ({ locale, key: `NOTE:${target}`, body: texts.forwardNote(target) })),
    ];
  });
}

export function demoTexts(locale: Locale) {
  return DEMO_TEXTS[locale];
}
