import "server-only";

import { getEnvironment } from "@/lib/env";

import { createLocalFileStorage, type FileStorage } from "./storage";

let storage: FileStorage | undefined;

/** The evidence store of this installation (local disk under STORAGE_DIR). */
export function getEvidenceStorage(): FileStorage {
  storage ??= createLocalFileStorage(getEnvironment().STORAGE_DIR);
  return storage;
}
