"use client";

import { useTranslations } from "next-intl";
import type { FocusEvent, ReactNode } from "react";

// Client components may keep importing the class names from here; server components must
// import them from ./form-styles (from a "use client" module they would get a reference, not a string).
export { buttonClassName, inputClassName, secondaryButtonClassName } from "./form-styles";

/**
 * The pieces every public form is built from: a labelled field with its hint and errors, and a
 * group of radio buttons in a fieldset. Errors are linked to their control (aria-describedby,
 * aria-invalid) so a screen reader reads them with the field, and the error summary links to
 * the control's id.
 */

/** The ids a control's aria-describedby lists, skipping the ones not rendered. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}

export function errorIdOf(controlId: string): string {
  return `${controlId}-error`;
}

export function hintIdOf(controlId: string): string {
  return `${controlId}-hint`;
}

export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  const t = useTranslations("Forms");
  if (!messages || messages.length === 0) return null;
  return (
    <div id={id} className="space-y-1 font-semibold text-red-700">
      {messages.map((message) => (
        <p key={message}>
          <span className="sr-only">{t("errorPrefix")} </span>
          {message}
        </p>
      ))}
    </div>
  );
}

type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  /** Shown after the label, e.g. "(optional)". */
  labelNote?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  /** More ids the control is described by (a character counter, a fee note). */
  extraDescriptions?: string[];
  children: (control: ControlProps) => ReactNode;
};

/** A label, an optional hint, the error messages and the control, wired together. */
export function Field({ id, label, labelNote, hint, errors, extraDescriptions = [], children }: FieldProps) {
  const hasErrors = Boolean(errors && errors.length > 0);
  const hintId = hint ? hintIdOf(id) : undefined;
  const errorId = hasErrors ? errorIdOf(id) : undefined;

  return (
    <div className={hasErrors ? "space-y-2 border-l-4 border-red-700 pl-3" : "space-y-2"}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
        {labelNote ? <span className="font-normal text-slate-700"> {labelNote}</span> : null}
      </label>
      {hint ? (
        <div id={hintId} className="text-slate-700">
          {hint}
        </div>
      ) : null}
      <FieldError id={errorIdOf(id)} messages={errors} />
      {children({
        id,
        "aria-describedby": describedBy(hintId, errorId, ...extraDescriptions),
        "aria-invalid": hasErrors ? true : undefined,
      })}
    </div>
  );
}

export type ChoiceOption = { value: string; label: string; hint?: string };

type ChoiceGroupProps = {
  /** Prefix of the radio buttons' ids: the first one is `${idPrefix}-${first value}`. */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  options: readonly ChoiceOption[];
  /** Controlled when given (with onChange); otherwise `defaultValue` preselects. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  errors?: readonly string[];
  /** Lays short options side by side. */
  isInline?: boolean;
};

/** Radio buttons in a fieldset whose legend asks the question. */
export function ChoiceGroup({
  idPrefix,
  name,
  legend,
  legendClassName = "font-semibold text-slate-900",
  hint,
  options,
  value,
  defaultValue,
  onChange,
  onBlur,
  errors,
  isInline = false,
}: ChoiceGroupProps) {
  const hasErrors = Boolean(errors && errors.length > 0);
  const hintId = hint ? hintIdOf(idPrefix) : undefined;
  const errorId = hasErrors ? errorIdOf(idPrefix) : undefined;

  return (
    <fieldset
      aria-describedby={describedBy(hintId, errorId)}
      className={hasErrors ? "space-y-2 border-l-4 border-red-700 pl-3" : "space-y-2"}
    >
      <legend className={legendClassName}>{legend}</legend>
      {hint ? (
        <div id={hintId} className="text-slate-700">
          {hint}
        </div>
      ) : null}
      <FieldError id={errorIdOf(idPrefix)} messages={errors} />
      <div className={isInline ? "flex flex-wrap gap-2" : "space-y-2"}>
        {options.map((option) => {
          const optionId = `${idPrefix}-${option.value}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div
              key={option.value}
              className="flex items-start gap-3 rounded-lg border-2 border-slate-300 bg-white px-3 py-2.5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                {...(value === undefined ? { defaultChecked: defaultValue === option.value } : { checked: value === option.value })}
                onChange={onChange ? (event) => onChange(event.target.value) : undefined}
                onBlur={onBlur}
                aria-describedby={optionHintId}
                className="mt-0.5 size-5 shrink-0 accent-brand-800"
              />
              <label htmlFor={optionId} className="min-w-0 flex-1 cursor-pointer">
                <span className="block font-medium text-slate-900">{option.label}</span>
                {option.hint ? (
                  <span id={optionHintId} className="mt-0.5 block text-sm text-slate-700">
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
