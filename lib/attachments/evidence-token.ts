import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A staged file's claim ticket: which staging key holds it, what it is, and until when it may
 * be attached to a report. Signed with HMAC-SHA256, so any app instance can check it without
 * shared memory and nobody can point it at another key. Pure: the key is a parameter.
 */

/** What the reporter's browser keeps for a file it already sent. */
export type StagedEvidence = {
  token: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
};

/** A token that checked out: the file and where it waits. */
export type VerifiedStagedEvidence = StagedEvidence & { storageKey: string; expiresAt: Date };

export const STAGED_EVIDENCE_LIFETIME_MS = 24 * 60 * 60 * 1000;

type TokenPayload = {
  v: 1;
  /** Staging key. */
  k: string;
  n: string;
  t: string;
  s: number;
  h: string;
  /** Expiry, seconds since the epoch. */
  e: number;
};

function mac(encodedPayload: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(`staged-evidence.${encodedPayload}`).digest();
}

export function signEvidenceToken(
  file: { storageKey: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; expiresAt: Date },
  key: Buffer,
): string {
  const payload: TokenPayload = {
    v: 1,
    k: file.storageKey,
    n: file.fileName,
    t: file.mediaType,
    s: file.sizeBytes,
    h: file.sha256,
    e: Math.floor(file.expiresAt.getTime() / 1000),
  };
  const encodedPayload = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${encodedPayload}.${mac(encodedPayload, key).toString("base64url")}`;
}

export type TokenProblem = "malformed" | "forged" | "expired";

export function verifyEvidenceToken(token: string, key: Buffer, now: Date): { ok: true; evidence: VerifiedStagedEvidence } | { ok: false; problem: TokenProblem } {
  const parts = token.split(".");
  if (parts.length !== 2 || token.length > 2048) return { ok: false, problem: "malformed" };
  const [encodedPayload, encodedMac] = parts as [string, string];
  const expected = mac(encodedPayload, key);
  const given = Buffer.from(encodedMac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "forged" };

  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, "base64url").toString("utf8")) as TokenPayload;
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if (payload.v !== 1) return { ok: false, problem: "malformed" };
  const expiresAt = new Date(payload.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: "expired" };
  return {
    ok: true,
    evidence: {
      token,
      storageKey: payload.k,
      fileName: payload.n,
      mediaType: payload.t,
      sizeBytes: payload.s,
      sha256: payload.h,
      expiresAt,
    },
  };
}

/** The browser-facing view of a verified token. */
export function toStagedEvidence(evidence: VerifiedStagedEvidence): StagedEvidence {
  return { token: evidence.token, fileName: evidence.fileName, mediaType: evidence.mediaType, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 };
}
