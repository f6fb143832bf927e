import type { ReactNode } from "react";

/** One <h2> section of the statistics page, in a white card. */
export function StatisticsSection({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-xl font-semibold text-brand-900">
          {title}
        </h2>
        {lead ? <p className="text-slate-700">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A breakdown inside a section: its <h3>, then the chart and the table with the same numbers. */
export function StatisticsSubsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold text-slate-900">{title}</h3>
      {children}
    </div>
  );
}

/** A chart next to its data table on wide screens, above it on narrow ones. */
export function ChartWithTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
      <div className="min-w-0">{chart}</div>
      <div className="min-w-0">{table}</div>
    </div>
  );
}

/** Said instead of an empty table or chart. */
export function EmptyBreakdown({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-700">{children}</p>;
}
