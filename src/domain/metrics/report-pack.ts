// The figures of a deputy's report to the voters (述职) for a year, each with the case numbers
// (or activities) behind it, so that every figure can be traced to what it counts. Counted per
// case with the dictionary's own rule (countsIn), so that the pack and /stats agree.
// The answer classes A/B/C/D count the deputy's cases by the class of the latest answer a
// department gave (CaseFacts.answerA..answerD, src/domain/metrics/case-facts.ts).
import type { CaseFacts } from "./case-facts.js";
import { caseTallies, countsIn, type MetricId } from "./dictionary.js";
import { rateOf } from "./evaluate.js";
import { nearestRank } from "./percentile.js";

/** A case as the pack lists it: its number and facts, nothing about the citizen. */
export type PackCase = CaseFacts & { caseNo: string };

/** An activity the deputy was on duty at. */
export interface PackActivity {
  id: number;
  kind: string;
  title: string;
  startsAt: Date;
  attendance: number | null;
}

export interface PackFigure {
  /** A dictionary metric id, or one of the pack's own ("resolved", "receptions-attended"). */
  id:
    | MetricId
    | "resolved"
    | "activities-attended"
    | "receptions-attended"
    | "answer-a"
    | "answer-b"
    | "answer-c"
    | "answer-d";
  value: number;
  /** The case numbers (or activity ids) the figure counts. */
  behind: string[];
}

export interface ReportPack {
  year: number;
  figures: PackFigure[];
  firstReply: {
    count: number;
    tooFew: boolean;
    medianSeconds?: number;
    p90Seconds?: number;
    behind: string[];
  };
  satisfaction: ReturnType<typeof rateOf> & { behind: string[]; ratedBehind: string[] };
}

function figure(
  id: PackFigure["id"],
  cases: readonly PackCase[],
  counts: (c: PackCase) => boolean,
): PackFigure {
  const behind = cases.filter(counts).map((c) => c.caseNo);
  return { id, value: behind.length, behind };
}

/**
 * The pack for `year` from the deputy's own cases of that year (assigned to them, or unassigned
 * in their districts) and the activities they were on duty at. The figures "answer-a" … "answer-d"
 * count the cases whose latest department answer was of that class (a case counts in at most one). `now` is when "overdue" would
 * be judged (unused by these figures but kept for the same rule). Pure.
 */
export function buildReportPack(
  year: number,
  cases: readonly PackCase[],
  activities: readonly PackActivity[],
  now: Date,
): ReportPack {
  const held = activities.map((a) => String(a.id));
  const receptions = activities.filter((a) => a.kind === "reception").map((a) => String(a.id));
  const replied = cases.filter((c) => c.firstReplySeconds !== null);
  const seconds = replied.map((c) => c.firstReplySeconds as number).sort((a, b) => a - b);
  const enough = seconds.length >= 10;
  const rated = cases.filter((c) => countsIn(c, caseTallies.rated, now));
  const satisfied = rated.filter((c) => countsIn(c, caseTallies.satisfied, now));
  return {
    year,
    figures: [
      { id: "activities-attended", value: held.length, behind: held },
      { id: "receptions-attended", value: receptions.length, behind: receptions },
      figure("received", cases, () => true),
      figure("taken-on", cases, (c) => countsIn(c, caseTallies.takenOn, now)),
      figure("referred", cases, (c) => countsIn(c, caseTallies.referred, now)),
      figure("resolved", cases, (c) => c.status === "resolved"),
      figure("answer-a", cases, (c) => countsIn(c, caseTallies.answerA, now)),
      figure("answer-b", cases, (c) => countsIn(c, caseTallies.answerB, now)),
      figure("answer-c", cases, (c) => countsIn(c, caseTallies.answerC, now)),
      figure("answer-d", cases, (c) => countsIn(c, caseTallies.answerD, now)),
    ],
    firstReply: {
      count: seconds.length,
      tooFew: !enough,
      ...(enough
        ? {
            medianSeconds: seconds[nearestRank(0.5, seconds.length) - 1],
            p90Seconds: seconds[nearestRank(0.9, seconds.length) - 1],
          }
        : {}),
      behind: replied.map((c) => c.caseNo),
    },
    satisfaction: {
      ...rateOf(satisfied.length, rated.length),
      behind: satisfied.map((c) => c.caseNo),
      ratedBehind: rated.map((c) => c.caseNo),
    },
  };
}
