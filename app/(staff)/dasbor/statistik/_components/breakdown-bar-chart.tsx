"use client";

import { Bar, BarChart, usePlotArea, XAxis, YAxis } from "recharts";

import { distinctShortLabels } from "./bar-labels";

/** One bar: its name, its value, and the value as the page writes it ("1.234"). */
export type BreakdownBar = { label: string; value: number; valueLabel: string };

const ROW_HEIGHT = 40;
const BAR_SIZE = 14;
const FONT_SIZE = 13;
/** A generous average width of a character at FONT_SIZE, to shorten names that would not fit. */
const CHARACTER_WIDTH = 7.4;

/**
 * The category's name and count, written above its bar from the left edge, so long names fit a
 * 360 px screen: a name too long for the chart's width is shortened, never the count, and never
 * to the same label as another bar's (bar-labels.ts). The full name is the label's tooltip, and
 * the table beside the chart has it too. The axis keeps a width of 1: recharts draws no ticks on
 * an axis 0 wide.
 */
function CategoryTick({ y, index, names, valueLabels }: { y?: number; index?: number; names: string[]; valueLabels: string[] }) {
  const plotArea = usePlotArea();
  const position = index ?? 0;
  const suffix = ` · ${valueLabels[position] ?? ""}`;
  const longestSuffix = Math.max(...valueLabels.map((label) => label.length)) + 3;
  const room = Math.max(8, Math.floor((plotArea?.width ?? 280) / CHARACTER_WIDTH) - longestSuffix);
  const name = names[position] ?? "";
  const shown = distinctShortLabels(names, room)[position] ?? name;
  return (
    <text x={0} y={(y ?? 0) - BAR_SIZE / 2 - 5} fill="#1e293b" fontSize={FONT_SIZE} textAnchor="start">
      {shown === name ? null : <title>{name}</title>}
      {shown + suffix}
    </text>
  );
}

/**
 * Horizontal bars for a breakdown (by channel, category, service, age, score). Decorative: it is
 * hidden from assistive technology and the page renders the same numbers as a table next to it.
 */
export function BreakdownBarChart({ bars, color }: { bars: BreakdownBar[]; color: string }) {
  if (bars.length === 0) return null;
  return (
    <div aria-hidden="true" className="w-full">
      <BarChart
        layout="vertical"
        data={bars}
        responsive
        accessibilityLayer={false}
        style={{ width: "100%", height: bars.length * ROW_HEIGHT + 8 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <XAxis type="number" hide domain={[0, (dataMax: number) => Math.max(dataMax, 1)]} />
        <YAxis
          type="category"
          dataKey="label"
          width={1}
          axisLine={false}
          tickLine={false}
          interval={0}
          tick={<CategoryTick names={bars.map((bar) => bar.label)} valueLabels={bars.map((bar) => bar.valueLabel)} />}
        />
        <Bar dataKey="value" fill={color} barSize={BAR_SIZE} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
