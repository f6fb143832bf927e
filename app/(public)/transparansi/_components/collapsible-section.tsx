import type { ReactNode } from "react";

/**
 * A section of /transparansi closed by default: its title is the <summary>, so the page stays
 * short on a phone and opens without JavaScript. The title stays an <h2> for the page's outline.
 */
export function CollapsibleSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <details data-testid={testId} className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-5 py-3 sm:px-6 [&::-webkit-details-marker]:hidden">
        <h2 className="text-xl font-semibold text-brand-900">{title}</h2>
        <DisclosureMark />
      </summary>
      <div className="space-y-3 px-5 pb-5 text-slate-700 sm:px-6 sm:pb-6">{children}</div>
    </details>
  );
}

/** The chevron of a <details> summary, turned when open (decoration: the summary is announced as expandable). */
export function DisclosureMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-brand-800 transition-transform group-open:rotate-180" fill="currentColor">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
    </svg>
  );
}
