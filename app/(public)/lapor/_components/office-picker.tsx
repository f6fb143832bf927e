"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

import { inputClassName } from "@/components/form-styles";
import type { OfficeOption } from "@/lib/reports/lookups";

type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

type OfficePickerProps = {
  control: ControlProps;
  offices: readonly OfficeOption[];
  value: string;
  onChange: (code: string) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  isHydrated: boolean;
};

/**
 * The office field. Without JavaScript a native select grouped by province; with it, a
 * combobox (WAI-ARIA 1.2 pattern, list autocomplete) that finds an office by city, name or
 * province. Both post the office code as "officeCode".
 */
export function OfficePicker(props: OfficePickerProps) {
  return props.isHydrated ? <OfficeCombobox {...props} /> : <OfficeSelect {...props} />;
}

function OfficeSelect({ control, offices, value, onChange, onBlur }: OfficePickerProps) {
  const t = useTranslations("ReportForm.office");
  const provinces = useMemo(() => groupByProvince(offices), [offices]);

  return (
    <select
      {...control}
      name="officeCode"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      className={inputClassName}
    >
      <option value="">{t("choose")}</option>
      {provinces.map(([province, officesInProvince]) => (
        <optgroup key={province} label={province}>
          {officesInProvince.map((office) => (
            <option key={office.code} value={office.code}>
              {office.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function groupByProvince(offices: readonly OfficeOption[]): [string, OfficeOption[]][] {
  const groups = new Map<string, OfficeOption[]>();
  for (const office of offices) {
    const group = groups.get(office.province) ?? [];
    group.push(office);
    groups.set(office.province, group);
  }
  return [...groups.entries()];
}

/** Lower case without accents, so "bali" finds "Bali" and "jogja" is not needed to find "Yogyakarta" by province. */
function normalize(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Every word typed must appear in the office's name, city or province. */
function filterOffices(offices: readonly OfficeOption[], query: string): readonly OfficeOption[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return offices;
  return offices.filter((office) => {
    const haystack = normalize(`${office.name} ${office.city} ${office.province}`);
    return words.every((word) => haystack.includes(word));
  });
}

function OfficeCombobox({ control, offices, value, onChange, onBlur }: OfficePickerProps) {
  const t = useTranslations("ReportForm.office");
  const listboxId = useId();
  const statusId = useId();
  const selected = offices.find((office) => office.code === value) ?? null;
  const [query, setQuery] = useState(selected?.name ?? "");
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);

  // While the text still shows the chosen office, the whole list is offered.
  const isShowingSelection = selected !== null && query === selected.name;
  const matches = useMemo(() => (isShowingSelection ? offices : filterOffices(offices, query)), [offices, query, isShowingSelection]);
  const activeOffice = isOpen && activeIndex >= 0 ? matches[activeIndex] : undefined;

  function open(index: number) {
    setIsOpen(true);
    setActiveIndex(index);
    scrollOptionIntoView(index);
  }

  function close() {
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function choose(office: OfficeOption) {
    onChange(office.code);
    setQuery(office.name);
    close();
  }

  function scrollOptionIntoView(index: number) {
    requestAnimationFrame(() => {
      listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: "nearest" });
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = matches.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!isOpen) open(Math.max(0, matches.findIndex((office) => office.code === value)));
        else if (last >= 0) open(activeIndex >= last ? 0 : activeIndex + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!isOpen) open(last);
        else if (last >= 0) open(activeIndex <= 0 ? last : activeIndex - 1);
        break;
      case "Enter":
        // Enter picks the highlighted office instead of submitting the form.
        if (isOpen && activeOffice) {
          event.preventDefault();
          choose(activeOffice);
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (query !== "") {
          event.preventDefault();
          setQuery("");
          onChange("");
        }
        break;
    }
  }

  return (
    <div className="relative">
      <input type="hidden" name="officeCode" value={value} />
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-activedescendant={activeOffice ? `${listboxId}-${activeOffice.code}` : undefined}
        aria-describedby={[control["aria-describedby"], statusId].filter(Boolean).join(" ")}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          // The typed text is a search until an office is chosen from the list.
          if (value !== "") onChange("");
          setIsOpen(true);
          setActiveIndex(-1);
        }}
        onClick={() => (isOpen ? close() : open(-1))}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          close();
          // Leaving with an exact, unique match chooses it; otherwise the text shows what is chosen.
          const exact = offices.filter((office) => normalize(office.name) === normalize(query.trim()));
          if (!selected && exact.length === 1) choose(exact[0]!);
          else if (selected) setQuery(selected.name);
          onBlur(event);
        }}
        className={`${inputClassName} pr-11`}
      />
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="pointer-events-none absolute top-3.5 right-3 size-5 fill-slate-600"
      >
        <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
      </svg>
      <p id={statusId} aria-live="polite" className="sr-only">
        {isOpen ? (matches.length === 0 ? t("noMatches") : t("matchCount", { count: matches.length })) : ""}
      </p>
      <ul
        ref={listRef}
        id={listboxId}
        role="listbox"
        aria-label={t("listLabel")}
        hidden={!isOpen || matches.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-lg border-2 border-slate-500 bg-white py-1 shadow-lg"
      >
        {matches.map((office, index) => {
          const isActive = index === activeIndex;
          return (
            <li
              key={office.code}
              id={`${listboxId}-${office.code}`}
              role="option"
              aria-selected={office.code === value}
              data-index={index}
              // Keeps focus in the text field, so the field's blur does not close the list first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(office)}
              className={`cursor-pointer px-3 py-2 ${isActive ? "bg-brand-800 text-white" : "text-slate-900 hover:bg-brand-50"}`}
            >
              <span className="block font-medium">{office.name}</span>
              <span className={`block text-sm ${isActive ? "text-brand-50" : "text-slate-700"}`}>
                {office.city}, {office.province}
              </span>
            </li>
          );
        })}
      </ul>
      {isOpen && matches.length === 0 ? (
        <p className="absolute z-20 mt-1 w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2 text-slate-700 shadow-lg">
          {t("noMatches")}
        </p>
      ) : null}
    </div>
  );
}
