// The metric dictionary: every figure the statistics, the monthly bulletin (通报) and the
// deputies' report packs (述职) show, defined once. Each metric names its tallies (sums over
// the case facts of src/domain/metrics/case-facts.ts, or over activities); its name, formula,
// denominator, exclusions and unit are Fluent keys in locales/<locale>/stats.ftl, derived from its id
// (metricKeys), shown wherever the metric is. Adding a metric is one entry below (and, when
// it needs a new fact, that fact): the summaries, tables, charts, CSV and XLSX follow.
//
// The referral loop's figures (issue 8) count referred cases: 签收率 (the first referral
// acknowledged within one working day), 回退率 (returned), 延期率 (an extension granted), and the
// answer classes A/B/C/D among the cases a department answered (the latest answer's class).
import type { CaseFacts } from "./case-facts.js";

/** 0/1 facts of a case that a tally can sum. */
export type FlagFact = {
  [K in keyof CaseFacts]: CaseFacts[K] extends number
    ? K extends "firstReplySeconds" | "concernId" | "districtId"
      ? never
      : K
    : never;
}[keyof CaseFacts];

/**
 * A sum over case facts: every case (`all`), or the cases whose `fact` is 1, optionally
 * narrowed or widened by the due date compared with "now".
 */
export interface CaseTally {
  source: "cases";
  /** Which cases are summed: all cases received in the period, or those with the flag set. */
  fact: FlagFact | "all";
  /** "and-past-due": only those whose due date has passed; "or-open-past-due": also the open cases past their due date. */
  due?: "and-past-due" | "or-open-past-due";
  /** "received": cases received in the period (the default); "now": the scope's cases whatever their date. */
  over?: "received" | "now";
}

/** A sum over the activities held (status done) in the period and scope. */
export interface ActivityTally {
  source: "activities";
  /** held: activities; receptions: reception days (接待日); attendance: Σ recorded attendance; recorded: activities with attendance recorded. */
  measure: "held" | "receptions" | "attendance" | "recorded";
}

export const caseTallies = {
  received: { source: "cases", fact: "all" },
  countable: { source: "cases", fact: "countable" },
  takenOn: { source: "cases", fact: "takenOn" },
  referred: { source: "cases", fact: "referred" },
  closed: { source: "cases", fact: "closed" },
  closedOnTime: { source: "cases", fact: "closedOnTime" },
  dueOrClosed: { source: "cases", fact: "closed", due: "or-open-past-due" },
  closedOnce: { source: "cases", fact: "closedOnce" },
  reopened: { source: "cases", fact: "reopened" },
  rated: { source: "cases", fact: "rated" },
  satisfied: { source: "cases", fact: "satisfied" },
  unsatisfied: { source: "cases", fact: "unsatisfied" },
  ratedResolved: { source: "cases", fact: "ratedResolved" },
  replied: { source: "cases", fact: "replied" },
  overdueNow: { source: "cases", fact: "open", due: "and-past-due", over: "now" },
  referralAckOnTime: { source: "cases", fact: "referralAckOnTime" },
  referralReturned: { source: "cases", fact: "referralReturned" },
  referralExtended: { source: "cases", fact: "referralExtended" },
  referralAnswered: { source: "cases", fact: "referralAnswered" },
  answerA: { source: "cases", fact: "answerA" },
  answerB: { source: "cases", fact: "answerB" },
  answerC: { source: "cases", fact: "answerC" },
  answerD: { source: "cases", fact: "answerD" },
} as const satisfies Record<string, CaseTally>;
export type CaseTallyId = keyof typeof caseTallies;

export const activityTallies = {
  activitiesHeld: { source: "activities", measure: "held" },
  receptionsHeld: { source: "activities", measure: "receptions" },
  peopleReached: { source: "activities", measure: "attendance" },
  attendanceRecorded: { source: "activities", measure: "recorded" },
} as const satisfies Record<string, ActivityTally>;
export type ActivityTallyId = keyof typeof activityTallies;

export type TallyId = CaseTallyId | ActivityTallyId;
export type Tallies = Record<TallyId, number>;

/** Durations the dictionary knows, each a distribution of seconds over some cases. */
export const durations = {
  /** Receipt to the first words a person sent the citizen; cases with a reply only. */
  firstReply: { fact: "firstReplySeconds", among: "replied" },
} as const satisfies Record<string, { fact: keyof CaseFacts; among: CaseTallyId }>;
export type DurationId = keyof typeof durations;

export type Unit = "cases" | "activities" | "people" | "percent" | "hours";

export type MetricDefinition =
  | { id: string; kind: "count"; tally: TallyId; unit: Unit }
  | { id: string; kind: "rate"; numerator: TallyId; denominator: TallyId; unit: "percent" }
  | { id: string; kind: "duration"; duration: DurationId; unit: "hours" };

/** Every metric, in the order summaries show them. */
export const metricDictionary = [
  { id: "received", kind: "count", tally: "received", unit: "cases" },
  { id: "taken-on", kind: "count", tally: "takenOn", unit: "cases" },
  { id: "referred", kind: "count", tally: "referred", unit: "cases" },
  { id: "closed", kind: "count", tally: "closed", unit: "cases" },
  { id: "first-reply", kind: "duration", duration: "firstReply", unit: "hours" },
  { id: "closed-rate", kind: "rate", numerator: "closed", denominator: "countable", unit: "percent" },
  {
    id: "on-time-rate",
    kind: "rate",
    numerator: "closedOnTime",
    denominator: "dueOrClosed",
    unit: "percent",
  },
  { id: "resolved-rate", kind: "rate", numerator: "ratedResolved", denominator: "rated", unit: "percent" },
  { id: "satisfaction-rate", kind: "rate", numerator: "satisfied", denominator: "rated", unit: "percent" },
  {
    id: "dissatisfaction-rate",
    kind: "rate",
    numerator: "unsatisfied",
    denominator: "rated",
    unit: "percent",
  },
  { id: "reopen-rate", kind: "rate", numerator: "reopened", denominator: "closedOnce", unit: "percent" },
  { id: "overdue-now", kind: "count", tally: "overdueNow", unit: "cases" },
  {
    id: "referral-ack-rate",
    kind: "rate",
    numerator: "referralAckOnTime",
    denominator: "referred",
    unit: "percent",
  },
  {
    id: "referral-return-rate",
    kind: "rate",
    numerator: "referralReturned",
    denominator: "referred",
    unit: "percent",
  },
  {
    id: "referral-extension-rate",
    kind: "rate",
    numerator: "referralExtended",
    denominator: "referred",
    unit: "percent",
  },
  {
    id: "answer-a-rate",
    kind: "rate",
    numerator: "answerA",
    denominator: "referralAnswered",
    unit: "percent",
  },
  {
    id: "answer-b-rate",
    kind: "rate",
    numerator: "answerB",
    denominator: "referralAnswered",
    unit: "percent",
  },
  {
    id: "answer-c-rate",
    kind: "rate",
    numerator: "answerC",
    denominator: "referralAnswered",
    unit: "percent",
  },
  {
    id: "answer-d-rate",
    kind: "rate",
    numerator: "answerD",
    denominator: "referralAnswered",
    unit: "percent",
  },
  { id: "activities-held", kind: "count", tally: "activitiesHeld", unit: "activities" },
  { id: "people-reached", kind: "count", tally: "peopleReached", unit: "people" },
] as const satisfies readonly MetricDefinition[];
export type MetricId = (typeof metricDictionary)[number]["id"];

export function findMetric(id: MetricId): MetricDefinition {
  return metricDictionary.find((m) => m.id === id) as MetricDefinition;
}

/** The Fluent keys that describe a metric (locales/<locale>/stats.ftl). */
export function metricKeys(id: string) {
  return {
    name: `stats-metric-${id}`,
    formula: `stats-metric-${id}-formula`,
    denominator: `stats-metric-${id}-denominator`,
    exclusions: `stats-metric-${id}-exclusions`,
  };
}

/** The Fluent key of a unit's name. */
export const unitKey = (unit: Unit) => `stats-unit-${unit}`;

/** Fewer cases than this in a rate's denominator (or a duration's sample): "too few to judge". */
export const MIN_SAMPLE = 10;

/** Whether a case counts in a case tally at `now` (the same rule the SQL sums apply). */
export function countsIn(facts: CaseFacts, tally: CaseTally, now: Date): boolean {
  const pastDue = facts.dueAt !== null && facts.dueAt.getTime() < now.getTime();
  const flagged = tally.fact === "all" ? true : facts[tally.fact] === 1;
  if (tally.due === "and-past-due") return flagged && pastDue;
  if (tally.due === "or-open-past-due") return flagged || (facts.open === 1 && pastDue);
  return flagged;
}
