"use server";

import { redirect } from "next/navigation";

import { describeError } from "@/lib/logging";

import { forgetReceipt, readKeptReceipt } from "./receipt-session";
import { endTrackingSession, readTrackingSession, startTrackingSession } from "./tracking-session";

/**
 * The receipt page's buttons, each a plain form post that works without JavaScript and a public
 * endpoint: they act only on the receipt this browser keeps in its receipt cookie.
 */

/**
 * "Open the tracking page": opens the receipt's case on /lacak without typing the key again.
 * Filing started a tracking session already; this starts a new one if it expired or was closed
 * meanwhile (the kept receipt is the proof of the key).
 */
export async function openTrackingFromReceipt(): Promise<never> {
  try {
    const now = new Date();
    const receipt = await readKeptReceipt(now);
    if (receipt) {
      const session = await readTrackingSession(now);
      if (session?.caseId !== receipt.caseId) await startTrackingSession(receipt.caseId, now);
    }
  } catch (error) {
    console.error("openTrackingFromReceipt failed", describeError(error));
  }
  redirect("/lacak");
}

/**
 * "I have saved my key, close the receipt": this browser forgets the receipt and its tracking
 * session ends on the server, so neither the key nor the case opens here again without typing
 * them (a shared or borrowed phone).
 */
export async function closeReceipt(): Promise<never> {
  try {
    const receipt = await readKeptReceipt();
    await forgetReceipt();
    const session = await readTrackingSession();
    if (receipt && session?.caseId === receipt.caseId) await endTrackingSession();
  } catch (error) {
    console.error("closeReceipt failed", describeError(error));
  }
  redirect("/lapor/tanda-terima?ditutup=1");
}
