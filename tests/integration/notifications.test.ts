import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";

// The mail server is started before anything reads the environment, so lib/env.ts sees its address.
const smtp: SmtpListener = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
process.env.PUBLIC_BASE_URL = "https://lapor.example.test";
process.env.MAIL_FROM = "Lapor Imigrasi <noreply@lapor.example.test>";

const { assignCase } = await import("@/lib/cases/assignment");
const { escalateCase } = await import("@/lib/cases/escalation");
const { postCaseMessage } = await import("@/lib/cases/messages");
const { changeCaseStatus } = await import("@/lib/cases/status");
const { db } = await import("@/lib/db");
const { deliverNotificationMail } = await import("@/lib/notifications/deliver");
const { runQueuedJobs } = await import("@/lib/jobs/testing");
const { suppressionHashOf } = await import("@/lib/notifications/address");
const { createFixtureCase, createScopeFixture, markInvolvedDirectly } = await import("./cases-fixtures");
const { AUDIT_ACTIONS } = await import("@/lib/audit/actions");
const { recordEvent } = await import("@/lib/audit/record");
const { sendOfficerNewCaseBatches } = await import("@/lib/notifications/batch");
const { planDeadlineReminders, sendWeeklyDigests } = await import("@/lib/notifications/scheduled");

type Fixture = Awaited<ReturnType<typeof createScopeFixture>>;
let fixture: Fixture;

beforeAll(async () => {
  fixture = await createScopeFixture("notify");
});

beforeEach(() => {
  smtp.setMode("accept");
  smtp.mails.length = 0;
});

afterAll(async () => {
  await db.$disconnect();
  await smtp.close();
});

/** Runs the mail jobs the committed changes enqueued, through the job library (lib/jobs). */
async function deliverPending() {
  return runQueuedJobs("notification-mail");
}

async function identifiedCase(options: { email: string; locale?: "id" | "en"; status?: "VERIFIED" | "NEW" } = { email: "pelapor@example.test" }) {
  return createFixtureCase(fixture, {
    officeId: fixture.offices.a.id,
    contact: { name: "Budi Pelapor", email: options.email },
    locale: options.locale ?? "id",
    status: options.status ?? "VERIFIED",
    verifiedAt: options.status === "NEW" ? undefined : new Date(),
    resolutionDueAt: options.status === "NEW" ? undefined : new Date(Date.now() + 10 * 24 * 3600 * 1000),
  });
}

function mailsTo(address: string) {
  return smtp.mails.filter((mail) => mail.to.includes(address));
}

describe("reporter notices", () => {
  it("tell an identified reporter of a public reply, in their language, with only the code and the tracking link", async () => {
    const created = await identifiedCase({ email: "budi.reply@example.test" });
    const description = (await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { description: true } })).description;
    await postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Mohon kirim foto kuitansi RAHASIA-BALASAN.", isSigned: false });
    await deliverPending();

    const [mail] = mailsTo("budi.reply@example.test");
    expect(mail).toBeDefined();
    expect(mail!.parsed.subject).toBe(`Ada kabar tentang laporan ${created.trackingCode}`);
    expect(mail!.parsed.from?.text).toContain("noreply@lapor.example.test");
    expect(mail!.parsed.text).toContain(`https://lapor.example.test/lacak?kode=${created.trackingCode}`);
    expect(mail!.parsed.html).toContain(`https://lapor.example.test/lacak?kode=${created.trackingCode}`);
    expect(mail!.parsed.text).toContain("https://lapor.example.test/pemberitahuan/berhenti?token=");
    for (const forbidden of ["RAHASIA-BALASAN", description, "Budi Pelapor", fixture.staff.officerA.name]) {
      expect(mail!.parsed.text).not.toContain(forbidden);
      expect(String(mail!.parsed.html)).not.toContain(forbidden);
    }
  });

  it("writes in English to a reporter who filed in English", async () => {
    const created = await identifiedCase({ email: "en.reporter@example.test", locale: "en" });
    await postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Please send the receipt.", isSigned: false });
    await deliverPending();
    expect(mailsTo("en.reporter@example.test").map((mail) => mail.parsed.subject)).toEqual([`News on report ${created.trackingCode}`]);
  });

  it("sends one mail for a reply with a status change, the closing one, asking for a rating", async () => {
    const created = await identifiedCase({ email: "close@example.test" });
    await changeCaseStatus(fixture.staff.officerA, { caseId: created.id, version: created.version, to: "RESOLVED", replyToReporter: "Petugas telah diberi sanksi." });
    await deliverPending();
    const mails = mailsTo("close@example.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe(`Laporan ${created.trackingCode} telah ditutup`);
    expect(mails[0]!.parsed.text).toContain("penilaian");
  });

  it("says nothing of an internal note, and nothing at all when the change rolls back", async () => {
    const created = await identifiedCase({ email: "quiet@example.test" });
    await postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "INTERNAL_NOTE", body: "Catatan internal", isSigned: false });
    // A stale version: the reply is refused and its transaction rolls back.
    await expect(postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Balasan", isSigned: false })).rejects.toThrow();
    expect(await db.notification.count({ where: { caseId: created.id, recipientKind: "REPORTER" } })).toBe(0);
  });

  it("stays silent for an anonymous reporter who left no address", async () => {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, status: "VERIFIED", verifiedAt: new Date(), resolutionDueAt: new Date(Date.now() + 864e6) });
    await postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Balasan", isSigned: false });
    expect(await db.notification.count({ where: { caseId: created.id } })).toBe(0);
  });
});

describe("an anonymous reporter's notice-only email", () => {
  it("gets the notice of a reply, is stored encrypted, and stops with the signed link", async () => {
    const { ensureReportReferenceData, pungliForm, TEST_OFFICE } = await import("../fixtures/reports");
    const { fileReport } = await import("@/lib/reports/file-report");
    const { createUnsubscribeToken } = await import("@/lib/notifications/unsubscribe");
    const { stopReporterNotices } = await import("@/lib/notifications/stop-notices");
    await ensureReportReferenceData(db);
    const office = await db.office.findUniqueOrThrow({ where: { code: TEST_OFFICE }, select: { id: true } });
    const officer = await db.staffUser.create({
      data: { name: "Petugas Anonim", email: `petugas.anon.${Date.now()}@example.test`, passwordHash: "x", role: "OFFICER", scopeLevel: "OFFICE", officeId: office.id },
      select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
    });
    const filed = await fileReport({ form: pungliForm({ noticeEmail: "anon.notice@example.test" }), evidenceTokens: [], locale: "en" });
    if (filed.status !== "filed") throw new Error(JSON.stringify(filed));
    const created = await db.case.findUniqueOrThrow({ where: { trackingCode: filed.receipt.trackingCode }, select: { id: true, version: true, reporterMode: true, reporterContact: true, reporterNotice: { select: { email: true } } } });
    expect(created.reporterMode).toBe("ANONYMOUS");
    expect(created.reporterContact).toBeNull();
    expect(created.reporterNotice?.email).toMatch(/^ck1\./);

    await db.case.update({ where: { id: created.id }, data: { status: "VERIFIED", verifiedAt: new Date(), resolutionDueAt: new Date(Date.now() + 864e6) } });
    await postCaseMessage(officer, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Please tell us more.", isSigned: false });
    await deliverPending();
    const [mail] = mailsTo("anon.notice@example.test");
    expect(mail?.parsed.subject).toBe(`News on report ${filed.receipt.trackingCode}`);
    expect(mail?.parsed.text).not.toContain(filed.receipt.secretKey);

    expect(await stopReporterNotices(createUnsubscribeToken(created.id))).toBe("stopped");
    const latest = await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
    await postCaseMessage(officer, { caseId: created.id, version: latest.version, kind: "PUBLIC_REPLY", body: "Second reply.", isSigned: false });
    await deliverPending();
    expect(mailsTo("anon.notice@example.test")).toHaveLength(1);
    expect(await stopReporterNotices("forged.token")).toBe("invalid");
  });
});

describe("staff notifications", () => {
  it("tell the new assignee, and not the officer who assigned it to themselves", async () => {
    const created = await identifiedCase({ email: "assign@example.test" });
    await assignCase(fixture.staff.supervisorOfficeA, { caseId: created.id, version: created.version, assigneeId: fixture.staff.colleagueA.id });
    await deliverPending();
    const [mail] = mailsTo(fixture.staff.colleagueA.email);
    expect(mail?.parsed.subject).toBe(`Kasus ${created.trackingCode} ditugaskan kepada Anda`);
    expect(mail?.parsed.text).toContain(`https://lapor.example.test/dasbor/kasus/${created.id}`);
    expect(mail?.parsed.text).toContain("https://lapor.example.test/dasbor/akun");

    const own = await identifiedCase({ email: "assign2@example.test" });
    await assignCase(fixture.staff.officerA, { caseId: own.id, version: own.version, assigneeId: fixture.staff.officerA.id });
    expect(await db.notification.count({ where: { caseId: own.id, kind: "CASE_ASSIGNED" } })).toBe(0);
  });

  it("tell the supervisors whose scope holds an escalated case, and no one else", async () => {
    const created = await identifiedCase({ email: "esc@example.test" });
    await escalateCase(fixture.staff.supervisorNational, { caseId: created.id, note: "Perlu perhatian" });
    const recipients = await db.notification.findMany({ where: { caseId: created.id, kind: "ESCALATED" }, select: { staffUserId: true } });
    expect(recipients.map((row) => row.staffUserId).sort()).toEqual([fixture.staff.supervisorOfficeA.id, fixture.staff.supervisorRegion1.id].sort());
  });

  it("keep a muted kind in the dashboard list without a mail, except a supervisor's escalations", async () => {
    await db.staffNotificationSettings.create({ data: { staffUserId: fixture.staff.colleagueA.id, mutedMailKinds: ["CASE_ASSIGNED"] } });
    await db.staffNotificationSettings.create({ data: { staffUserId: fixture.staff.supervisorRegion1.id, mutedMailKinds: ["ESCALATED"], locale: "en" } });
    const created = await identifiedCase({ email: "mute@example.test" });
    await assignCase(fixture.staff.supervisorOfficeA, { caseId: created.id, version: created.version, assigneeId: fixture.staff.colleagueA.id });
    await escalateCase(fixture.staff.supervisorNational, { caseId: created.id, note: "Perlu perhatian" });
    await deliverPending();
    expect(await db.notification.findFirstOrThrow({ where: { caseId: created.id, kind: "CASE_ASSIGNED" }, select: { mailStatus: true, readAt: true } })).toEqual({ mailStatus: "NONE", readAt: null });
    expect(mailsTo(fixture.staff.colleagueA.email)).toHaveLength(0);
    const aboutThisCase = mailsTo(fixture.staff.supervisorRegion1.email).filter((mail) => mail.parsed.subject?.includes(created.trackingCode));
    expect(aboutThisCase.map((mail) => mail.parsed.subject)).toEqual([`Escalation: case ${created.trackingCode}`]);
    await db.staffNotificationSettings.deleteMany({ where: { staffUserId: { in: [fixture.staff.colleagueA.id, fixture.staff.supervisorRegion1.id] } } });
  });

  it("check the recipient's access again when the mail is built: someone marked involved in between gets nothing", async () => {
    const created = await identifiedCase({ email: "scope@example.test" });
    await assignCase(fixture.staff.supervisorOfficeA, { caseId: created.id, version: created.version, assigneeId: fixture.staff.involvedOfficerA.id });
    await markInvolvedDirectly(created.id, fixture.staff.involvedOfficerA.id, fixture.staff.supervisorOfficeA.id);
    await deliverPending();
    expect(mailsTo(fixture.staff.involvedOfficerA.email)).toHaveLength(0);
    expect(await db.notification.findFirstOrThrow({ where: { caseId: created.id, kind: "CASE_ASSIGNED" }, select: { mailStatus: true } })).toEqual({ mailStatus: "SKIPPED" });
  });
});

describe("a mail server that fails", () => {
  it("fails the job so the job library retries it with backoff, keeps the failure visible, and sends on a later attempt", async () => {
    const created = await identifiedCase({ email: "retry@example.test" });
    smtp.setMode("refuse");
    await postCaseMessage(fixture.staff.officerA, { caseId: created.id, version: created.version, kind: "PUBLIC_REPLY", body: "Balasan", isSigned: false });
    const notification = await db.notification.findFirstOrThrow({ where: { caseId: created.id, recipientKind: "REPORTER" }, select: { id: true } });
    // The reply itself is saved whatever the mail server does.
    expect(await db.caseMessage.count({ where: { caseId: created.id, kind: "PUBLIC_REPLY" } })).toBe(1);

    expect(await deliverPending()).toMatchObject({ completed: 0, failed: 1 });
    expect(await db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { mailStatus: true, mailAttempts: true, mailLastError: true } })).toMatchObject({ mailStatus: "FAILED", mailAttempts: 1, mailLastError: expect.stringContaining("421") });
    // The retry waits for its backoff delay.
    expect(await deliverPending()).toMatchObject({ completed: 0, failed: 0 });

    smtp.setMode("accept");
    expect(await runQueuedJobs("notification-mail", { includeDelayed: true })).toMatchObject({ completed: 1, failed: 0 });
    expect(mailsTo("retry@example.test")).toHaveLength(1);
    expect(await db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { mailStatus: true, mailAttempts: true } })).toEqual({ mailStatus: "SENT", mailAttempts: 2 });
    // The same job run again (a retry after a lost acknowledgement) sends nothing more.
    expect(await deliverNotificationMail(notification.id)).toBe("done-before");
    expect(mailsTo("retry@example.test")).toHaveLength(1);
  });

  it("marks a permanently refused address bounced, suppresses it, and never tries it again", async () => {
    const first = await identifiedCase({ email: "bounce.me@example.test" });
    await postCaseMessage(fixture.staff.officerA, { caseId: first.id, version: first.version, kind: "PUBLIC_REPLY", body: "Balasan", isSigned: false });
    const notification = await db.notification.findFirstOrThrow({ where: { caseId: first.id, recipientKind: "REPORTER" }, select: { id: true } });
    expect(await deliverNotificationMail(notification.id)).toBe("bounced");
    expect(await db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { mailStatus: true } })).toEqual({ mailStatus: "BOUNCED" });
    const suppressed = await db.mailSuppression.findUniqueOrThrow({ where: { addressHash: suppressionHashOf("bounce.me@example.test") } });
    // The server's answer named the address: neither the suppression nor the admins' view keeps it.
    const stored = await db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { mailLastError: true } });
    expect(stored.mailLastError).toContain("550");
    for (const text of [suppressed.reason, stored.mailLastError]) expect(text).not.toContain("bounce.me@example.test");

    const second = await identifiedCase({ email: "bounce.me@example.test" });
    await postCaseMessage(fixture.staff.officerA, { caseId: second.id, version: second.version, kind: "PUBLIC_REPLY", body: "Balasan", isSigned: false });
    smtp.setMode("refuse");
    const next = await db.notification.findFirstOrThrow({ where: { caseId: second.id, recipientKind: "REPORTER" }, select: { id: true } });
    // Not even attempted: a refusing server would have made this throw.
    expect(await deliverNotificationMail(next.id)).toBe("bounced");
  });
});

describe("scheduled notifications", () => {

  async function fileInOfficeB() {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.b.id });
    await db.$transaction((tx) => recordEvent(tx, { caseId: created.id, actorKind: "REPORTER", action: AUDIT_ACTIONS.CASE_FILED, isPublic: true, after: { status: "NEW" } }));
    return created;
  }

  it("batch an office's new cases into one mail per officer, at most one per interval", async () => {
    const now = new Date();
    const first = await fileInOfficeB();
    const second = await fileInOfficeB();
    await sendOfficerNewCaseBatches({ now, batchMinutes: 15 });
    expect(mailsTo(fixture.staff.officerB.email)).toHaveLength(1);
    const [mail] = mailsTo(fixture.staff.officerB.email);
    expect(mail?.parsed.subject).toContain(first.trackingCode);
    expect(mail?.parsed.subject).toContain(second.trackingCode);
    expect(mailsTo(fixture.staff.officerA.email)).toHaveLength(0);

    const third = await fileInOfficeB();
    expect(await sendOfficerNewCaseBatches({ now: new Date(now.getTime() + 5 * 60_000), batchMinutes: 15 })).toEqual({ mailed: 0 });
    expect(await sendOfficerNewCaseBatches({ now: new Date(now.getTime() + 16 * 60_000), batchMinutes: 15 })).toEqual({ mailed: 1 });
    expect(mailsTo(fixture.staff.officerB.email).map((entry) => entry.parsed.subject)).toEqual([mail?.parsed.subject, `Kasus baru di kantor Anda: ${third.trackingCode}`]);
  });

  it("remind the assignee once of a deadline due within one working day", async () => {
    const now = new Date();
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.c.id, status: "NEW", verificationDueAt: new Date(now.getTime() + 2 * 3600_000), assigneeId: fixture.staff.officerC.id });
    await planDeadlineReminders({ now });
    await planDeadlineReminders({ now });
    const reminders = await db.notification.findMany({ where: { caseId: created.id, kind: "DEADLINE_DUE" }, select: { staffUserId: true } });
    expect(reminders).toEqual([{ staffUserId: fixture.staff.officerC.id }]);
    await deliverPending();
    expect(mailsTo(fixture.staff.officerC.email).map((mail) => mail.parsed.subject)).toEqual([`Tenggat kasus ${created.trackingCode} jatuh dalam satu hari kerja`]);
  });

  it("send each supervisor one weekly digest of their scope with a link to the statistics", async () => {
    const now = new Date();
    await sendWeeklyDigests({ now });
    await sendWeeklyDigests({ now });
    const digests = mailsTo(fixture.staff.supervisorRegion2.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.parsed.subject).toBe(`Ringkasan mingguan: ${fixture.region2.name}`);
    expect(digests[0]!.parsed.text).toContain("https://lapor.example.test/dasbor/statistik");
    expect(digests[0]!.parsed.text).toMatch(/Kasus baru: \d+\. Selesai: \d+\. Lewat tenggat \(masih terbuka\): \d+\./);
    expect(mailsTo(fixture.staff.officerA.email).filter((mail) => mail.parsed.subject?.startsWith("Ringkasan"))).toHaveLength(0);
  });
});
