"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { ACCOUNT_SECURITY_PATH, requireStaff } from "@/lib/auth/session";
import { z } from "@/lib/zod";

import { markNotificationsRead, mailKindsFor, NOTIFICATIONS_PATH, updateMailSettings } from "./inbox";

/**
 * Server Actions of the notification list (/dasbor/pemberitahuan) and the mail settings on
 * /dasbor/akun. Plain forms, so they work without JavaScript; each re-checks the session and
 * touches only the actor's own rows.
 */

const markReadSchema = z.object({ id: z.uuid().optional() });

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = markReadSchema.safeParse({ id: formData.get("id") ?? undefined });
  if (parsed.success) await markNotificationsRead(actor, parsed.data.id ? [parsed.data.id] : "all");
  revalidatePath("/dasbor", "layout");
  redirect(NOTIFICATIONS_PATH);
}

const localeSchema = z.enum(["id", "en"]);

export async function saveMailSettingsAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const allowed = mailKindsFor(actor);
  const wanted = formData.getAll("kind").filter((value): value is (typeof allowed)[number] => typeof value === "string" && (allowed as readonly string[]).includes(value));
  const locale = localeSchema.catch("id").parse(formData.get("locale"));
  await updateMailSettings(actor, { wanted, locale });
  redirect(`${ACCOUNT_SECURITY_PATH}?status=notifications-saved#notifications`);
}
