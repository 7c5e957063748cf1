// Rankings that claim only what the data shows: a group is placed above another only when
// their 95 % intervals do not overlap. Each group gets a range of possible places, from
// 1 + (groups certainly above it) to (groups) − (groups certainly below it); when every
// range is the whole field, nothing is ranked.
import { type Interval, intervalsSeparate } from "./wilson.js";

export interface RankedGroup<K> {
  key: K;
  /** Best possible place, 1-based. */
  best: number;
  /** Worst possible place. */
  worst: number;
}

/**
 * Place ranges of the groups with an interval (those without one, "too few", are left out),
 * ordered by best place and then by the midpoint of the interval. Returns [] when no two
 * intervals separate, so that callers show no ranking at all.
 */
export function rankBySeparation<K>(groups: readonly { key: K; interval?: Interval }[]): RankedGroup<K>[] {
  const judged = groups.filter((g): g is { key: K; interval: Interval } => g.interval !== undefined);
  const ranked = judged.map((g) => {
    const above = judged.filter(
      (o) => o !== g && intervalsSeparate(o.interval, g.interval) && o.interval.low > g.interval.high,
    ).length;
    const below = judged.filter(
      (o) => o !== g && intervalsSeparate(o.interval, g.interval) && o.interval.high < g.interval.low,
    ).length;
    return {
      key: g.key,
      best: 1 + above,
      worst: judged.length - below,
      mid: (g.interval.low + g.interval.high) / 2,
    };
  });
  if (ranked.every((r) => r.best === 1 && r.worst === judged.length)) return [];
  return ranked
    .sort((a, b) => a.best - b.best || b.mid - a.mid)
    .map(({ key, best, worst }) => ({ key, best, worst }));
}
