import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { collectImportedFiles } from "../../scripts/lib/startup-checks";

/** The seed's code, as `npm start` fingerprints it to decide whether the seed must run again. */

let root: string;

function write(relativePath: string, text: string): string {
  const file = path.join(root, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("collectImportedFiles", () => {
  it("follows relative imports, the @/ alias, re-exports and index files, and leaves packages and unrelated files out", () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-seed-inputs-"));
    const entry = write("prisma/seed.ts", 'import pg from "pg";\nimport { a } from "./seed/a";\nimport type { T } from "@/lib/types";\n');
    const a = write("prisma/seed/a.ts", 'export * from "@/lib/rules";\nexport const a = 1;\n');
    const rules = write("lib/rules/index.ts", 'export { b } from "../b.ts";\n');
    const b = write("lib/b.ts", "export const b = 2;\n");
    const types = write("lib/types.ts", "export type T = number;\n");
    write("lib/unrelated.ts", "export const c = 3;\n");

    expect(collectImportedFiles(entry, root).sort()).toEqual([entry, a, rules, b, types].sort());
  });
});
