import { getTranslations } from "next-intl/server";

import { buttonClassName } from "@/components/form-styles";
import type { StaffActor } from "@/lib/auth/session";
import { saveMailSettingsAction } from "@/lib/notifications/actions";
import { getMailSettings } from "@/lib/notifications/inbox";

/** Which notification mails the person gets, and in which language: a plain form, no JavaScript needed. */
export async function MailSettingsForm({ actor }: { actor: StaffActor }) {
  const [settings, t] = await Promise.all([getMailSettings(actor), getTranslations("Notifications")]);
  return (
    <section id="notifications" aria-labelledby="notifications-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="notifications-heading" className="text-xl font-semibold text-brand-900">
        {t("settings.title")}
      </h2>
      {settings.choices.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("settings.none")}</p>
      ) : (
        <form action={saveMailSettingsAction} className="mt-3 space-y-4 text-slate-700">
          <p>{t("settings.lead")}</p>
          <fieldset className="space-y-2">
            <legend className="sr-only">{t("settings.title")}</legend>
            {settings.choices.map((choice) => (
              <label key={choice.kind} className="flex items-center gap-2">
                <input type="checkbox" name="kind" value={choice.kind} defaultChecked={choice.isOn} disabled={choice.isMandatory} className="size-4" />
                <span>
                  {t(`kinds.${choice.kind}`)}
                  {choice.isMandatory ? <span className="text-sm text-slate-500"> ({t("settings.mandatory")})</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          <label className="block">
            <span className="block font-medium">{t("settings.locale")}</span>
            <select name="locale" defaultValue={settings.locale} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              <option value="id">{t("settings.localeId")}</option>
              <option value="en">{t("settings.localeEn")}</option>
            </select>
          </label>
          <button type="submit" className={buttonClassName}>
            {t("settings.save")}
          </button>
        </form>
      )}
    </section>
  );
}
