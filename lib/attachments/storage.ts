import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where evidence bytes live, behind an interface small enough for an S3-like store to
 * implement later. Keys are random and chosen by the app (never derived from a file name):
 * "staging/<hex>" for uploads not yet attached to a case, "cases/<case id>/<hex>" after.
 */
export type FileStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Writes from a stream (large exports), never holding the whole file in memory; same atomic rename as `put`. */
  putStream(key: string, source: Readable | AsyncIterable<Uint8Array | string>): Promise<{ sizeBytes: number }>;
  /** Null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** The file as a stream, or null when there is no such file. */
  getStream(key: string): Promise<{ stream: Readable; sizeBytes: number } | null>;
  /** Does nothing when there is no such file. */
  delete(key: string): Promise<void>;
  /** Throws StoredFileMissingError when `fromKey` holds no file. */
  move(fromKey: string, toKey: string): Promise<void>;
  /** Deletes the files under `prefix` last written before `cutoff`; returns how many. */
  deleteOlderThan(prefix: string, cutoff: Date): Promise<number>;
  /** The keys of the files under `prefix` last written before `cutoff`. */
  listOlderThan(prefix: string, cutoff: Date): Promise<string[]>;
};

export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key ${key}`);
    this.name = "StoredFileMissingError";
  }
}

/** Lower-case letters, digits and dashes between slashes: no dots, so no "..", no hidden files. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/;

function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 200) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

export const STAGING_PREFIX = "staging";
/** Evidence attached to a case: "cases/<case id>/<hex>". */
export const CASE_EVIDENCE_PREFIX = "cases";

export function newStagingKey(): string {
  return `staging/${randomBytes(16).toString("hex")}`;
}

export function newCaseEvidenceKey(caseId: string): string {
  return `${CASE_EVIDENCE_PREFIX}/${caseId.toLowerCase()}/${randomBytes(16).toString("hex")}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/** Files on local disk under `root`; readable by the app's user only. */
export function createLocalFileStorage(root: string): FileStorage {
  const absoluteRoot = path.resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(absoluteRoot, ...key.split("/"));
  };

  /** Removes now-empty folders left by a move or delete, up to (not including) the top-level prefix folder. */
  async function pruneEmptyFolders(key: string): Promise<void> {
    const segments = key.split("/");
    for (let depth = segments.length - 1; depth >= 2; depth -= 1) {
      try {
        await rmdir(path.join(absoluteRoot, ...segments.slice(0, depth)));
      } catch {
        return;
      }
    }
  }

  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // Written beside the target, then renamed: a reader never sees half a file.
      const temporary = `${target}.partial-${randomBytes(6).toString("hex")}`;
      await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
      await rename(temporary, target);
    },

    async putStream(key, source) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = `${target}.partial-${randomBytes(6).toString("hex")}`;
      try {
        await pipeline(source, createWriteStream(temporary, { flags: "wx", mode: 0o600 }));
        await rename(temporary, target);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      return { sizeBytes: (await stat(target)).size };
    },

    async getStream(key) {
      const filePath = pathOf(key);
      try {
        const info = await stat(filePath);
        return { stream: createReadStream(filePath), sizeBytes: info.size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      await pruneEmptyFolders(key);
    },

    async move(fromKey, toKey) {
      const source = pathOf(fromKey);
      const target = pathOf(toKey);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      try {
        await rename(source, target);
      } catch (error) {
        if (isMissing(error)) {
          await pruneEmptyFolders(toKey);
          throw new StoredFileMissingError(fromKey);
        }
        throw error;
      }
      await pruneEmptyFolders(fromKey);
    },

    async deleteOlderThan(prefix, cutoff) {
      const folder = pathOf(prefix);
      let entries: string[];
      try {
        entries = await readdir(folder, { recursive: true });
      } catch (error) {
        if (isMissing(error)) return 0;
        throw error;
      }
      let deleted = 0;
      for (const entry of entries) {
        const filePath = path.join(folder, entry);
        try {
          const info = await stat(filePath);
          if (info.isFile() && info.mtime < cutoff) {
            await unlink(filePath);
            deleted += 1;
          }
        } catch (error) {
          // Another instance swept or claimed it meanwhile.
          if (!isMissing(error)) throw error;
        }
      }
      return deleted;
    },

    async listOlderThan(prefix, cutoff) {
      const folder = pathOf(prefix);
      let entries: string[];
      try {
        entries = await readdir(folder, { recursive: true });
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const keys: string[] = [];
      for (const entry of entries) {
        try {
          const info = await stat(path.join(folder, entry));
          const key = `${prefix}/${entry.split(path.sep).join("/")}`;
          // Only files the app could have written under a key (a stray temporary file is not one).
          if (info.isFile() && info.mtime < cutoff && KEY_PATTERN.test(key)) keys.push(key);
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
      return keys;
    },
  };
}
