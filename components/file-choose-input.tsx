"use client";

import { useTranslations } from "next-intl";
import { useState, type ChangeEvent, type InputHTMLAttributes } from "react";

import { secondaryButtonClassName } from "./form-styles";

type FileChooseInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className" | "children"> & {
  id: string;
  /** The button's text, in the page's language. */
  buttonText: string;
  /** List the chosen files' names under the button (with JavaScript). Off where the caller lists them itself. */
  listsChosenFiles?: boolean;
};

/**
 * A file input whose words are the page's. The browser's own control speaks the browser's
 * language ("Choose Files", "No file chosen") whatever the page's, so the input is visually
 * hidden (still focusable, still in the accessibility tree, still posted with the form) and a
 * label styled as a button opens it: a label opens the file dialog without any script. Keyboard
 * focus on the hidden input draws its ring on the button.
 */
export function FileChooseInput({ id, buttonText, listsChosenFiles = false, onChange, ...inputProps }: FileChooseInputProps) {
  const t = useTranslations("FileChooser");
  const [chosen, setChosen] = useState<string[]>([]);

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    if (listsChosenFiles) setChosen(Array.from(event.target.files ?? []).map((file) => file.name));
    onChange?.(event);
  }

  return (
    <div>
      <input {...inputProps} id={id} type="file" onChange={handleChange} className="peer sr-only" />
      <label
        htmlFor={id}
        className={`${secondaryButtonClassName} cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-60`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
        </svg>
        {buttonText}
      </label>
      {listsChosenFiles ? (
        <p aria-live="polite" className="mt-2 text-sm break-words text-slate-800">
          {chosen.length > 0 ? t("chosen", { names: chosen.join(", ") }) : t("noneChosen")}
        </p>
      ) : null}
    </div>
  );
}
