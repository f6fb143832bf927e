import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { isValidNoticeEmail } from "@/lib/notifications/address";
import { describeMailDestinationOf } from "@/lib/notifications/mail-destination";
import { isMailMandatory, notificationsForEvent, strongerReporterKind } from "@/lib/notifications/rules";
import { buildDigestMail, buildReporterMail, buildStaffMail, type ReporterNoticeKind } from "@/lib/notifications/templates";
import { createUnsubscribeToken, readUnsubscribeToken } from "@/lib/notifications/unsubscribe";

const CODE = "LI-7K3M-9QX2";
const BASE = "https://lapor.example.test";
const CASE_ID = "0b6f0a3e-8f0c-4b8e-9a5e-2f1d3c4b5a69";
const REPORTER_KINDS: ReporterNoticeKind[] = ["CASE_UPDATED", "CASE_CLOSED", "CASE_AUTO_CLOSED", "RETALIATION_CHECK"];

describe("reporter notices", () => {
  it.each(REPORTER_KINDS.flatMap((kind) => (["id", "en"] as const).map((locale) => [kind, locale] as const)))("%s in %s names only the code, links to /lacak and to stopping, in text and HTML", (kind, locale) => {
    const mail = buildReporterMail({ kind, locale, trackingCode: CODE, baseUrl: BASE, unsubscribeUrl: `${BASE}/pemberitahuan/berhenti?token=abc` });
    expect(mail.subject).toContain(CODE);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(`${BASE}/lacak?kode=${CODE}`);
      expect(body).toContain(`${BASE}/pemberitahuan/berhenti?token=abc`);
    }
  });

  it("never carries a secret key: the template has no place for one", () => {
    const mail = buildReporterMail({ kind: "CASE_UPDATED", locale: "id", trackingCode: CODE, baseUrl: BASE, unsubscribeUrl: `${BASE}/x` });
    // A receipt's key is 4 groups of 4 characters; nothing but the code looks like that.
    expect(mail.text.replace(CODE, "")).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  });

  it("speaks the reporter's language", () => {
    expect(buildReporterMail({ kind: "CASE_UPDATED", locale: "id", trackingCode: CODE, baseUrl: BASE, unsubscribeUrl: BASE }).subject).toBe(`Ada kabar tentang laporan ${CODE}`);
    expect(buildReporterMail({ kind: "CASE_UPDATED", locale: "en", trackingCode: CODE, baseUrl: BASE, unsubscribeUrl: BASE }).subject).toBe(`News on report ${CODE}`);
  });

  it("escapes what goes into the HTML", () => {
    const mail = buildReporterMail({ kind: "CASE_UPDATED", locale: "en", trackingCode: "<b>", baseUrl: BASE, unsubscribeUrl: `${BASE}/?a=1&b=2` });
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&amp;b=2");
  });
});

describe("staff mails", () => {
  it("link one case to its page and several to the queue, with the settings page in the footer", () => {
    const one = buildStaffMail({ kind: "CASE_ASSIGNED", locale: "en", cases: [{ id: CASE_ID, trackingCode: CODE }], baseUrl: BASE });
    expect(one.text).toContain(`${BASE}/dasbor/kasus/${CASE_ID}`);
    expect(one.text).toContain(`${BASE}/dasbor/akun`);
    const several = buildStaffMail({ kind: "NEW_CASE", locale: "id", cases: [{ id: CASE_ID, trackingCode: CODE }, { id: CASE_ID, trackingCode: "LI-AAAA-BBBB" }], baseUrl: BASE });
    expect(several.subject).toBe(`Kasus baru di kantor Anda: ${CODE}, LI-AAAA-BBBB`);
    expect(several.text).toContain(`${BASE}/dasbor\n`);
  });

  it("digest states the figures and links to the statistics page in both languages", () => {
    const figures = { newCases: 12, resolved: 7, overdue: 2, onTimeShare: 86, averageRating: 4.25, ratings: 4 };
    const id = buildDigestMail({ locale: "id", scopeName: "Kanwil Aceh", figures, baseUrl: BASE });
    expect(id.text).toContain("Kasus baru: 12. Selesai: 7. Lewat tenggat (masih terbuka): 2.");
    expect(id.text).toContain("Tepat waktu: 86%");
    expect(id.text).toContain(`${BASE}/dasbor/statistik`);
    const en = buildDigestMail({ locale: "en", scopeName: "Aceh", figures: { ...figures, onTimeShare: null, averageRating: null, ratings: 0 }, baseUrl: BASE });
    expect(en.text).toContain("On time: no case closed yet. Satisfaction: no ratings yet.");
  });
});

describe("who is told of what", () => {
  it("maps the case events, the rules' new actions included", () => {
    expect(notificationsForEvent({ caseId: CASE_ID, action: AUDIT_ACTIONS.PUBLIC_REPLY_POSTED })).toEqual([{ kind: "CASE_UPDATED", audience: { kind: "reporter" } }]);
    expect(notificationsForEvent({ caseId: CASE_ID, action: AUDIT_ACTIONS.STATUS_CHANGED, after: { status: "WAITING_FOR_REPORTER" } })[0]?.kind).toBe("CASE_UPDATED");
    expect(notificationsForEvent({ caseId: CASE_ID, action: AUDIT_ACTIONS.STATUS_CHANGED, after: { status: "RESOLVED" } })[0]?.kind).toBe("CASE_CLOSED");
    expect(notificationsForEvent({ caseId: CASE_ID, action: AUDIT_ACTIONS.INTERNAL_NOTE_ADDED })).toEqual([]);
    expect(notificationsForEvent({ caseId: CASE_ID, action: "CASE_AUTO_CLOSED" })[0]?.kind).toBe("CASE_AUTO_CLOSED");
    expect(notificationsForEvent({ caseId: CASE_ID, action: "RETALIATION_CHECK_DUE", after: { round: 30 } })[0]?.kind).toBe("RETALIATION_CHECK");
    expect(notificationsForEvent({ caseId: null, action: AUDIT_ACTIONS.STAFF_SIGNED_IN })).toEqual([]);
  });

  it("keeps the notice that says most when changes coalesce, and escalations mandatory for supervisors only", () => {
    expect(strongerReporterKind("CASE_UPDATED", "CASE_CLOSED")).toBe("CASE_CLOSED");
    expect(strongerReporterKind("CASE_CLOSED", "CASE_UPDATED")).toBe("CASE_CLOSED");
    expect(isMailMandatory("SUPERVISOR", "ESCALATED")).toBe(true);
    expect(isMailMandatory("OFFICER", "ESCALATED")).toBe(false);
    expect(isMailMandatory("SUPERVISOR", "WEEKLY_DIGEST")).toBe(false);
  });
});

describe("stop links and addresses", () => {
  it("accept their own token and refuse a changed one", () => {
    const token = createUnsubscribeToken(CASE_ID);
    expect(readUnsubscribeToken(token)).toBe(CASE_ID);
    expect(readUnsubscribeToken(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(readUnsubscribeToken(`${Buffer.from("0b6f0a3e-8f0c-4b8e-9a5e-2f1d3c4b5a70").toString("base64url")}.${token.split(".")[1]}`)).toBeNull();
    expect(readUnsubscribeToken("garbage")).toBeNull();
  });

  it("validate addresses and say where mails go without credentials", () => {
    expect(isValidNoticeEmail("budi@example.co.id")).toBe(true);
    expect(isValidNoticeEmail("budi@")).toBe(false);
    expect(isValidNoticeEmail(`${"a".repeat(250)}@x.id`)).toBe(false);
    expect(describeMailDestinationOf({ smtpUrl: "smtp://user:secret@mail.example.test:587", captureDir: undefined })).toBe("SMTP server mail.example.test:587");
    expect(describeMailDestinationOf({ smtpUrl: undefined, captureDir: "/tmp/mails" })).toBe(".eml files in /tmp/mails (SMTP_URL is not set)");
  });
});
