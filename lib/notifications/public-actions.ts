"use server";

import { redirect } from "next/navigation";

import { z } from "@/lib/zod";

import { stopReporterNotices } from "./stop-notices";
import { UNSUBSCRIBE_PATH } from "./unsubscribe";

/** The public "stop notices" form: a POST, so a mail scanner that opens the link stops nothing. */
export async function stopNoticesAction(formData: FormData): Promise<void> {
  const token = z.string().max(200).catch("").parse(formData.get("token"));
  const result = await stopReporterNotices(token);
  redirect(`${UNSUBSCRIBE_PATH}?status=${result}`);
}
