import type { ReactNode } from "react";

/** One block of the actions column: a titled section. */
export function ActionPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={id} className="text-lg font-semibold text-brand-900">
        {title}
      </h3>
      <div className="mt-3 space-y-3 text-slate-800">{children}</div>
    </section>
  );
}

/** The case and the version this form was rendered from (optimistic locking). */
export function CaseRefInputs({ caseId, version }: { caseId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} readOnly />
      {version !== undefined ? <input type="hidden" name="version" value={version} readOnly /> : null}
    </>
  );
}
