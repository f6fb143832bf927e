import { describe, expect, it } from "vitest";

import {
  buildOtpauthUri,
  computeHotp,
  computeTotp,
  decodeBase32,
  encodeBase32,
  findMatchingTotpStep,
  generateTotpSecret,
  groupSecretForDisplay,
  totpStepAt,
  type TotpAlgorithm,
} from "@/lib/auth/totp";

// RFC 6238, Appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from("12345678901234567890"),
  sha256: Buffer.from("12345678901234567890123456789012"),
  sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
};

const RFC_6238_VECTORS: { seconds: number; algorithm: TotpAlgorithm; code: string }[] = [
  { seconds: 59, algorithm: "sha1", code: "94287082" },
  { seconds: 59, algorithm: "sha256", code: "46119246" },
  { seconds: 59, algorithm: "sha512", code: "90693936" },
  { seconds: 1111111109, algorithm: "sha1", code: "07081804" },
  { seconds: 1111111109, algorithm: "sha256", code: "68084774" },
  { seconds: 1111111109, algorithm: "sha512", code: "25091201" },
  { seconds: 1111111111, algorithm: "sha1", code: "14050471" },
  { seconds: 1111111111, algorithm: "sha256", code: "67062674" },
  { seconds: 1111111111, algorithm: "sha512", code: "99943326" },
  { seconds: 1234567890, algorithm: "sha1", code: "89005924" },
  { seconds: 1234567890, algorithm: "sha256", code: "91819424" },
  { seconds: 1234567890, algorithm: "sha512", code: "93441116" },
  { seconds: 2000000000, algorithm: "sha1", code: "69279037" },
  { seconds: 2000000000, algorithm: "sha256", code: "90698825" },
  { seconds: 2000000000, algorithm: "sha512", code: "38618901" },
  { seconds: 20000000000, algorithm: "sha1", code: "65353130" },
  { seconds: 20000000000, algorithm: "sha256", code: "77737706" },
  { seconds: 20000000000, algorithm: "sha512", code: "47863826" },
];

const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_6238_VECTORS)("gives the RFC's 8-digit code at T=$seconds with $algorithm", ({ seconds, algorithm, code }) => {
    expect(computeTotp(SEEDS[algorithm], at(seconds), { digits: 8, algorithm })).toBe(code);
  });

  it.each(RFC_6238_VECTORS.filter((vector) => vector.algorithm === "sha1"))(
    "gives the last six digits of the RFC's code at T=$seconds with the app's settings (SHA-1, 6 digits)",
    ({ seconds, code }) => {
      expect(computeTotp(SEEDS.sha1, at(seconds))).toBe(code.slice(-6));
    },
  );

  it("matches RFC 4226's HOTP test values (Appendix D)", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => computeHotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it("counts 30-second steps from the Unix epoch", () => {
    expect(totpStepAt(at(59))).toBe(1);
    expect(totpStepAt(at(60))).toBe(2);
    expect(totpStepAt(at(1111111109))).toBe(37037036);
  });
});

describe("accepting a code", () => {
  const key = SEEDS.sha1;
  const now = at(1111111111);
  const step = totpStepAt(now);
  const codeOfStep = (offset: number) => computeHotp(key, step + offset);

  it("accepts the current code and says which step it was", () => {
    expect(findMatchingTotpStep(key, codeOfStep(0), now)).toBe(step);
  });

  it("accepts the code of the step before and the step after (clock drift)", () => {
    expect(findMatchingTotpStep(key, codeOfStep(-1), now)).toBe(step - 1);
    expect(findMatchingTotpStep(key, codeOfStep(1), now)).toBe(step + 1);
  });

  it("refuses codes two steps away", () => {
    expect(findMatchingTotpStep(key, codeOfStep(-2), now)).toBeNull();
    expect(findMatchingTotpStep(key, codeOfStep(2), now)).toBeNull();
  });

  it("refuses anything that is not six digits", () => {
    for (const code of ["", "12345", "1234567", "abcdef", `${codeOfStep(0)} `, "٠١٢٣٤٥"]) {
      expect(findMatchingTotpStep(key, code, now)).toBeNull();
    }
  });

  it("refuses the code of another secret", () => {
    expect(findMatchingTotpStep(Buffer.from("another secret, 20 b"), codeOfStep(0), now)).toBeNull();
  });
});

describe("base32 (RFC 4648)", () => {
  it.each([
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("encodes %j as %j (unpadded) and back", (text, encoded) => {
    expect(encodeBase32(Buffer.from(text))).toBe(encoded);
    expect(decodeBase32(encoded)?.toString()).toBe(text);
  });

  it("reads a secret typed in lower case, in groups, with padding", () => {
    expect(decodeBase32("mzxw 6ytb-oi======")?.toString()).toBe("foobar");
  });

  it("refuses characters outside the alphabet", () => {
    expect(decodeBase32("MZXW1")).toBeNull();
  });

  it("generates 160-bit secrets that differ every time", () => {
    const first = generateTotpSecret();
    expect(decodeBase32(first)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(first);
  });
});

describe("enrollment details", () => {
  it("builds the otpauth:// URI authenticator apps read", () => {
    const uri = new URL(buildOtpauthUri({ secret: "JBSWY3DPEHPK3PXP", accountName: "dewi@demo.lapor-imigrasi.id", issuer: "Lapor Imigrasi" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Lapor Imigrasi:dewi@demo.lapor-imigrasi.id");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "Lapor Imigrasi",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("groups the secret by four for typing by hand", () => {
    expect(groupSecretForDisplay("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
    expect(decodeBase32(groupSecretForDisplay("JBSWY3DPEHPK3PXPAB"))).toEqual(decodeBase32("JBSWY3DPEHPK3PXPAB"));
  });
});
