import Link from "next/link";

/** A headline figure and the queue link that lists the cases behind it; a wide one (rupiah, working days) takes two columns. */
export type HeadlineFigure = { key: string; value: string; label: string; detail?: string; href: string; isWide?: boolean };

/**
 * Headline figures as links: the whole card is the link, so its name reads "value label detail"
 * and a supervisor can open the cases behind any number.
 */
export function FigureList({ figures }: { figures: HeadlineFigure[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]">
      {figures.map((figure) => (
        <li key={figure.key} className={figure.isWide ? "col-span-2 min-w-0" : "min-w-0"}>
          <Link
            href={figure.href}
            data-figure={figure.key}
            className="group flex h-full flex-col gap-1 rounded-lg border border-slate-300 bg-slate-50 p-3 hover:border-brand-700 hover:bg-brand-50"
          >
            <span className="text-xl font-bold text-brand-900 tabular-nums [overflow-wrap:anywhere] sm:text-2xl">{figure.value}</span>
            <span className="text-sm font-semibold text-brand-800 underline underline-offset-2 group-hover:no-underline">{figure.label}</span>
            {figure.detail ? <span className="text-sm text-slate-700">{figure.detail}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
