"use client";

import { useEffect, useId, useRef, type MouseEvent } from "react";

export type ErrorSummaryItem = {
  message: string;
  /** The id of the control to fix; absent for a problem with the whole form. */
  controlId?: string;
};

type ErrorSummaryProps = {
  title: string;
  items: readonly ErrorSummaryItem[];
  /** Changes (by identity) on every failed attempt, so focus returns here even when the errors are the same. */
  focusKey: unknown;
};

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when it
 * appears (on the server-rendered page through `autoFocus`, which the browser honours without
 * JavaScript) so keyboard and screen reader users learn at once that the form was not sent.
 */
export function ErrorSummary({ title, items, focusKey }: ErrorSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    summaryRef.current?.focus();
  }, [focusKey]);

  if (items.length === 0) return null;

  return (
    <div
      ref={summaryRef}
      role="alert"
      tabIndex={-1}
      autoFocus
      aria-labelledby={titleId}
      className="space-y-3 rounded-lg border-4 border-red-700 bg-white p-4 sm:p-5"
    >
      <h2 id={titleId} className="text-lg font-bold text-slate-900">
        {title}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {items.map((item, index) => (
          <li key={`${item.controlId ?? "form"}-${index}`} className="font-semibold text-red-700">
            {item.controlId ? (
              <a
                href={`#${item.controlId}`}
                onClick={(event) => focusControl(event, item.controlId!)}
                className="underline underline-offset-2 hover:text-red-900"
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moves focus into the field (a plain fragment link would only scroll) and shows its label too. */
function focusControl(event: MouseEvent<HTMLAnchorElement>, controlId: string) {
  const control = document.getElementById(controlId);
  if (!control) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(controlId)}"]`);
  const fieldset = control.closest("fieldset");
  (fieldset?.querySelector("legend") ?? label ?? control).scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}
