// The rows of a statistics answer as a table, and that table as CSV (UTF-8 with a byte-order
// mark, so that Excel opens Chinese correctly) or as an XLSX workbook whose second sheet holds
// the definition of every column's metric.
import { stringify } from "csv-stringify/sync";
import type { StatsGroup, StatsReport } from "../db/queries/stats-report.js";
import {
  type MetricDefinition,
  metricDictionary,
  metricKeys,
  unitKey,
} from "../domain/metrics/dictionary.js";
import type { MetricValue } from "../domain/metrics/evaluate.js";
import type { Translate } from "./format.js";
import { metricName } from "./stats-view.js";

export type Cell = string | number;

/** A proportion as a percentage rounded to 0.1, as a number. */
const percent = (p: number) => Math.round(p * 1000) / 10;
const hours = (s: number) => Math.round(s / 360) / 10;

function headerOf(t: Translate, metric: MetricDefinition, withDurations: boolean): string[] {
  const name = metricName(t, metric);
  switch (metric.kind) {
    case "count":
      return [name];
    case "rate":
      return [
        t("stats-column-numerator", { name }),
        t("stats-column-denominator", { name }),
        t("stats-column-rate", { name }),
        t("stats-column-low", { name }),
        t("stats-column-high", { name }),
      ];
    case "duration":
      return withDurations
        ? [
            t("stats-column-count", { name }),
            t("stats-column-median-hours", { name }),
            t("stats-column-p90-hours", { name }),
          ]
        : [];
  }
}

function cellsOf(
  t: Translate,
  value: MetricValue | undefined,
  metric: MetricDefinition,
  withDurations: boolean,
): Cell[] {
  const tooFew = t("stats-too-few-cell");
  if (metric.kind === "count") return [value && "value" in value ? value.value : 0];
  if (metric.kind === "rate") {
    if (!value || !("numerator" in value)) return [0, 0, tooFew, tooFew, tooFew];
    if (value.tooFew || !value.interval || value.proportion === undefined)
      return [value.numerator, value.denominator, tooFew, tooFew, tooFew];
    return [
      value.numerator,
      value.denominator,
      percent(value.proportion),
      percent(value.interval.low),
      percent(value.interval.high),
    ];
  }
  if (!withDurations) return [];
  if (!value || !("count" in value)) return [0, tooFew, tooFew];
  if (value.tooFew || value.medianSeconds === undefined || value.p90Seconds === undefined)
    return [value.count, tooFew, tooFew];
  return [value.count, hours(value.medianSeconds), hours(value.p90Seconds)];
}

/**
 * The table: a header row, one row per group (named by `nameOf`) and the total last. Durations
 * appear only when the report is not grouped (a median is not a sum, so groups have none).
 */
export function statsTable(
  t: Translate,
  report: StatsReport,
  nameOf: (group: StatsGroup) => string,
): Cell[][] {
  const withDurations = report.groups.length === 0;
  const metrics = metricDictionary as readonly MetricDefinition[];
  const header = [t("stats-column-group"), ...metrics.flatMap((m) => headerOf(t, m, withDurations))];
  const row = (group: StatsGroup, name: string): Cell[] => [
    name,
    ...metrics.flatMap((m) =>
      cellsOf(
        t,
        group.values.find((v) => v.metric.id === m.id),
        m,
        withDurations,
      ),
    ),
  ];
  return [header, ...report.groups.map((g) => row(g, nameOf(g))), row(report.total, t("stats-total"))];
}

/** The definitions as rows: metric, formula, denominator, exclusions, unit. */
export function definitionRows(t: Translate): Cell[][] {
  return [
    [
      t("stats-column-metric"),
      t("stats-column-formula"),
      t("stats-column-denominator-text"),
      t("stats-column-exclusions"),
      t("stats-column-unit"),
    ],
    ...(metricDictionary as readonly MetricDefinition[]).map((m) => {
      const keys = metricKeys(m.id);
      return [t(keys.name), t(keys.formula), t(keys.denominator), t(keys.exclusions), t(unitKey(m.unit))];
    }),
  ];
}

/** CSV, UTF-8 with BOM, CRLF line ends (what Excel expects): the table, a blank line, the definitions. */
export function toCsv(table: Cell[][], definitions: Cell[][] = []): Buffer {
  const rows = definitions.length > 0 ? [...table, [], ...definitions] : table;
  return Buffer.from(stringify(rows, { bom: true, record_delimiter: "windows" }), "utf8");
}

/** An XLSX workbook: the table on the first sheet, the definitions on the second. */
export async function toXlsx(t: Translate, table: Cell[][], definitions: Cell[][]): Promise<Buffer> {
  // Loaded when first asked for: exceljs is large, and most processes never write a workbook.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(t("stats-sheet-table"));
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  sheet.getColumn(1).width = 24;
  const defs = workbook.addWorksheet(t("stats-sheet-definitions"));
  defs.addRows(definitions);
  defs.getRow(1).font = { bold: true };
  for (const [i, width] of [16, 60, 40, 50, 8].entries()) defs.getColumn(i + 1).width = width;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
