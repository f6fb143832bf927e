"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { useIsHydrated } from "@/components/use-is-hydrated";
import type { OneTimeLink } from "@/lib/staff/action-state";
import { staffDetailPath } from "@/lib/staff/paths";

/**
 * The one time a set-password link is shown: in a read-only field (selectable without
 * JavaScript) with a copy button once the page runs. It lives only in this answer; the
 * database keeps its hash, so it cannot be shown again.
 */
export function OneTimeLinkPanel({ link, showAccountLink = false }: { link: OneTimeLink; showAccountLink?: boolean }) {
  const t = useTranslations("AdminStaff.link");
  const format = useFormatter();
  const isHydrated = useIsHydrated();
  const [isCopied, setIsCopied] = useState(false);
  const expiresAt = format.dateTime(new Date(link.expiresAt), { dateStyle: "long", timeStyle: "short" });

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setIsCopied(true);
    } catch {
      // Without clipboard permission the field stays there to copy by hand.
      setIsCopied(false);
    }
  }

  return (
    <section aria-labelledby="one-time-link-title" className="space-y-3 rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-amber-950 sm:p-5">
      <h2 id="one-time-link-title" className="text-lg font-semibold">
        {t("title", { name: link.name })}
      </h2>
      <p>{t("body", { name: link.name, email: link.email, expiresAt })}</p>
      <div className="space-y-1">
        <label htmlFor="one-time-link" className="block font-semibold">
          {t("label")}
        </label>
        <input
          id="one-time-link"
          type="text"
          readOnly
          value={link.url}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClassName} font-mono text-sm break-all`}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {isHydrated ? (
          <button type="button" onClick={copy} className={secondaryButtonClassName}>
            {t("copy")}
          </button>
        ) : null}
        <span role="status" className="font-semibold">
          {isCopied ? t("copied") : ""}
        </span>
      </div>
      <p className="font-semibold">{t("once")}</p>
      {showAccountLink ? (
        <p>
          <Link href={staffDetailPath(link.staffId)} className="font-semibold text-brand-800 underline underline-offset-2">
            {t("openAccount", { name: link.name })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
