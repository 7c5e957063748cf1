// "This is my problem too": which open cases to show a citizen who has just described a
// problem, before they submit it (issue 11). Up to three open cases of the same district from
// the last 90 days whose text is similar enough; same category first, then those within 250 m
// of the draft's location, then the most similar.
import { isOpen } from "./concern-status.js";
import { haversineMeters, type LatLng } from "./distance.js";
import { concernSimilarity } from "./similarity.js";

export const similarConcernRules = {
  /**
   * Lowest concernSimilarity score offered. Tuned on the labelled pairs in
   * test/domain/similarity-pairs.ts by test/domain/similarity-tuning.test.ts: the middle of
   * the widest run of thresholds whose F1 is within 0.02 of the best.
   */
  threshold: 0.07,
  /** How many cases are offered at most. */
  limit: 3,
  /** Only cases raised in this many days before now. */
  windowDays: 90,
  /** A case whose location is this close to the draft's comes first, metres. */
  nearbyMeters: 250,
} as const;

export type SimilarConcernRules = { [K in keyof typeof similarConcernRules]: number };

export interface ConcernDraft {
  text: string;
  categoryId: number | null;
  location?: LatLng | null | undefined;
  districtId: number;
  now: Date;
}

/** The fields of an open case the ranking reads; the caller's row type passes through. */
export interface SimilarityCandidate {
  id: number;
  description: string;
  categoryId: number | null;
  districtId: number;
  status: string;
  createdAt: Date;
  latitude: number | null;
  longitude: number | null;
}

export interface SimilarConcern<T extends SimilarityCandidate> {
  concern: T;
  /** concernSimilarity score in [0, 1]. */
  score: number;
  sameCategory: boolean;
  /** Metres from the draft's location, when both have one. */
  distanceMeters: number | null;
  nearby: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The similar open cases to offer for a draft, best first, at most `rules.limit`: open, same
 * district, created within `rules.windowDays` before `draft.now`, score ≥ `rules.threshold`.
 * Order: same category as the draft first (when it has one), then within
 * `rules.nearbyMeters`, then higher score, then newer. Pure; candidates are not modified.
 */
export function rankSimilarConcerns<T extends SimilarityCandidate>(
  draft: ConcernDraft,
  candidates: readonly T[],
  rules: SimilarConcernRules = similarConcernRules,
): SimilarConcern<T>[] {
  const since = draft.now.getTime() - rules.windowDays * DAY_MS;
  const ranked: SimilarConcern<T>[] = [];
  for (const concern of candidates) {
    const created = concern.createdAt.getTime();
    if (concern.districtId !== draft.districtId || !isOpen(concern.status)) continue;
    if (created < since || created > draft.now.getTime()) continue;
    const { score } = concernSimilarity(draft.text, concern.description);
    if (score < rules.threshold) continue;
    const distanceMeters =
      draft.location && concern.latitude !== null && concern.longitude !== null
        ? haversineMeters(draft.location, { latitude: concern.latitude, longitude: concern.longitude })
        : null;
    ranked.push({
      concern,
      score,
      sameCategory: draft.categoryId !== null && concern.categoryId === draft.categoryId,
      distanceMeters,
      nearby: distanceMeters !== null && distanceMeters <= rules.nearbyMeters,
    });
  }
  ranked.sort(
    (a, b) =>
      Number(b.sameCategory) - Number(a.sameCategory) ||
      Number(b.nearby) - Number(a.nearby) ||
      b.score - a.score ||
      b.concern.createdAt.getTime() - a.concern.createdAt.getTime() ||
      b.concern.id - a.concern.id,
  );
  return ranked.slice(0, rules.limit);
}
