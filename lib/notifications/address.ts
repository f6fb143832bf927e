import { createHmac } from "node:crypto";

import { deriveAppKey } from "@/lib/env";
import { z } from "@/lib/zod";

/** An email address as notices accept it: the same check as the report form's, at most 254 characters. */
export const noticeEmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export function isValidNoticeEmail(value: string): boolean {
  return noticeEmailSchema.safeParse(value).success;
}

/** The keyed hash a bounced address is suppressed under: the table lists no address. */
export function suppressionHashOf(address: string): string {
  return createHmac("sha256", deriveAppKey("mail-suppression")).update(address.trim().toLowerCase()).digest("hex");
}
