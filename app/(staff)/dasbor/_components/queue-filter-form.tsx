import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import type { QueueFilterOptions } from "@/lib/cases/queue";
import { hasNarrowingFilters, hasStatisticFilters, QUEUE_DEADLINE_FILTERS, QUEUE_SORTS, STATISTIC_FILTER_KEYS, toQueueSearch, type QueueFilters } from "@/lib/cases/queue-filters";
import { CASE_STATUSES } from "@/lib/cases/workflow";

const CHANNELS = ["ONLINE", "WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"] as const;
const KINDS = ["COMPLAINT", "PUNGLI", "RETALIATION"] as const;

const labelClassName = "block text-sm font-semibold text-slate-900";
const selectClassName = `${inputClassName} mt-1 py-2`;

/**
 * The queue's filters as a plain GET form: the URL holds the whole view (bookmarkable, shareable,
 * works without JavaScript). The search box is always in sight; the other filters fold away on
 * small screens and open by themselves when one is in use. The filters a statistics figure links
 * with (on-time, rating, pungli amount...) have no fields: they ride along as hidden inputs, under
 * a notice with a link that drops them.
 */
export async function QueueFilterForm({ filters, options }: { filters: QueueFilters; options: QueueFilterOptions }) {
  const [t, tabs, labels, locale] = await Promise.all([
    getTranslations("CaseQueue.filters"),
    getTranslations("CaseQueue.statusTabs"),
    getTranslations("CaseLabels"),
    getLocale(),
  ]);
  const marks = await getTranslations("AdminReferenceMarks");
  // Retired categories, inactive services and closed offices stay filterable, marked as such.
  const nameOf = (item: { nameId: string; nameEn: string; isActive: boolean }) => {
    const name = locale === "en" ? item.nameEn : item.nameId;
    return item.isActive ? name : marks("retired", { name });
  };
  const isNarrowed = hasNarrowingFilters(filters);
  const statisticFilters = STATISTIC_FILTER_KEYS.flatMap((key) => (filters[key] ? [[key, filters[key]] as const] : []));
  const withoutStatisticFilters = Object.fromEntries(Object.entries(filters).filter(([key]) => !(STATISTIC_FILTER_KEYS as readonly string[]).includes(key) && key !== "cursor"));

  return (
    <form method="get" action="/dasbor" role="search" aria-label={t("title")} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {filters.view !== "all" ? <input type="hidden" name="view" value={filters.view} /> : null}
      {statisticFilters.map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      {hasStatisticFilters(filters) ? (
        <p role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-brand-900">
          <span className="font-semibold">{t("fromStatistics")}</span>
          <Link href={`/dasbor${toQueueSearch(withoutStatisticFilters)}`} className="font-semibold underline underline-offset-2">
            {t("clearStatistics")}
          </Link>
        </p>
      ) : null}
      <div>
        <label htmlFor="queue-q" className={labelClassName}>
          {t("search")}
        </label>
        <p id="queue-q-hint" className="text-sm text-slate-700">
          {t("searchHint")}
        </p>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input id="queue-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="queue-q-hint" className={`${inputClassName} py-2`} />
          <button type="submit" className={`${buttonClassName} shrink-0`}>
            {t("apply")}
          </button>
        </div>
      </div>

      <details open={isNarrowed || undefined} className="group">
        <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-2">{t("title")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="queue-status" className={labelClassName}>
              {t("status")}
            </label>
            <select id="queue-status" name="status" defaultValue={filters.status} className={selectClassName}>
              <option value="open">{tabs("open")}</option>
              <option value="all">{tabs("all")}</option>
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {labels(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-deadline" className={labelClassName}>
              {t("deadline")}
            </label>
            <select id="queue-deadline" name="deadline" defaultValue={filters.deadline ?? ""} className={selectClassName}>
              <option value="">{t("any")}</option>
              {QUEUE_DEADLINE_FILTERS.map((state) => (
                <option key={state} value={state}>
                  {labels(`deadlineState.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-kind" className={labelClassName}>
              {t("kind")}
            </label>
            <select id="queue-kind" name="kind" defaultValue={filters.kind ?? ""} className={selectClassName}>
              <option value="">{t("any")}</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {labels(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-channel" className={labelClassName}>
              {t("channel")}
            </label>
            <select id="queue-channel" name="channel" defaultValue={filters.channel ?? ""} className={selectClassName}>
              <option value="">{t("any")}</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {labels(`channel.${channel}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-category" className={labelClassName}>
              {t("category")}
            </label>
            <select id="queue-category" name="category" defaultValue={filters.category ?? ""} className={selectClassName}>
              <option value="">{t("any")}</option>
              {options.categories.map((category) => (
                <option key={category.code} value={category.code}>
                  {nameOf(category)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-service" className={labelClassName}>
              {t("service")}
            </label>
            <select id="queue-service" name="service" defaultValue={filters.service ?? ""} className={selectClassName}>
              <option value="">{t("any")}</option>
              {options.services.map((service) => (
                <option key={service.code} value={service.code}>
                  {nameOf(service)}
                </option>
              ))}
            </select>
          </div>
          {options.offices.length > 0 ? (
            <div>
              <label htmlFor="queue-office" className={labelClassName}>
                {t("office")}
              </label>
              <select id="queue-office" name="office" defaultValue={filters.office ?? ""} className={selectClassName}>
                <option value="">{t("any")}</option>
                {options.offices.map((office) => (
                  <option key={office.code} value={office.code}>
                    {office.isActive ? office.name : marks("closed", { name: office.name })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div>
            <label htmlFor="queue-assignee" className={labelClassName}>
              {t("assignee")}
            </label>
            {options.assigneesNeedOffice ? (
              <p id="queue-assignee-hint" className="text-sm text-slate-700">
                {t("assigneeNeedsOffice")}
              </p>
            ) : null}
            <select
              id="queue-assignee"
              name="assignee"
              defaultValue={filters.assignee ?? ""}
              aria-describedby={options.assigneesNeedOffice ? "queue-assignee-hint" : undefined}
              className={selectClassName}
            >
              <option value="">{t("any")}</option>
              {options.assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {options.offices.length > 0 ? `${person.name} (${person.officeName})` : person.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-from" className={labelClassName}>
              {t("from")}
            </label>
            <input id="queue-from" name="from" type="date" defaultValue={filters.from ?? ""} className={`${selectClassName}`} />
          </div>
          <div>
            <label htmlFor="queue-to" className={labelClassName}>
              {t("to")}
            </label>
            <input id="queue-to" name="to" type="date" defaultValue={filters.to ?? ""} className={`${selectClassName}`} />
          </div>
          <div>
            <label htmlFor="queue-sort" className={labelClassName}>
              {t("sort")}
            </label>
            <select id="queue-sort" name="sort" defaultValue={filters.sort} className={selectClassName}>
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sortOptions.${sort}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={buttonClassName}>
            {t("apply")}
          </button>
          {isNarrowed ? (
            <Link href={`/dasbor${toQueueSearch({ view: filters.view, status: filters.status, sort: filters.sort })}`} className={secondaryButtonClassName}>
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </details>
    </form>
  );
}
