"use client";

import { useTranslations } from "next-intl";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { answerRetaliationQuestion, type RetaliationAnswerState } from "@/lib/rules/retaliation-actions";

const idle: RetaliationAnswerState = { status: "idle" };
const MESSAGE_LIMITS = { min: 10, max: 2000 } as const;

/**
 * The retaliation question (lib/rules/retaliation-check.ts): "no", or "yes" with a short message.
 * Works without JavaScript (a plain form post to the Server Action); what was typed comes back on
 * any error. After "yes", the new report's code and key are shown here once.
 */
export function RetaliationForm({ round }: { round: number | null }) {
  const t = useTranslations("Retaliation.question");
  const reportedWords = useTranslations("Retaliation.reported");
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(answerRetaliationQuestion, idle);

  if (state.status === "recordedNo") {
    return (
      <p role="status" data-testid="retaliation-recorded-no" className="rounded-lg bg-emerald-50 p-3 text-slate-900">
        {t("recordedNo")}
      </p>
    );
  }
  if (state.status === "reported") {
    return (
      <div role="status" data-testid="retaliation-reported" className="space-y-2 rounded-lg border-2 border-emerald-700 bg-emerald-50 p-4 text-slate-900">
        <p className="font-semibold">{reportedWords("title")}</p>
        <p>{state.secretKey ? reportedWords("body") : reportedWords("again")}</p>
        <dl className="grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-semibold">{reportedWords("code")}</dt>
          <dd data-testid="retaliation-code" className="font-mono">
            {state.trackingCode}
          </dd>
          {state.secretKey ? (
            <>
              <dt className="font-semibold">{reportedWords("key")}</dt>
              <dd data-testid="retaliation-key" className="font-mono">
                {state.secretKey}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
    );
  }

  // No open question: nothing to ask (the result of an answer, above, still shows).
  if (round === null) return null;
  const invalid = state.status === "invalid" ? state : null;
  const codes = [...(invalid?.errors ?? []), ...(unreachable ? (["unexpected"] as const) : [])];
  const summaryItems: ErrorSummaryItem[] = codes.map((code) => ({
    message: t(`errors.${code}`, MESSAGE_LIMITS),
    controlId: code === "messageRequired" || code === "messageTooLong" ? "retaliation-message" : code === "answerRequired" ? "retaliation-answer-no" : undefined,
  }));

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        if (!isPending) submit(new FormData(event.currentTarget));
      }}
      noValidate
      className="space-y-4"
    >
      {summaryItems.length > 0 ? <ErrorSummary title={t("errorSummaryTitle")} items={summaryItems} focusKey={unreachable ?? state} /> : null}
      <input type="hidden" name="round" value={round} />
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">{t("answerLegend")}</legend>
        <label className="flex items-center gap-2">
          <input id="retaliation-answer-no" type="radio" name="answer" value="NO" defaultChecked={invalid?.values.answer === "NO"} className="size-5" />
          {t("answerNo")}
        </label>
        <label className="flex items-center gap-2">
          <input id="retaliation-answer-yes" type="radio" name="answer" value="YES" defaultChecked={invalid?.values.answer === "YES"} className="size-5" />
          {t("answerYes")}
        </label>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="retaliation-message" className="block font-semibold text-slate-900">
          {t("messageLabel")}
        </label>
        <p id="retaliation-message-hint" className="text-sm text-slate-700">
          {t("messageHint", MESSAGE_LIMITS)}
        </p>
        <textarea
          id="retaliation-message"
          name="message"
          rows={4}
          maxLength={MESSAGE_LIMITS.max}
          aria-describedby="retaliation-message-hint"
          aria-invalid={codes.includes("messageRequired") || codes.includes("messageTooLong") || undefined}
          defaultValue={invalid?.values.message ?? ""}
          className={inputClassName}
        />
      </div>
      <button type="submit" disabled={isPending} className={`${buttonClassName} w-full sm:w-auto`}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
