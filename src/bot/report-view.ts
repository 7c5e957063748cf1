// The report to the voters (述职) in words: the text version a deputy posts, the lines the
// one-page image draws, and the anonymised case list every figure can be traced to.

import { localDate } from "../domain/local-time.js";
import { findMetric } from "../domain/metrics/dictionary.js";
import type { PackCase, ReportPack } from "../domain/metrics/report-pack.js";
import type { Translate } from "./format.js";
import type { StatsLabels } from "./stats-summary.js";
import { type Cell, toCsv } from "./stats-table.js";
import { formatValue, hoursText } from "./stats-view.js";

export interface ReportHeading {
  /** "2026" (a string, so that it is not formatted as a number). */
  year: string;
  name: string;
  districts: string;
}

const figureValue = (pack: ReportPack, id: string) => pack.figures.find((f) => f.id === id)?.value ?? 0;

/** The figure lines of the pack (without title or narrative). */
export function reportFigureLines(t: Translate, pack: ReportPack): string[] {
  const firstReply = formatValue(t, { metric: findMetric("first-reply") as never, ...pack.firstReply });
  const satisfaction = formatValue(t, {
    metric: findMetric("satisfaction-rate") as never,
    ...pack.satisfaction,
  });
  return [
    t("report-activities", {
      count: figureValue(pack, "activities-attended"),
      receptions: figureValue(pack, "receptions-attended"),
    }),
    t("report-concerns", {
      received: figureValue(pack, "received"),
      takenOn: figureValue(pack, "taken-on"),
      referred: figureValue(pack, "referred"),
      resolved: figureValue(pack, "resolved"),
    }),
    // Packs frozen before the answer classes existed have no such figures: no line rather than zeros.
    ...(pack.figures.some((f) => f.id === "answer-a")
      ? [
          t("report-answer-classes", {
            a: figureValue(pack, "answer-a"),
            b: figureValue(pack, "answer-b"),
            c: figureValue(pack, "answer-c"),
            d: figureValue(pack, "answer-d"),
          }),
        ]
      : []),
    t("report-first-reply", { value: firstReply }),
    t("report-satisfaction", { value: satisfaction }),
  ];
}

/** The text version to post: plain text, no markup. `status` is the draft or published line. */
export function reportText(
  t: Translate,
  heading: ReportHeading,
  pack: ReportPack,
  narrative: string,
  status: string,
): string {
  return [
    t("report-title", { year: heading.year, name: heading.name, districts: heading.districts }),
    "",
    t("report-section-figures"),
    ...reportFigureLines(t, pack),
    "",
    t("report-section-narrative"),
    narrative.trim() || t("report-no-narrative"),
    "",
    t("report-section-notes"),
    t("report-page-footer"),
    t("report-trace", { count: figureValue(pack, "received") }),
    status,
  ].join("\n");
}

/**
 * The anonymised case list: one row per case with a 1/0 column per figure it counts in, and the
 * class (A–D) of the latest department answer, empty when none.
 */
export function reportCasesCsv(
  t: Translate,
  pack: ReportPack,
  cases: readonly PackCase[],
  labels: StatsLabels,
  timeZone: string,
): Buffer {
  const inFigure = (id: string) => new Set(pack.figures.find((f) => f.id === id)?.behind ?? []);
  const [takenOn, referred, resolved] = ["taken-on", "referred", "resolved"].map(inFigure) as [
    Set<string>,
    Set<string>,
    Set<string>,
  ];
  const rated = new Set(pack.satisfaction.ratedBehind);
  const satisfied = new Set(pack.satisfaction.behind);
  const flag = (set: Set<string>, caseNo: string) => (set.has(caseNo) ? 1 : 0);
  const classes = (["A", "B", "C", "D"] as const).map(
    (letter) => [letter, inFigure(`answer-${letter.toLowerCase()}`)] as const,
  );
  const answerClass = (caseNo: string) => classes.find(([, set]) => set.has(caseNo))?.[0] ?? "";
  const rows: Cell[][] = [
    [
      "report-column-case",
      "report-column-district",
      "report-column-category",
      "report-column-received",
      "report-column-status",
      "report-column-taken-on",
      "report-column-referred",
      "report-column-resolved",
      "report-column-rated",
      "report-column-satisfied",
      "report-column-first-reply",
      "report-column-answer-class",
    ].map((key) => t(key)),
    ...cases.map((c) => [
      c.caseNo,
      labels.district(c.districtId),
      labels.category(c.categoryId),
      localDate(c.receivedAt, timeZone),
      t(`status-${c.status}`),
      flag(takenOn, c.caseNo),
      flag(referred, c.caseNo),
      flag(resolved, c.caseNo),
      flag(rated, c.caseNo),
      flag(satisfied, c.caseNo),
      c.firstReplySeconds === null ? "" : hoursText(c.firstReplySeconds),
      answerClass(c.caseNo),
    ]),
  ];
  return toCsv(rows);
}
