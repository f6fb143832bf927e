"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";

import { Field } from "@/components/form-controls";
import { RupiahInput } from "@/components/rupiah-input";
import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { IDLE_REFERENCE_FORM_STATE, isGeneralMessage, type ReferenceFormState } from "@/lib/admin/reference-form";

/**
 * The small kit the reference-data forms (offices, services and fees, categories, reply
 * templates) are declared with: the action state, the form's message, text fields that show again
 * what was typed after a refusal, and a one-button form for status changes. The forms post to
 * Server Actions, so they work without JavaScript; a success redirects to a page with a notice.
 */

type ReferenceAction = (previous: ReferenceFormState, formData: FormData) => Promise<ReferenceFormState>;

export type ReferenceForm = ReturnType<typeof useReferenceForm>;

export function useReferenceForm(action: ReferenceAction) {
  const [state, formAction, isPending] = useActionState(action, IDLE_REFERENCE_FORM_STATE);
  const fieldTexts = useTranslations("AdminReferenceErrors.fields");
  const ruleTexts = useTranslations("AdminReferenceErrors.rules");
  const generalTexts = useTranslations("AdminErrors");
  const failed = state.status === "error" ? state : null;
  const message = failed ? (isGeneralMessage(failed.message) ? generalTexts(failed.message) : ruleTexts(failed.message)) : null;
  return {
    formAction,
    isPending,
    message,
    /** Translated errors of one field. */
    errorsOf: (field: string) => (failed?.fieldErrors[field] ?? []).map((code) => fieldTexts(code)),
    /** What was typed (after a refusal), else the record's value. */
    valueOf: (field: string, fallback: string | number | null | undefined) => failed?.values[field] ?? (fallback == null ? "" : String(fallback)),
  };
}

/** The form's answer, read out as it appears. */
export function ReferenceFormMessage({ form }: { form: ReferenceForm }) {
  return (
    <div aria-live="assertive">
      {form.message ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          {form.message}
        </p>
      ) : null}
    </div>
  );
}

/** Hidden inputs naming the record and the version the form shows (optimistic locking). */
export function RecordInputs({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

type TextFieldProps = {
  form: ReferenceForm;
  /** Prefixes the control's id, so two forms on a page never share one. */
  idPrefix: string;
  name: string;
  label: string;
  hint?: ReactNode;
  labelNote?: string;
  defaultValue?: string | number | null;
  maxLength: number;
  isRequired?: boolean;
  /** Several lines (a textarea) of about this many rows. */
  rows?: number;
  type?: "text" | "tel" | "date";
  inputMode?: "numeric" | "text";
  autoComplete?: string;
  /** A rupiah amount: "Rp" beside it, grouped as typed (RupiahInput). */
  isRupiah?: boolean;
};

export function ReferenceTextField(props: TextFieldProps) {
  const { form, name } = props;
  const value = form.valueOf(name, props.defaultValue);
  return (
    <Field id={`${props.idPrefix}-${name}`} label={props.label} labelNote={props.labelNote} hint={props.hint} errors={form.errorsOf(name)}>
      {(control) =>
        props.isRupiah ? (
          <RupiahInput {...control} name={name} defaultValue={value === undefined ? undefined : String(value)} maxLength={props.maxLength} required={props.isRequired} />
        ) : props.rows ? (
          <textarea {...control} name={name} defaultValue={value} rows={props.rows} maxLength={props.maxLength} required={props.isRequired} className={inputClassName} />
        ) : (
          <input
            {...control}
            type={props.type ?? "text"}
            name={name}
            defaultValue={value}
            maxLength={props.type === "date" ? undefined : props.maxLength}
            required={props.isRequired}
            inputMode={props.inputMode}
            autoComplete={props.autoComplete ?? "off"}
            className={inputClassName}
          />
        )
      }
    </Field>
  );
}

type SelectFieldProps = {
  form: ReferenceForm;
  idPrefix: string;
  name: string;
  label: string;
  hint?: ReactNode;
  defaultValue?: string | number | null;
  options: readonly { value: string; label: string }[];
  /** The first option, for "nothing chosen" (its value is empty). */
  emptyLabel?: string;
};

export function ReferenceSelectField(props: SelectFieldProps) {
  const { form, name } = props;
  const value = form.valueOf(name, props.defaultValue);
  return (
    <Field id={`${props.idPrefix}-${name}`} label={props.label} hint={props.hint} errors={form.errorsOf(name)}>
      {(control) => (
        <select {...control} name={name} defaultValue={value} className={inputClassName}>
          {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function SubmitButton({ form, children, isSecondary = false }: { form: ReferenceForm; children: ReactNode; isSecondary?: boolean }) {
  return (
    <button type="submit" disabled={form.isPending} className={isSecondary ? secondaryButtonClassName : buttonClassName}>
      {children}
    </button>
  );
}

type ActionButtonFormProps = {
  action: ReferenceAction;
  values: Record<string, string | number>;
  label: string;
  /** Says what the button does before it is pressed (described by). */
  description?: string;
  isSecondary?: boolean;
};

/** A form that is one button (close an office, retire a category, delete a fee not yet in force). */
export function ActionButtonForm({ action, values, label, description, isSecondary = false }: ActionButtonFormProps) {
  const form = useReferenceForm(action);
  const descriptionId = `action-${Object.values(values).join("-")}-${label.length}-description`;
  return (
    <form action={form.formAction} className="space-y-2">
      <RecordInputs values={values} />
      <ReferenceFormMessage form={form} />
      {description ? (
        <p id={descriptionId} className="text-slate-700">
          {description}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={form.isPending}
        aria-describedby={description ? descriptionId : undefined}
        className={isSecondary ? secondaryButtonClassName : buttonClassName}
      >
        {label}
      </button>
    </form>
  );
}
