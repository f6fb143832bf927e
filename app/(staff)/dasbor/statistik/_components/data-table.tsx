import Link from "next/link";

/**
 * A cell's text, the queue link listing its cases when there is one, and a note under it. The
 * link goes on the note instead (`noteHref`) when the text says nothing by itself ("—").
 */
export type TableCell = { text: string; href?: string; note?: string; noteHref?: string; isText?: boolean };
export type TableRow = { key: string; header: TableCell; cells: TableCell[] };
/** A column heading; text columns (not figures) are left-aligned. */
export type TableColumn = { label: string; isText?: boolean };

function CellContent({ cell }: { cell: TableCell }) {
  const text = cell.href ? (
    <Link href={cell.href} className="font-semibold text-brand-800 underline underline-offset-2 hover:no-underline">
      {cell.text}
    </Link>
  ) : (
    cell.text
  );
  if (!cell.note) return text;
  return (
    <>
      {text}
      {cell.noteHref ? (
        <Link href={cell.noteHref} className="block text-xs font-semibold text-brand-800 underline underline-offset-2 hover:no-underline">
          {cell.note}
        </Link>
      ) : (
        <span className="block text-xs text-slate-700">{cell.note}</span>
      )}
    </>
  );
}

/**
 * The numbers of a chart or breakdown as a real table: a caption, a row header per line, column
 * headers, figures right-aligned. A wide table scrolls inside its own box (focusable, so it can
 * be scrolled with the keyboard) instead of the page.
 */
export function DataTable({
  id,
  caption,
  rowHeader,
  columns,
  rows,
  isWide = false,
  isCaptionVisible = true,
}: {
  id: string;
  caption: string;
  rowHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  isWide?: boolean;
  /** False when a heading right above already says what the table is. */
  isCaptionVisible?: boolean;
}) {
  const table = (
    <table className="w-full border-collapse text-left text-sm">
      <caption id={`${id}-caption`} className={isCaptionVisible ? "px-2 py-2 text-left font-semibold text-slate-900 sm:px-3" : "sr-only"}>
        {caption}
      </caption>
      <thead className="bg-slate-100 text-slate-900">
        <tr>
          <th scope="col" className="px-2 py-2 font-semibold sm:px-3">
            {rowHeader}
          </th>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={`px-2 py-2 font-semibold sm:px-3 ${column.isText ? "" : "text-right"}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {rows.map((row) => (
          <tr key={row.key} className="align-top">
            <th scope="row" className="px-2 py-2 font-normal text-slate-900 sm:px-3">
              <CellContent cell={row.header} />
            </th>
            {row.cells.map((cell, index) => (
              <td key={index} className={cell.isText ? "min-w-48 px-2 py-2 text-slate-900 sm:px-3" : "px-2 py-2 text-right whitespace-nowrap text-slate-900 tabular-nums sm:px-3"}>
                <CellContent cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!isWide) return table;
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200">
      {table}
    </div>
  );
}
