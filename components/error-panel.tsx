"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

type ErrorPanelProps = {
  error: unknown;
  retry: () => void;
};

// Generic, translated error message. Never shows the error's message or stack:
// in production Next.js replaces server errors with a digest that matches the
// server log, and that digest is all a visitor needs to quote to support.
export function ErrorPanel({ error, retry }: ErrorPanelProps) {
  const t = useTranslations("Error");
  const digest = readDigest(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("body")}</p>
      {digest ? <p className="text-sm text-slate-600">{t("reference", { digest })}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={retry}
          className="rounded-lg bg-accent-700 px-5 py-2.5 font-semibold text-white hover:bg-accent-800"
        >
          {t("retry")}
        </button>
        <Link
          href="/"
          className="rounded-lg border-2 border-brand-800 bg-white px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("homeLink")}
        </Link>
      </div>
    </div>
  );
}

function readDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}
