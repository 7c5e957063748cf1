// The words of the statistics: a metric value as a line ("办结率 78.6%(11/14,95%区间 …)"),
// the definitions that go with every figure, group rows and rankings. Shared by /stats, the
// monthly bulletin and the report pack, so that a figure reads the same everywhere.
import type { StatsGroup, StatsReport } from "../db/queries/stats-report.js";
import {
  type MetricDefinition,
  metricDictionary,
  metricKeys,
  unitKey,
} from "../domain/metrics/dictionary.js";
import type { MetricValue } from "../domain/metrics/evaluate.js";
import type { Translate } from "./format.js";

/** A proportion as a percentage with one decimal ("78.6"). */
export const percentText = (p: number) => (p * 100).toFixed(1);
/** Seconds as hours with one decimal ("6.0"). */
export const hoursText = (seconds: number) => (seconds / 3600).toFixed(1);

export const metricName = (t: Translate, metric: Pick<MetricDefinition, "id">) =>
  t(metricKeys(metric.id).name);

/** The value alone: "15 件", "78.6%(11/14,…)", "样本过少,不作判断(n=3…)". */
export function formatValue(t: Translate, value: MetricValue): string {
  switch (value.metric.kind) {
    case "count": {
      const v = value as Extract<MetricValue, { value: number }>;
      return t("stats-count", { value: v.value, unit: t(unitKey(value.metric.unit)) });
    }
    case "rate": {
      const v = value as Extract<MetricValue, { numerator: number }>;
      if (v.tooFew || !v.interval || v.proportion === undefined)
        return t("stats-rate-too-few", { denominator: v.denominator });
      return t("stats-rate", {
        percent: percentText(v.proportion),
        numerator: v.numerator,
        denominator: v.denominator,
        low: percentText(v.interval.low),
        high: percentText(v.interval.high),
      });
    }
    case "duration": {
      const v = value as Extract<MetricValue, { count: number }>;
      if (v.tooFew || v.medianSeconds === undefined || v.p90Seconds === undefined)
        return t("stats-duration-too-few", { count: v.count });
      return t("stats-duration", {
        median: hoursText(v.medianSeconds),
        p90: hoursText(v.p90Seconds),
        count: v.count,
      });
    }
  }
}

/** "办结率:78.6%(…)". */
export function formatMetricLine(t: Translate, value: MetricValue): string {
  return t("stats-line", { name: metricName(t, value.metric), value: formatValue(t, value) });
}

/** One definition: name, formula, denominator, exclusions and unit (HTML). */
export function formatDefinition(t: Translate, metric: MetricDefinition): string {
  const keys = metricKeys(metric.id);
  return t("stats-definition", {
    name: t(keys.name),
    formula: t(keys.formula),
    denominator: t(keys.denominator),
    exclusions: t(keys.exclusions),
    unit: t(unitKey(metric.unit)),
  });
}

/** The definitions of the given metrics (default: all), under a title. */
export function formatDefinitions(
  t: Translate,
  metrics: readonly MetricDefinition[] = metricDictionary,
): string {
  return [t("stats-definitions-title"), ...metrics.map((m) => formatDefinition(t, m))].join("\n");
}

export function findValue(group: StatsGroup, id: string): MetricValue | undefined {
  return group.values.find((v) => v.metric.id === id);
}

/** Ranking lines, one per rate metric where some groups' intervals separate. */
export function formatRankings(t: Translate, report: StatsReport, nameOf: (key: string) => string): string[] {
  return Object.entries(report.rankings).map(([metricId, ranked]) =>
    t("stats-ranking", {
      metric: t(metricKeys(metricId).name),
      places: ranked
        .map((r) =>
          r.best === r.worst
            ? t("stats-ranking-place-exact", { name: nameOf(r.key), best: r.best })
            : t("stats-ranking-place", { name: nameOf(r.key), best: r.best, worst: r.worst }),
        )
        .join(" · "),
    }),
  );
}
