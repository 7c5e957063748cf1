// The three pictures of /stats: the monthly trend, the progress funnel and the categories.
// Each carries its title and, at the bottom, the period, the scope and the definitions its
// bars depend on, so that a chart forwarded on its own still says what it counts.
import type { Translate } from "../format.js";
import { renderChartPng } from "./render.js";

/** Every chart is 1200 × 700 pixels: sharp in Telegram's viewer, small to send (tens of kB). */
export const CHART_SIZE = { width: 1200, height: 700 } as const;

const RED = "#c0392b";
const BLUE = "#2e86c1";

export interface ChartContext {
  t: Translate;
  from: string;
  to: string;
  /** The scope in words ("青山县 · 全部类别"). */
  scope: string;
}

const footnote = (c: ChartContext) => ({
  display: true,
  position: "bottom" as const,
  text: c.t("stats-chart-footnote", { from: c.from, to: c.to, scope: c.scope }),
  font: { size: 13 },
  padding: { top: 12 },
});

const title = (text: string) => ({
  display: true,
  text,
  font: { size: 24, weight: "bold" as const },
  padding: { bottom: 16 },
});

/** Received per month (bars) and, of those, closed (line). */
export function renderTrendChart(
  c: ChartContext,
  months: { month: string; received: number; closed: number }[],
): Buffer {
  return renderChartPng(
    {
      type: "bar",
      data: {
        labels: months.map((m) => m.month),
        datasets: [
          {
            type: "bar",
            label: c.t("stats-chart-trend-received"),
            data: months.map((m) => m.received),
            backgroundColor: RED,
            order: 1,
          },
          {
            type: "line",
            label: c.t("stats-chart-trend-closed"),
            data: months.map((m) => m.closed),
            borderColor: BLUE,
            backgroundColor: BLUE,
            borderWidth: 3,
            // Drawn over the bars.
            order: 0,
          },
        ],
      },
      options: {
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { title: title(c.t("stats-chart-trend-title")), subtitle: footnote(c) },
      },
    },
    CHART_SIZE,
  );
}

/** Horizontal bars, one per item, the first in red (the whole) when `firstStands` is set. */
function renderBars(
  c: ChartContext,
  heading: string,
  items: { label: string; count: number }[],
  firstStands: boolean,
): Buffer {
  return renderChartPng(
    {
      type: "bar",
      data: {
        labels: items.map((s) => s.label),
        datasets: [
          {
            data: items.map((s) => s.count),
            backgroundColor: items.map((_, i) => (i === 0 || !firstStands ? RED : BLUE)),
          },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false }, title: title(heading), subtitle: footnote(c) },
      },
    },
    CHART_SIZE,
  );
}

/** Horizontal bars from received down to satisfied, each labelled with its count. */
export function renderFunnelChart(c: ChartContext, steps: { label: string; count: number }[]): Buffer {
  const labelled = steps.map((s) => ({ label: `${s.label}  ${s.count}`, count: s.count }));
  return renderBars(c, c.t("stats-chart-funnel-title"), labelled, true);
}

/** Concerns received per category, most first. */
export function renderCategoryChart(c: ChartContext, categories: { label: string; count: number }[]): Buffer {
  return renderBars(c, c.t("stats-chart-categories-title"), categories, false);
}
