import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const MESSAGES_DIR = path.join(process.cwd(), "messages");

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function readJson(...segments: string[]) {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, ...segments), "utf8")) as Record<string, unknown>;
}

const areas = ["", ...readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)];

describe("translations", () => {
  it.each(areas)("English has exactly the keys of Bahasa Indonesia in messages/%s", (area) => {
    const indonesian = readJson(...(area ? [area, "id.json"] : ["id.json"]));
    const english = readJson(...(area ? [area, "en.json"] : ["en.json"]));
    expect(keyPaths(english).sort()).toEqual(keyPaths(indonesian).sort());
  });

  it("never defines a namespace in two files", () => {
    const namespaces = areas.flatMap((area) => Object.keys(readJson(...(area ? [area, "id.json"] : ["id.json"]))));
    expect(namespaces.length).toBe(new Set(namespaces).size);
  });

  it("leaves no message empty", () => {
    for (const area of areas) {
      for (const locale of ["id", "en"]) {
        const file = readJson(...(area ? [area, `${locale}.json`] : [`${locale}.json`]));
        for (const key of keyPaths(file)) {
          const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
          expect(typeof value === "string" && value.trim().length > 0, `${area}/${locale}: ${key}`).toBe(true);
        }
      }
    }
  });
});
