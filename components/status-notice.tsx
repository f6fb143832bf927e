import type { ReactNode } from "react";

// States plainly what does not work yet, so no page pretends otherwise.
export function StatusNotice({ children }: { children: ReactNode }) {
  return (
    <div className="flex gap-3 rounded-lg border border-brand-100 border-l-4 border-l-brand-700 bg-brand-50 p-4 text-slate-800">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-brand-700">
        <path
          fillRule="evenodd"
          d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v2.75a.75.75 0 0 0 1.5 0V10a1 1 0 0 0-1-1H9Z"
          clipRule="evenodd"
        />
      </svg>
      <p>{children}</p>
    </div>
  );
}
