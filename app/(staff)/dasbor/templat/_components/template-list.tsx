import { getTranslations } from "next-intl/server";
import Link from "next/link";

import type { ManagedTemplate } from "@/lib/reply-templates/templates";

/** One group of templates (national, or an office's): titles in both languages, editable ones linked. */
export async function TemplateList({ templates, emptyText }: { templates: ManagedTemplate[]; emptyText: string }) {
  const t = await getTranslations("AdminTemplates");
  if (templates.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {templates.map((template) => (
        <li key={template.id} className="py-3">
          <p className="font-semibold">
            {template.canEdit ? (
              <Link href={`/dasbor/templat/${template.id}`} className="text-brand-800 underline underline-offset-2">
                {template.titleId}
              </Link>
            ) : (
              template.titleId
            )}
            {template.isActive ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">{t("inactiveBadge")}</span>}
          </p>
          <p lang="en" className="text-sm text-slate-700">
            {template.titleEn}
          </p>
          <p className="mt-1 line-clamp-2 text-sm text-slate-700">{template.bodyId}</p>
        </li>
      ))}
    </ul>
  );
}
