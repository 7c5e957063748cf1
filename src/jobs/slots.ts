// Which instants are a schedule's slots, when TIME_ZONE itself has daylight saving. Cron
// expressions speak of wall-clock times in TIME_ZONE; a slot is one wall-clock time, fired
// once: in autumn the repeated hour's wall-clock times already fired at their first
// occurrence and are not slots again; in spring the skipped hour's wall-clock times do not
// exist, so the first instant after the gap fires for them (once, however many of them match).
// Matching itself is node-cron's, run on the wall-clock time written as a UTC date, so that
// no zone conversion — the host's or TIME_ZONE's — happens inside it.

import { localParts } from "../domain/local-time.js";

const HOUR = 3_600_000;
/** Longer than any clock change: how far back an instant looks for a drop of the zone's offset. */
const LOOK_BACK_MS = 6 * HOUR;
/** Instants remembered by a wall clock: more than the minutes of a start-up catch-up's 8 days. */
const CACHE_SIZE = 50_000;

/**
 * The wall clock of `timeZone`: an instant (ms since the epoch) → its local date and time in
 * that zone, written as the UTC instant with the same fields (ms, whole seconds).
 */
export function createWallClock(timeZone: string): (instantMs: number) => number {
  // The same instants are asked about by every schedule (and a catch-up walks days of minutes).
  const cache = new Map<number, number>();
  return (instantMs) => {
    const known = cache.get(instantMs);
    if (known !== undefined) return known;
    if (cache.size >= CACHE_SIZE) cache.clear();
    const parts = localParts(new Date(instantMs), timeZone);
    const wallClock = Date.UTC(
      parts.year!,
      parts.month! - 1,
      parts.day!,
      parts.hour!,
      parts.minute!,
      parts.second!,
    );
    cache.set(instantMs, wallClock);
    return wallClock;
  };
}

/**
 * Whether the instant `instantMs` (a multiple of `stepMs`: a minute, or a second) is a slot
 * of a schedule whose expression `matchesWall` tests wall-clock times (as UTC dates):
 * - an ordinary instant: when its wall-clock time matches;
 * - the first instant after a spring gap: when its own or any skipped wall-clock time matches;
 * - an instant of the repeated hour in autumn: never (its wall-clock time was a slot, or not,
 *   at its first occurrence).
 */
export function isSlot(
  instantMs: number,
  stepMs: number,
  wall: (instantMs: number) => number,
  matchesWall: (wallClock: Date) => boolean,
): boolean {
  const here = wall(instantMs);
  const before = wall(instantMs - stepMs);
  if (here - before > stepMs) {
    // Clocks went forward: the wall-clock times (before, here] come together, now.
    for (let at = before + stepMs; at <= here; at += stepMs) if (matchesWall(new Date(at))) return true;
    return false;
  }
  // Clocks went back by `drop` within the look-back: the same wall-clock time `drop` ago means a repeat.
  const earlier = instantMs - LOOK_BACK_MS;
  const drop = wall(earlier) - earlier - (here - instantMs);
  if (drop > 0 && wall(instantMs - drop) === here) return false;
  return matchesWall(new Date(here));
}
