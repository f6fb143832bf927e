"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { matchesOfficeSearch, MAX_OFFICE_SEARCH_LENGTH } from "@/lib/transparency/office-search";

type OfficeSearchProps = {
  initialQuery: string;
  initialCount: number;
  /** The id of the list whose groups carry `data-office-group` and items `data-office-search`. */
  listId: string;
};

/**
 * A GET form (`?q=`) that works without JavaScript; with it, the list is filtered as the visitor
 * types, by hiding the items the server rendered and opening the province groups with a match,
 * so no request is made per keystroke.
 */
export function OfficeSearch({ initialQuery, initialCount, listId }: OfficeSearchProps) {
  const t = useTranslations("Transparency.offices");
  const [query, setQuery] = useState(initialQuery);
  const [count, setCount] = useState(initialCount);

  function search(nextQuery: string) {
    const hasQuery = nextQuery.trim() !== "";
    let visible = 0;
    // Each province group: its matching rows shown; open while a search finds something in it,
    // hidden when it finds nothing there, all closed again once the search is emptied.
    for (const group of document.querySelectorAll<HTMLDetailsElement>(`#${listId} [data-office-group]`)) {
      let groupMatches = 0;
      for (const item of group.querySelectorAll<HTMLElement>("[data-office-search]")) {
        const isMatch = matchesOfficeSearch(item.dataset.officeSearch ?? "", nextQuery);
        item.hidden = !isMatch;
        if (isMatch) groupMatches += 1;
      }
      group.hidden = hasQuery && groupMatches === 0;
      group.open = hasQuery && groupMatches > 0;
      visible += groupMatches;
    }
    setQuery(nextQuery);
    setCount(visible);
  }

  return (
    <div className="space-y-2">
      <form method="get" action="/transparansi#kantor" role="search" aria-label={t("searchLabel")} className="space-y-2">
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
