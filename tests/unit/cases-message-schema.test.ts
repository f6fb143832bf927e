import { describe, expect, it } from "vitest";

import { messageSchema } from "@/lib/cases/schemas";

const REF = { caseId: "5f0c2a4e-8d1b-4c39-9a57-2b6f1e7d3c10", version: "3" };

function issuesOf(fields: Record<string, string>) {
  const result = messageSchema.safeParse({ ...REF, body: "Mohon kirim foto kuitansi.", ...fields });
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("the case page's message form", () => {
  it("refuses a message whose kind was not chosen, with its own code", () => {
    expect(issuesOf({})).toEqual([{ path: "kind", message: "chooseMessageKind" }]);
    expect(issuesOf({ kind: "  " })).toEqual([{ path: "kind", message: "chooseMessageKind" }]);
  });

  it("refuses an unknown kind as an invalid choice", () => {
    expect(issuesOf({ kind: "BROADCAST" })).toEqual([{ path: "kind", message: "invalidChoice" }]);
  });

  it("refuses a reply to the reporter that was not confirmed", () => {
    expect(issuesOf({ kind: "PUBLIC_REPLY" })).toEqual([{ path: "isPublicConfirmed", message: "confirmPublicReply" }]);
    expect(issuesOf({ kind: "PUBLIC_REPLY", isPublicConfirmed: "off" })).toEqual([{ path: "isPublicConfirmed", message: "confirmPublicReply" }]);
  });

  it("accepts a confirmed reply and an internal note, which needs no confirmation", () => {
    expect(issuesOf({ kind: "PUBLIC_REPLY", isPublicConfirmed: "on" })).toEqual([]);
    expect(issuesOf({ kind: "INTERNAL_NOTE" })).toEqual([]);
  });
});
