import "server-only";

import { randomBytes } from "node:crypto";

import { createLocalFileStorage, type FileStorage } from "@/lib/attachments/storage";
import { getEnvironment } from "@/lib/env";

/**
 * Export files live in the same storage as the evidence (STORAGE_DIR, shared by every instance),
 * under their own prefix, so the evidence's housekeeping never touches them and theirs never
 * touches evidence. One key per attempt: a worker that lost its job's lease cannot overwrite the
 * file of the worker that took over.
 */

export const EXPORTS_PREFIX = "exports";

let storage: FileStorage | undefined;

export function getExportStorage(): FileStorage {
  storage ??= createLocalFileStorage(getEnvironment().STORAGE_DIR);
  return storage;
}

export function newExportKey(jobId: string): string {
  return `${EXPORTS_PREFIX}/${jobId.toLowerCase()}/${randomBytes(12).toString("hex")}`;
}
