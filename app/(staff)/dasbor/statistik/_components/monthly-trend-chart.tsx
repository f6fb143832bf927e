"use client";

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

import type { Locale } from "@/i18n/locales";

import { formatCount } from "./statistics-format";

export type TrendMonth = { label: string; received: number; pungli: number; closed: number };
export type TrendSeries = { received: string; pungli: string; closed: string };

/** Blue, orange and grey: told apart with the common colour-vision deficiencies, each 3:1 or more on white. */
const COLORS = { received: "#1c4f86", pungli: "#c2410c", closed: "#64748b" } as const;

/**
 * Reports by month as grouped bars. Decorative: hidden from assistive technology, the page renders
 * the same numbers as a table under it.
 */
export function MonthlyTrendChart({ months, series, locale }: { months: TrendMonth[]; series: TrendSeries; locale: Locale }) {
  return (
    <div aria-hidden="true" className="w-full">
      <BarChart data={months} responsive accessibilityLayer={false} style={{ width: "100%", height: 280 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={1}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fill: "#1e293b", fontSize: 12 }} tickLine={false} axisLine={{ stroke: "#94a3b8" }} minTickGap={4} />
        <YAxis allowDecimals={false} width={44} tick={{ fill: "#1e293b", fontSize: 12 }} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatCount(value, locale)} />
        {/* In the order of the bars and the table's columns, not sorted by name. */}
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 13, color: "#1e293b" }} />
        {(["received", "pungli", "closed"] as const).map((key) => (
          <Bar key={key} dataKey={key} name={series[key]} fill={COLORS[key]} isAnimationActive={false} maxBarSize={28} />
        ))}
      </BarChart>
    </div>
  );
}
