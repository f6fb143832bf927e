import "server-only";

import { toStagedEvidence, type StagedEvidence } from "@/lib/attachments/evidence-token";
import { readStagedEvidenceTokens, stageEvidence } from "@/lib/attachments/staging";
import { checkRateLimit } from "@/lib/rate-limit/limits";

import type { ReportErrorCode } from "./error-codes";
import { REPORT_LIMITS } from "./schemas";

/**
 * The evidence part of a form post: tokens of files staged earlier (by the upload endpoint or a
 * previous failed submission) and new files (the no-JavaScript path). New files are staged here,
 * so the reporter never has to choose them again, whatever else is wrong with the form.
 */

export type FormEvidence = {
  /** Every file accepted so far, new ones included, each with its token. */
  staged: StagedEvidence[];
  /** Problems with the files, for the evidence field. */
  fieldErrors: ReportErrorCode[];
  /** Problems with the whole post (the upload limit). */
  formErrors: ReportErrorCode[];
};

/** An empty file input still posts a nameless, empty part: it is not a file. */
function isChosenFile(value: FormDataEntryValue): value is File {
  return typeof value !== "string" && (value.size > 0 || value.name !== "");
}

export function readEvidenceTokens(formData: FormData): string[] {
  return formData.getAll("evidenceToken").filter((value): value is string => typeof value === "string" && value !== "");
}

/**
 * `countAgainstClientLimit: false` is for desk intake only (the caller has checked the officer's
 * intake permission): see ./evidence-limit.ts.
 */
export async function acceptFormEvidence(formData: FormData, options: { clientAddress: string; now: Date; countAgainstClientLimit?: boolean }): Promise<FormEvidence> {
  const tokens = readEvidenceTokens(formData);
  const files = formData.getAll("evidence").filter(isChosenFile);

  const earlier = readStagedEvidenceTokens(tokens, options.now);
  const staged = earlier.valid.map(toStagedEvidence);
  const fieldErrors = new Set<ReportErrorCode>();
  const formErrors = new Set<ReportErrorCode>();
  if (earlier.invalidCount > 0) fieldErrors.add("evidenceExpired");

  // Over the limit, none of the new files is kept (not even written): which ones to drop is the reporter's choice.
  if (staged.length + files.length > REPORT_LIMITS.files) {
    fieldErrors.add("tooManyFiles");
    return { staged, fieldErrors: [...fieldErrors], formErrors: [] };
  }

  for (const file of files) {
    // Checked before reading the bytes into a buffer of our own.
    if (file.size > REPORT_LIMITS.fileBytes) {
      fieldErrors.add("fileTooLarge");
      continue;
    }
    const allowed = options.countAgainstClientLimit === false ? { allowed: true } : await checkRateLimit("evidenceUpload", options.clientAddress, { now: options.now });
    if (!allowed.allowed) {
      formErrors.add("rateLimited");
      break;
    }
    const result = await stageEvidence({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name }, { now: options.now });
    if (result.ok) staged.push(result.evidence);
    else fieldErrors.add(result.error);
  }
  return { staged, fieldErrors: [...fieldErrors], formErrors: [...formErrors] };
}
