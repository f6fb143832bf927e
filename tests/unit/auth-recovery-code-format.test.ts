import { describe, expect, it } from "vitest";

import { isRecoveryCodeShaped, normalizeRecoveryCode } from "@/lib/auth/recovery-code-format";
import { signInCodeSchema, totpCodeSchema } from "@/lib/auth/schemas";

describe("recovery codes as typed", () => {
  it("reads a code in any case, with spaces or dashes, and O/I/L as the digits they look like", () => {
    expect(normalizeRecoveryCode("7K3MQ-9X2AB")).toBe("7K3MQ9X2AB");
    expect(normalizeRecoveryCode(" 7k3mq 9x2ab ")).toBe("7K3MQ9X2AB");
    expect(normalizeRecoveryCode("OILQ0-11111")).toBe("011Q011111");
  });

  it("refuses anything else, a 6-digit TOTP code included", () => {
    for (const typed of ["123456", "7K3MQ-9X2A", "7K3MQ-9X2ABC", "7K3MQ-9X2AU", "", "'; DROP--"]) expect(isRecoveryCodeShaped(typed), typed).toBe(false);
  });
});

describe("the sign-in code step", () => {
  it("takes a TOTP code or a recovery code", () => {
    expect(signInCodeSchema.parse({ code: "123 456" }).code).toBe("123456");
    expect(signInCodeSchema.parse({ code: "7k3mq-9x2ab" }).code).toBe("7k3mq-9x2ab");
    expect(signInCodeSchema.safeParse({ code: "12345" }).success).toBe(false);
  });

  it("keeps the account page's TOTP-only rule (a recovery code cannot stand in there)", () => {
    expect(totpCodeSchema.safeParse({ code: "7K3MQ-9X2AB" }).success).toBe(false);
  });
});
