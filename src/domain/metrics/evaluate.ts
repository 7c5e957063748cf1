// From tallies (sums) and duration summaries to the values the statistics show: counts as
// they are, rates with their n and 95 % Wilson interval (or "too few to judge" below
// MIN_SAMPLE), durations as median and 90th percentile.
import {
  type DurationId,
  type MetricDefinition,
  MIN_SAMPLE,
  metricDictionary,
  type Tallies,
} from "./dictionary.js";
import { type Interval, wilsonInterval } from "./wilson.js";

/** A duration distribution: how many cases, and its nearest-rank median and 90th percentile, in seconds. */
export interface DurationSummary {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export type MetricValue =
  | { metric: MetricDefinition & { kind: "count" }; value: number }
  | {
      metric: MetricDefinition & { kind: "rate" };
      numerator: number;
      /** n. */
      denominator: number;
      /** Fewer than MIN_SAMPLE cases: no proportion or interval is shown. */
      tooFew: boolean;
      /** A proportion in [0, 1]; absent when tooFew. */
      proportion?: number;
      interval?: Interval;
    }
  | {
      metric: MetricDefinition & { kind: "duration" };
      count: number;
      tooFew: boolean;
      medianSeconds?: number;
      p90Seconds?: number;
    };

/** A rate of `numerator` out of `denominator`, withheld below MIN_SAMPLE. */
export function rateOf(numerator: number, denominator: number) {
  if (denominator < MIN_SAMPLE) return { numerator, denominator, tooFew: true as const };
  return {
    numerator,
    denominator,
    tooFew: false as const,
    proportion: numerator / denominator,
    interval: wilsonInterval(numerator, denominator),
  };
}

/** The value of one metric. */
export function evaluateMetric(
  metric: MetricDefinition,
  tallies: Tallies,
  durations: Partial<Record<DurationId, DurationSummary>>,
): MetricValue {
  switch (metric.kind) {
    case "count":
      return { metric, value: tallies[metric.tally] };
    case "rate":
      return { metric, ...rateOf(tallies[metric.numerator], tallies[metric.denominator]) };
    case "duration": {
      const summary = durations[metric.duration] ?? { count: 0, medianSeconds: null, p90Seconds: null };
      if (summary.count < MIN_SAMPLE || summary.medianSeconds === null || summary.p90Seconds === null)
        return { metric, count: summary.count, tooFew: true };
      return {
        metric,
        count: summary.count,
        tooFew: false,
        medianSeconds: summary.medianSeconds,
        p90Seconds: summary.p90Seconds,
      };
    }
  }
}

/** Every metric of the dictionary (or the given ones), in dictionary order. */
export function evaluateMetrics(
  tallies: Tallies,
  durations: Partial<Record<DurationId, DurationSummary>>,
  metrics: readonly MetricDefinition[] = metricDictionary,
): MetricValue[] {
  return metrics.map((metric) => evaluateMetric(metric, tallies, durations));
}
