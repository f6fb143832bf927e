import { randomUUID } from "node:crypto";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { computeChainLinkHash, PER_CASE_CHAIN_VERSION } from "@/lib/audit/chain";
import { encryptContact } from "@/lib/contacts/encryption";
import { workingDaysToClose } from "@/lib/deadlines/case-clock";
import { addWorkingDays, countWorkingDaysBetween, endOfJakartaDay, toJakartaDateKey } from "@/lib/deadlines/working-days";
import { deriveAppKey } from "@/lib/env";
import { RESOLUTION_WORKING_DAYS, VERIFICATION_WORKING_DAYS } from "@/lib/deadlines/tiers";
import type {
  ActorKind,
  CaseKind,
  CaseStatus,
  Channel,
  DeadlineTier,
  ForwardTarget,
  Locale,
  MessageKind,
  PaymentMethod,
} from "@/lib/generated/prisma/enums";
import { computeFeeDifference } from "@/lib/reports/fees";
import { generateTrackingCode } from "@/lib/reports/receipt";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import type { CategoryCode } from "./reference-data";
import { createRandom, type Random } from "./random";
import { DEMO_TRACKING_CODES } from "../demo-staff";
import { DEMO_TEXTS } from "./demo-texts";

/**
 * A year of realistic demo cases. Each case is simulated forward in time
 * (received, verified, in progress, maybe waiting for the reporter, closed)
 * and its status is whatever had happened by `now`, so dates, deadlines,
 * messages and the audit trail agree with each other.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Busy offices get more reports, like in real life; the others weigh 1 (the bench's data plan uses the same). */
export const OFFICE_WEIGHTS: Record<string, number> = {
  "kanim-bekasi": 14,
  "kanim-jakarta-selatan": 8,
  "kanim-soekarno-hatta": 8,
  "kanim-ngurah-rai": 7,
  "kanim-denpasar": 6,
  "kanim-surabaya": 6,
  "kanim-medan": 6,
  "kanim-batam": 6,
  "kanim-bandung": 5,
  "kanim-makassar": 4,
  "kanim-malang": 3,
};

type Reference = {
  offices: { id: number; code: string }[];
  services: { id: number; code: string; feeRupiah: number }[];
  categories: { id: number; code: string }[];
  holidays: Set<string>;
  officersByOffice: Map<number, string[]>;
};

type PlannedStep = { at: Date; status: CaseStatus };

type EventRow = {
  caseId: string;
  actorKind: ActorKind;
  actorId: string | null;
  action: string;
  isPublic: boolean;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject | null;
  createdAt: Date;
};

type MessageRow = {
  id: string;
  caseId: string;
  kind: MessageKind;
  body: string;
  authorId: string | null;
  isSigned: boolean;
  createdAt: Date;
};

/** A moment during office hours (08:00 to 15:00 Jakarta) on the day of `day`. */
function atOfficeHours(random: Random, day: Date): Date {
  const dayEnd = endOfJakartaDay(toJakartaDateKey(day)).getTime();
  const jakartaMidnight = dayEnd + 1 - DAY_MS;
  return new Date(jakartaMidnight + 8 * HOUR_MS + random.integer(0, 7 * 60) * 60 * 1000);
}

/** A moment during office hours on the n-th working day after `from` (0 = the same day, later than `from`). */
function workingDayMoment(random: Random, from: Date, workingDays: number, holidays: Set<string>): Date {
  const day = workingDays === 0 ? from : addWorkingDays(from, workingDays, holidays);
  const moment = atOfficeHours(random, day);
  return moment.getTime() > from.getTime() ? moment : new Date(from.getTime() + random.integer(20, 120) * 60 * 1000);
}

function pickService(random: Random, services: Reference["services"], kind: CaseKind, isForeigner: boolean) {
  const passportCodes = services.filter((service) => service.code.startsWith("paspor") || service.code.startsWith("percepatan") || service.code.startsWith("beban-paspor"));
  const foreignerCodes = services.filter((service) => /^(itk|itas|itap|imk|voa|visa|vitas|beban-overstay)/.test(service.code));
  if (isForeigner) return random.pick(foreignerCodes);
  if (kind === "PUNGLI" && random.chance(0.1)) return random.pick(foreignerCodes);
  return random.pick(random.chance(0.9) ? passportCodes : services);
}

export async function seedDemoCases(db: Database, options: { now: Date; caseCount: number; receiptSecretHash: string; seed?: number }) {
  const { now, caseCount, receiptSecretHash } = options;
  const random = createRandom(options.seed ?? 20261128);

  const [offices, services, categories, holidayRows, officers] = await Promise.all([
    db.office.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" } }),
    db.service
      .findMany({ select: { id: true, code: true, fees: { select: { feeRupiah: true }, orderBy: { effectiveFrom: "desc" }, take: 1 } }, orderBy: { id: "asc" } })
      .then((rows) => rows.map((row) => ({ id: row.id, code: row.code, feeRupiah: row.fees[0]?.feeRupiah ?? 0 }))),
    db.category.findMany({ select: { id: true, code: true } }),
    db.holiday.findMany({ select: { date: true } }),
    db.staffUser.findMany({ where: { role: "OFFICER" }, select: { id: true, officeId: true }, orderBy: { email: "asc" } }),
  ]);
  const officersByOffice = new Map<number, string[]>();
  for (const officer of officers) {
    if (officer.officeId == null) continue;
    officersByOffice.set(officer.officeId, [...(officersByOffice.get(officer.officeId) ?? []), officer.id]);
  }
  const reference: Reference = {
    offices,
    services,
    categories,
    holidays: new Set(holidayRows.map((row) => row.date.toISOString().slice(0, 10))),
    officersByOffice,
  };
  const categoryId = (code: CategoryCode) => reference.categories.find((category) => category.code === code)!.id;
  const officeWeights = reference.offices.map((office) => OFFICE_WEIGHTS[office.code] ?? 1);

  const cases: Prisma.CaseCreateManyInput[] = [];
  const contacts: { caseId: string; name: string; email: string | null; phone: string | null; createdAt: Date }[] = [];
  const messages: MessageRow[] = [];
  const events: EventRow[] = [];
  const ratings: { caseId: string; score: number; comment: string | null; createdAt: Date }[] = [];
  const usedCodes = new Set<string>();

  for (let index = 0; index < caseCount; index += 1) {
    const caseId = randomUUID();
    const office = reference.offices[random.weightedIndex(officeWeights)]!;
    const officeOfficers = reference.officersByOffice.get(office.id) ?? [];
    const assigneeId = officeOfficers.length > 0 ? random.pick(officeOfficers) : null;

    const kind: CaseKind = random.chance(0.35) ? "PUNGLI" : "COMPLAINT";
    const categoryCode: CategoryCode =
      kind === "PUNGLI"
        ? random.chance(0.6) ? "PUNGLI" : "CALO"
        : random.pickWeighted<CategoryCode>([
            ["SLOW_SERVICE", 35],
            ["RUDE_OFFICER", 15],
            ["PROCEDURE_NOT_FOLLOWED", 15],
            ["INFORMATION_NOT_GIVEN", 20],
            ["OTHER", 15],
          ]);
    const channel: Channel = random.pickWeighted<Channel>([
      ["ONLINE", 60],
      ["WALK_IN", 20],
      ["PHONE", 8],
      ["EMAIL", 5],
      ["SMS", 3],
      ["LETTER", 4],
    ]);
    const isForeigner = random.chance(0.1);
    const locale: Locale = isForeigner ? "en" : "id";
    const service = random.chance(0.92) ? pickService(random, reference.services, kind, isForeigner) : null;
    const isAnonymous = kind === "PUNGLI" ? random.chance(0.7) : random.chance(0.45);

    const ageInDays = random.chance(0.2) ? random.integer(0, 30) : random.integer(0, 364);
    const receivedDay = new Date(now.getTime() - ageInDays * DAY_MS - random.integer(1, 8) * HOUR_MS);
    const receivedAt = channel === "ONLINE" && random.chance(0.3) ? receivedDay : atOfficeHours(random, receivedDay);
    if (receivedAt.getTime() >= now.getTime()) receivedAt.setTime(now.getTime() - random.integer(1, 6) * HOUR_MS);
    const intakeById = channel === "ONLINE" ? null : assigneeId;

    const texts = DEMO_TEXTS[locale];
    const story = random.pick(texts.stories[categoryCode]);
    const place = random.pick(texts.places);
    const counter = random.integer(1, 12);
    const serviceName = service ? texts.serviceNoun(service.code) : texts.genericService;

    let pungli: {
      amountDemandedRupiah: number | null;
      amountPaidRupiah: number | null;
      paymentMethod: PaymentMethod;
      brokerInvolved: boolean;
      receiptGiven: boolean;
      accusedDescription: string;
      officialFeeRupiah: number | null;
      feeDifferenceRupiah: number | null;
    } | null = null;
    if (kind === "PUNGLI") {
      const officialFee = service?.feeRupiah ?? null;
      const extra = random.pick([150_000, 250_000, 300_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_500_000]);
      const amountDemanded = random.chance(0.9) ? (officialFee ?? 0) + extra : null;
      const paid = amountDemanded != null && random.chance(0.55) ? amountDemanded : random.chance(0.3) ? extra : 0;
      pungli = {
        amountDemandedRupiah: amountDemanded,
        amountPaidRupiah: amountDemanded == null ? null : paid,
        paymentMethod: random.pickWeighted<PaymentMethod>([
          ["CASH", 55],
          ["TRANSFER", 25],
          ["E_WALLET", 15],
          ["OTHER", 5],
        ]),
        brokerInvolved: categoryCode === "CALO" || random.chance(0.2),
        receiptGiven: random.chance(0.05),
        accusedDescription: random.pick(texts.accused)(counter),
        officialFeeRupiah: officialFee,
        feeDifferenceRupiah: computeFeeDifference(amountDemanded, officialFee),
      };
    }

    // Simulate what happens to the case.
    const tier: DeadlineTier =
      kind === "PUNGLI"
        ? random.pickWeighted<DeadlineTier>([["NO_INVESTIGATION", 45], ["INVESTIGATION", 40], ["NORMATIVE", 15]])
        : random.pickWeighted<DeadlineTier>([["LIGHT", 30], ["NORMATIVE", 50], ["NO_INVESTIGATION", 20]]);
    const outcome = random.pickWeighted<"RESOLVED" | "REJECTED" | "FORWARDED" | "STUCK">([
      ["RESOLVED", 72],
      ["REJECTED", 10],
      ["FORWARDED", kind === "PUNGLI" ? 14 : 5],
      ["STUCK", 8],
    ]);
    const verificationDueAt = addWorkingDays(receivedAt, VERIFICATION_WORKING_DAYS, reference.holidays);
    const verifyLag = random.pickWeighted<number>([[0, 10], [1, 25], [2, 25], [3, 20], [4, 10], [6, 10]]);
    const verifiedAt = workingDayMoment(random, receivedAt, verifyLag, reference.holidays);
    const inProgressAt = workingDayMoment(random, verifiedAt, random.integer(0, 2), reference.holidays);
    const waits = outcome !== "REJECTED" && random.chance(0.2);
    const waitStartAt = waits ? workingDayMoment(random, inProgressAt, 1, reference.holidays) : null;
    const waitDays = waits ? random.integer(1, 6) : 0;
    const waitEndAt = waitStartAt ? workingDayMoment(random, waitStartAt, waitDays, reference.holidays) : null;
    const tierDays = RESOLUTION_WORKING_DAYS[tier];
    const resolutionDueAt = addWorkingDays(verifiedAt, tierDays + waitDays, reference.holidays);
    const isLate = random.chance(0.2);
    const resolveLag = isLate ? tierDays + waitDays + random.integer(1, 10) : Math.max(0, Math.round(tierDays * random.between(0.2, 1)) + waitDays);
    const closedAtPlanned = outcome === "REJECTED" ? verifiedAt : outcome === "STUCK" ? null : workingDayMoment(random, verifiedAt, resolveLag, reference.holidays);

    const steps: PlannedStep[] = [{ at: receivedAt, status: "NEW" }];
    if (outcome === "REJECTED") {
      steps.push({ at: verifiedAt, status: "REJECTED" });
    } else {
      steps.push({ at: verifiedAt, status: "VERIFIED" }, { at: inProgressAt, status: "IN_PROGRESS" });
      if (waitStartAt && waitEndAt) steps.push({ at: waitStartAt, status: "WAITING_FOR_REPORTER" }, { at: waitEndAt, status: "IN_PROGRESS" });
      if (closedAtPlanned) steps.push({ at: closedAtPlanned, status: outcome === "FORWARDED" ? "FORWARDED" : "RESOLVED" });
    }
    const happened = steps.filter((step) => step.at.getTime() <= now.getTime());
    const status = happened[happened.length - 1]!.status;
    const isWaiting = status === "WAITING_FOR_REPORTER";
    const isVerified = happened.some((step) => step.status !== "NEW");
    const closedAt = ["RESOLVED", "REJECTED", "FORWARDED"].includes(status) ? happened[happened.length - 1]!.at : null;
    const isOpen = closedAt == null;
    const activeDue = !isVerified ? verificationDueAt : outcome === "REJECTED" ? null : resolutionDueAt;
    const isEscalated = isOpen && !isWaiting && activeDue != null && activeDue.getTime() < now.getTime();
    const forwardedTo: ForwardTarget | null =
      status === "FORWARDED"
        ? kind === "PUNGLI" ? random.pick<ForwardTarget>(["SABER_PUNGLI", "INSPECTORATE_GENERAL", "REGIONAL_OFFICE"]) : random.pick<ForwardTarget>(["REGIONAL_OFFICE", "OMBUDSMAN"])
        : null;

    let trackingCode = generateTrackingCode();
    while (usedCodes.has(trackingCode)) trackingCode = generateTrackingCode();
    usedCodes.add(trackingCode);

    cases.push({
      id: caseId,
      trackingCode,
      receiptSecretHash,
      kind,
      channel,
      locale,
      officeId: office.id,
      serviceId: service?.id ?? null,
      categoryId: categoryId(categoryCode),
      incidentDate: new Date(`${toJakartaDateKey(new Date(receivedAt.getTime() - random.integer(0, 6) * DAY_MS))}T00:00:00.000Z`),
      incidentPlace: place,
      description: story(serviceName, counter),
      ...(pungli ?? {}),
      reporterMode: isAnonymous ? "ANONYMOUS" : "IDENTIFIED",
      status,
      deadlineTier: tier,
      receivedAt,
      verificationDueAt,
      verifiedAt: isVerified ? verifiedAt : null,
      resolutionDueAt: isVerified && outcome !== "REJECTED" ? resolutionDueAt : null,
      clockPausedAt: isWaiting ? waitStartAt : null,
      pausedWorkingDays: waitEndAt && waitEndAt.getTime() <= now.getTime() ? waitDays : 0,
      closedAt,
      verificationWorkingDays: isVerified ? countWorkingDaysBetween(receivedAt, verifiedAt, reference.holidays) : null,
      resolutionWorkingDays: closedAt ? workingDaysToClose(receivedAt, closedAt, waitEndAt && waitEndAt.getTime() <= now.getTime() ? waitDays : 0, reference.holidays) : null,
      isEscalated,
      escalatedAt: isEscalated ? new Date(activeDue!.getTime() + 1) : null,
      rejectionReason: status === "REJECTED" ? random.pick(texts.rejectionReasons) : null,
      forwardedTo,
      forwardNote: forwardedTo ? texts.forwardNote(forwardedTo) : null,
      assigneeId: isVerified || random.chance(0.5) ? assigneeId : null,
      intakeById,
      createdAt: receivedAt,
      updatedAt: closedAt ?? happened[happened.length - 1]!.at,
      version: happened.length,
    });

    if (!isAnonymous) {
      const person = random.pick(texts.people);
      const contact = { name: person.name, email: random.chance(0.7) ? person.email : null, phone: random.chance(0.5) ? person.phone : null };
      contacts.push({ caseId, ...encryptContact(contact, caseId), createdAt: receivedAt });
    }

    // The conversation and the audit trail, in the order things happened.
    const staffActor = assigneeId;
    events.push({
      caseId,
      actorKind: intakeById ? "STAFF" : "REPORTER",
      actorId: intakeById,
      action: AUDIT_ACTIONS.CASE_FILED,
      isPublic: true,
      before: null,
      after: { status: "NEW", channel, kind },
      createdAt: receivedAt,
    });
    if (assigneeId && (isVerified || cases[cases.length - 1]!.assigneeId)) {
      events.push({
        caseId,
        actorKind: "STAFF",
        actorId: staffActor,
        action: AUDIT_ACTIONS.ASSIGNED,
        isPublic: false,
        before: { assigneeId: null },
        after: { assigneeId },
        createdAt: new Date(Math.min(verifiedAt.getTime(), now.getTime()) - 60 * 1000),
      });
    }
    for (let stepIndex = 1; stepIndex < happened.length; stepIndex += 1) {
      const step = happened[stepIndex]!;
      const previous = happened[stepIndex - 1]!;
      events.push({
        caseId,
        actorKind: assigneeId ? "STAFF" : "SYSTEM",
        actorId: staffActor,
        action: AUDIT_ACTIONS.STATUS_CHANGED,
        isPublic: true,
        before: { status: previous.status },
        after: { status: step.status },
        createdAt: step.at,
      });
      const replyBody = texts.replyFor(step.status, { forwardedTo, rejectionReason: cases[cases.length - 1]!.rejectionReason ?? null });
      if (replyBody) {
        const authorId = staffActor;
        const replyAt = new Date(step.at.getTime() + 5 * 60 * 1000);
        if (replyAt.getTime() <= now.getTime()) {
          messages.push({ id: randomUUID(), caseId, kind: "PUBLIC_REPLY", body: replyBody, authorId, isSigned: random.chance(0.3), createdAt: replyAt });
          events.push({ caseId, actorKind: authorId ? "STAFF" : "SYSTEM", actorId: authorId, action: AUDIT_ACTIONS.PUBLIC_REPLY_POSTED, isPublic: true, before: null, after: null, createdAt: replyAt });
        }
      }
      if (step.status === "IN_PROGRESS" && previous.status === "VERIFIED" && random.chance(0.4)) {
        const noteAt = new Date(step.at.getTime() + 30 * 60 * 1000);
        if (noteAt.getTime() <= now.getTime()) {
          messages.push({ id: randomUUID(), caseId, kind: "INTERNAL_NOTE", body: random.pick(texts.internalNotes), authorId: staffActor, isSigned: false, createdAt: noteAt });
          events.push({ caseId, actorKind: staffActor ? "STAFF" : "SYSTEM", actorId: staffActor, action: AUDIT_ACTIONS.INTERNAL_NOTE_ADDED, isPublic: false, before: null, after: null, createdAt: noteAt });
        }
      }
      if (step.status === "IN_PROGRESS" && previous.status === "WAITING_FOR_REPORTER") {
        const answerAt = new Date(step.at.getTime() - 10 * 60 * 1000);
        messages.push({ id: randomUUID(), caseId, kind: "REPORTER_MESSAGE", body: random.pick(texts.reporterAnswers), authorId: null, isSigned: false, createdAt: answerAt });
        events.push({ caseId, actorKind: "REPORTER", actorId: null, action: AUDIT_ACTIONS.REPORTER_MESSAGE_POSTED, isPublic: true, before: null, after: null, createdAt: answerAt });
      }
    }
    if (isEscalated) {
      events.push({ caseId, actorKind: "SYSTEM", actorId: null, action: AUDIT_ACTIONS.ESCALATED, isPublic: false, before: { isEscalated: false }, after: { isEscalated: true }, createdAt: new Date(activeDue!.getTime() + 1) });
    }
    if (closedAt && status !== "FORWARDED" && random.chance(status === "RESOLVED" ? 0.65 : 0.3)) {
      const ratedAt = new Date(closedAt.getTime() + random.integer(1, 96) * HOUR_MS);
      if (ratedAt.getTime() <= now.getTime()) {
        const wasLate = status === "RESOLVED" && isLate;
        const score = status === "REJECTED" ? random.pickWeighted<number>([[1, 30], [2, 30], [3, 25], [4, 15]]) : wasLate ? random.pickWeighted<number>([[2, 25], [3, 40], [4, 25], [5, 10]]) : random.pickWeighted<number>([[3, 15], [4, 40], [5, 45]]);
        ratings.push({ caseId, score, comment: random.chance(0.4) ? random.pick(texts.ratingComments[score >= 4 ? "good" : "bad"]) : null, createdAt: ratedAt });
        events.push({ caseId, actorKind: "REPORTER", actorId: null, action: AUDIT_ACTIONS.RATED, isPublic: true, before: null, after: { score }, createdAt: ratedAt });
      }
    }
  }

  giveDemoCasesFixedCodes(cases, ratings);

  // Each case has its own audit chain (lib/audit/chain.ts, version 3), in insertion order: insert
  // events in time order. The cases are new, so every chain starts here.
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const lastHashOfCase = new Map<string, string>();
  const chainKey = deriveAppKey("audit-chain");
  const chainedEvents = events.map((event) => {
    const prevHash = lastHashOfCase.get(event.caseId) ?? null;
    const hash = computeChainLinkHash(chainKey, prevHash, event);
    lastHashOfCase.set(event.caseId, hash);
    return { ...event, before: event.before ?? undefined, after: event.after ?? undefined, prevHash, hash, chainVersion: PER_CASE_CHAIN_VERSION };
  });

  await db.$transaction(async (transaction) => {
    await transaction.case.createMany({ data: cases });
    await transaction.reporterContact.createMany({ data: contacts });
    await transaction.caseMessage.createMany({ data: messages });
    await transaction.satisfactionRating.createMany({ data: ratings });
    for (let start = 0; start < chainedEvents.length; start += 500) {
      await transaction.caseEvent.createMany({ data: chainedEvents.slice(start, start + 500) });
    }
  }, { timeout: 120_000 });

  return { cases: cases.length, messages: messages.length, events: events.length, ratings: ratings.length, contacts: contacts.length };
}

/**
 * The newest case in progress and the newest resolved, unrated case get the fixed codes of
 * DEMO_TRACKING_CODES (demo cases are only seeded into an empty database, so they are free).
 */
function giveDemoCasesFixedCodes(cases: Prisma.CaseCreateManyInput[], ratings: { caseId: string }[]): void {
  const rated = new Set(ratings.map((rating) => rating.caseId));
  const isUnrated = (demoCase: Prisma.CaseCreateManyInput) => demoCase.id === undefined || !rated.has(demoCase.id);
  const inProgress = cases.findLast((demoCase) => demoCase.status === "IN_PROGRESS");
  const resolved =
    cases.findLast((demoCase) => demoCase.status === "RESOLVED" && isUnrated(demoCase)) ??
    cases.findLast((demoCase) => demoCase.status === "RESOLVED");
  if (inProgress) inProgress.trackingCode = DEMO_TRACKING_CODES.inProgress;
  if (resolved) resolved.trackingCode = DEMO_TRACKING_CODES.resolved;
}
