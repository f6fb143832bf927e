"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { matchesOfficeSearch, MAX_OFFICE_SEARCH_LENGTH } from "@/lib/transparency/office-search";

type OfficeSearchProps = {
  initialQuery: string;
  initialCount: number;
  /** The id of the list whose items carry `data-office-search`. */
  listId: string;
};

/**
 * A GET form (`?q=`) that works without JavaScript; with it, the list is filtered as the visitor
 * types, by hiding the items the server rendered, so no request is made per keystroke.
 */
export function OfficeSearch({ initialQuery, initialCount, listId }: OfficeSearchProps) {
  const t = useTranslations("Transparency.offices");
  const [query, setQuery] = useState(initialQuery);
  const [count, setCount] = useState(initialCount);

  function search(nextQuery: string) {
    const items = document.querySelectorAll<HTMLElement>(`#${listId} [data-office-search]`);
    let visible = 0;
    for (const item of items) {
      const isMatch = matchesOfficeSearch(item.dataset.officeSearch ?? "", nextQuery);
      item.hidden = !isMatch;
      if (isMatch) visible += 1;
    }
    setQuery(nextQuery);
    setCount(visible);
  }

  return (
    <div className="space-y-2">
      <form method="get" action="/transparansi" role="search" aria-label={t("searchLabel")} className="space-y-2">
        <label htmlFor="office-search" className="block font-semibold text-slate-900">
          {t("searchLabel")}
        </label>
        <p id="office-search-hint" className="text-sm text-slate-700">
          {t("searchHint")}
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id="office-search"
            name="q"
            type="search"
            value={query}
            maxLength={MAX_OFFICE_SEARCH_LENGTH}
            onChange={(event) => search(event.target.value)}
            aria-describedby="office-search-hint"
            autoComplete="off"
            className={`${inputClassName} min-w-0 flex-1 basis-48`}
          />
          <button type="submit" className={buttonClassName}>
            {t("searchButton")}
          </button>
        </div>
      </form>
      <p aria-live="polite" className="text-sm font-medium text-slate-800">
        {t("results", { count })}
      </p>
    </div>
  );
}
