"use client";

import type { FocusEvent } from "react";

import { caretAfterFormatting, formatAmountAsTyped } from "@/lib/fees/amount-typing";

import { inputClassName } from "./form-styles";

type RupiahInputProps = {
  id: string;
  name: string;
  defaultValue?: string;
  /** Called with the amount as shown (grouped), after each keystroke. */
  onValueChange?: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  required?: boolean;
  maxLength?: number;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/**
 * A rupiah amount, "Rp" beside it, grouped as it is typed ("1.550.000": lib/fees/amount-typing.ts).
 * Uncontrolled: formatting rewrites the field's own value and puts the caret back behind the
 * digit just typed. Without JavaScript it is a plain text field, and the server reads the amount
 * however it was written. Used wherever an amount is entered (the pungli details of /lapor and
 * the desk intake, the admins' fee forms).
 */
export function RupiahInput({ onValueChange, ...props }: RupiahInputProps) {
  return (
    <div className="flex">
      <span aria-hidden="true" className="inline-flex items-center rounded-l-lg border-2 border-r-0 border-slate-500 bg-slate-100 px-3 font-semibold text-slate-800">
        Rp
      </span>
      <input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        onChange={(event) => {
          const input = event.currentTarget;
          const typed = input.value;
          const formatted = formatAmountAsTyped(typed);
          if (formatted !== typed) {
            const caret = caretAfterFormatting(typed, input.selectionStart ?? typed.length, formatted);
            input.value = formatted;
            input.setSelectionRange(caret, caret);
          }
          onValueChange?.(formatted);
        }}
        className={`${inputClassName} min-w-0 rounded-l-none`}
      />
    </div>
  );
}
