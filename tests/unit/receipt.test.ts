import { describe, expect, it } from "vitest";

import {
  generateSecretKey,
  generateTrackingCode,
  normalizeSecretKey,
  normalizeTrackingCode,
  SECRET_KEY_BITS,
} from "@/lib/reports/receipt";

describe("tracking codes", () => {
  it("look like LI-XXXX-XXXX without confusable characters", () => {
    for (let index = 0; index < 200; index += 1) {
      expect(generateTrackingCode()).toMatch(/^LI-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    }
  });

  it("are read back the way people type them", () => {
    expect(normalizeTrackingCode(" li 7k3m 9qx2 ")).toBe("LI-7K3M-9QX2");
    expect(normalizeTrackingCode("7K3M9QX2")).toBe("LI-7K3M-9QX2");
  });

  it("reject input that cannot be a code", () => {
    expect(normalizeTrackingCode("LI-7K3M-9QX")).toBeNull();
    expect(normalizeTrackingCode("LI-0O1I-9QX2")).toBeNull();
    expect(normalizeTrackingCode("<script>")).toBeNull();
  });
});

describe("secret keys", () => {
  it("carry at least 80 bits of randomness", () => {
    expect(SECRET_KEY_BITS).toBeGreaterThanOrEqual(80);
  });

  it("are five groups of five digits and differ every time", () => {
    const keys = new Set(Array.from({ length: 500 }, generateSecretKey));
    expect(keys.size).toBe(500);
    for (const key of keys) expect(key).toMatch(/^\d{5}-\d{5}-\d{5}-\d{5}-\d{5}$/);
  });

  it("are read back with spaces or without dashes", () => {
    expect(normalizeSecretKey("04817 93302 55710 28461 90035")).toBe("04817-93302-55710-28461-90035");
    expect(normalizeSecretKey("0481793302557102846190035")).toBe("04817-93302-55710-28461-90035");
    expect(normalizeSecretKey("04817-93302")).toBeNull();
    expect(normalizeSecretKey("04817-93302-55710-28461-9003a")).toBeNull();
  });
});
