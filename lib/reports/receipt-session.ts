import "server-only";

import { cookies } from "next/headers";

import { deriveAppKey, getEnvironment } from "@/lib/env";

import { openReceiptCookie, RECEIPT_COOKIE_NAME, RECEIPT_COOKIE_PATH, RECEIPT_COOKIE_SECONDS, sealReceiptCookie, type KeptReceipt } from "./receipt-cookie";

/**
 * Keeps a just-filed receipt for /lapor/tanda-terima in the receipt cookie (./receipt-cookie.ts
 * says why it is safe). Cookies can be written only by Server Actions and route handlers: the
 * filing action keeps it, the receipt's "close" action forgets it, pages only read it.
 */

export type { KeptReceipt };

export async function keepReceipt(receipt: Omit<KeptReceipt, "expiresAt">, now: Date = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + RECEIPT_COOKIE_SECONDS * 1000);
  (await cookies()).set(RECEIPT_COOKIE_NAME, sealReceiptCookie({ ...receipt, expiresAt }, deriveAppKey("receipt-cookie")), {
    httpOnly: true,
    sameSite: "strict",
    secure: getEnvironment().NODE_ENV === "production",
    path: RECEIPT_COOKIE_PATH,
    maxAge: RECEIPT_COOKIE_SECONDS,
  });
}

/** The receipt this browser keeps, or null (none, expired, forged). */
export async function readKeptReceipt(now: Date = new Date()): Promise<KeptReceipt | null> {
  return openReceiptCookie((await cookies()).get(RECEIPT_COOKIE_NAME)?.value, deriveAppKey("receipt-cookie"), now);
}

export async function forgetReceipt(): Promise<void> {
  (await cookies()).set(RECEIPT_COOKIE_NAME, "", {
    httpOnly: true,
    sameSite: "strict",
    secure: getEnvironment().NODE_ENV === "production",
    path: RECEIPT_COOKIE_PATH,
    maxAge: 0,
  });
}
