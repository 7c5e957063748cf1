// The sums behind every figure: one aggregate over CaseFact per question (grouped when asked),
// the nearest-rank percentiles of a duration, and the activities of a period. The tallies are
// generated from the dictionary (src/domain/metrics/dictionary.ts), so that SQL and the
// per-case rule (countsIn) cannot drift apart. Where the dialects differ (placeholders,
// integer types coming back) one builder handles both.

import { localDate } from "../../domain/local-time.js";
import {
  type CaseTally,
  type CaseTallyId,
  caseTallies,
  type DurationId,
  durations,
} from "../../domain/metrics/dictionary.js";
import type { DurationSummary } from "../../domain/metrics/evaluate.js";
import { nearestRank } from "../../domain/metrics/percentile.js";
import type { Database, Dialect } from "../client.js";

/** Which cases a figure is about. */
export interface StatsSelection {
  /** Cases received from `start` (inclusive) to `end` (exclusive). */
  start: Date;
  end: Date;
  /** Cases of these districts; null: of every district. */
  districtIds: number[] | null;
  /** One category; null: every category. */
  categoryId: number | null;
  /** A deputy's own work: cases assigned to them, or not yet assigned in their districts. */
  deputy: { userId: number; districtIds: number[] } | null;
  /** Cases referred (at least once) to this department; null or absent: any, referred or not. */
  departmentId?: number | null;
}

export const caseGroupings = ["none", "category", "status", "month", "district"] as const;
export type CaseGrouping = (typeof caseGroupings)[number];

const groupColumn: Record<Exclude<CaseGrouping, "none">, string> = {
  category: `"categoryId"`,
  status: `"status"`,
  month: `"receivedMonth"`,
  district: `"districtId"`,
};

/** Positional parameters in the dialect's style ("?" or "$1"). */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: Dialect) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  }
  list(values: readonly number[]): string {
    return values.map((v) => this.add(v)).join(",");
  }
}

function tallySql(tally: CaseTally, now: string): string {
  const flag = tally.fact === "all" ? "1" : `"${tally.fact}"`;
  if (tally.due === "and-past-due")
    return `SUM(CASE WHEN ${flag} = 1 AND "dueAt" < ${now} THEN 1 ELSE 0 END)`;
  if (tally.due === "or-open-past-due")
    return `SUM(CASE WHEN ${flag} = 1 OR ("open" = 1 AND "dueAt" < ${now}) THEN 1 ELSE 0 END)`;
  return tally.fact === "all" ? "COUNT(*)" : `SUM(${flag})`;
}

/** WHERE conditions of a selection; `withPeriod` false for the "now" tallies. */
function whereSql(selection: StatsSelection, params: Params, withPeriod: boolean): string {
  const conditions: string[] = [];
  if (withPeriod)
    conditions.push(
      `"receivedAt" >= ${params.add(selection.start)}`,
      `"receivedAt" < ${params.add(selection.end)}`,
    );
  if (selection.districtIds !== null) {
    if (selection.districtIds.length === 0) conditions.push("1 = 0");
    else conditions.push(`"districtId" IN (${params.list(selection.districtIds)})`);
  }
  if (selection.categoryId !== null) conditions.push(`"categoryId" = ${params.add(selection.categoryId)}`);
  if (selection.departmentId !== undefined && selection.departmentId !== null)
    conditions.push(
      `"concernId" IN (SELECT "concernId" FROM "Referral" WHERE "departmentId" = ${params.add(selection.departmentId)})`,
    );
  if (selection.deputy) {
    const own = `"assigneeId" = ${params.add(selection.deputy.userId)}`;
    const districts = selection.deputy.districtIds;
    conditions.push(
      districts.length === 0
        ? own
        : `(${own} OR ("assigneeId" IS NULL AND "districtId" IN (${params.list(districts)})))`,
    );
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}

export type CaseTallyValues = Record<CaseTallyId, number>;

const tallyIds = Object.keys(caseTallies) as CaseTallyId[];
const periodTallies = tallyIds.filter((id) => (caseTallies[id] as CaseTally).over !== "now");
const nowTallies = tallyIds.filter((id) => (caseTallies[id] as CaseTally).over === "now");

const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const groupKey = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

async function aggregate(
  db: Database,
  selection: StatsSelection,
  grouping: CaseGrouping,
  ids: CaseTallyId[],
  now: Date,
  withPeriod: boolean,
): Promise<Map<string, Partial<CaseTallyValues>>> {
  const params = new Params(db.dialect);
  // The "now" parameter is added first so that SQLite's "?" order matches.
  const nowParam = params.add(now);
  const group = grouping === "none" ? undefined : groupColumn[grouping];
  const sums = ids.map((id) => `${tallySql(caseTallies[id], nowParam)} AS "${id}"`);
  const select = group ? [`${group} AS "groupKey"`, ...sums] : sums;
  const where = whereSql(selection, params, withPeriod);
  const extra = withPeriod ? "" : `${where ? " AND" : "WHERE"} "open" = 1`;
  const sql = `SELECT ${select.join(", ")} FROM "CaseFact" ${where}${extra}${group ? ` GROUP BY ${group}` : ""}`;
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params.values);
  const result = new Map<string, Partial<CaseTallyValues>>();
  for (const row of rows) {
    const values: Partial<CaseTallyValues> = {};
    for (const id of ids) values[id] = toNumber(row[id]);
    result.set(group ? groupKey(row.groupKey) : "", values);
  }
  return result;
}

/**
 * Every case tally of the selection, per group ("" when not grouped; "" also stands for "no
 * category"). Period tallies count the cases received in the period; "now" tallies (overdue
 * now) count the selection's open cases whatever their date. `now` is the instant the due
 * dates are compared with.
 */
export async function loadCaseTallies(
  db: Database,
  selection: StatsSelection,
  grouping: CaseGrouping,
  now: Date,
): Promise<Map<string, CaseTallyValues>> {
  const [period, current] = await Promise.all([
    aggregate(db, selection, grouping, periodTallies, now, true),
    aggregate(db, selection, grouping === "month" ? "none" : grouping, nowTallies, now, false),
  ]);
  const empty = Object.fromEntries(tallyIds.map((id) => [id, 0])) as CaseTallyValues;
  const result = new Map<string, CaseTallyValues>();
  for (const [key, values] of period) result.set(key, { ...empty, ...values });
  // Overdue cases are "now", not of a month: by month they are shown only in the total.
  if (grouping !== "month") {
    for (const [key, values] of current) result.set(key, { ...(result.get(key) ?? empty), ...values });
  }
  if (grouping === "none" && !result.has("")) result.set("", empty);
  return result;
}

/** The SQLite index whose order the percentile queries of large selections walk (prisma/schema.prisma). */
const REPLY_ORDER_INDEX = "CaseFact_reply_order_idx";

/**
 * The distribution of a duration over the selection: count, nearest-rank median and 90th
 * percentile, in seconds. `count` is how many cases of the selection have the duration (the
 * `among` tally), when the caller already knows it.
 */
export async function loadDuration(
  db: Database,
  selection: StatsSelection,
  duration: DurationId,
  knownCount?: number,
): Promise<DurationSummary> {
  const { fact } = durations[duration];
  const column = `"${fact}"`;
  // A duration is set exactly when its case counts in `among` (case-facts.ts), so NOT NULL is the filter.
  const condition = (params: Params) => {
    const where = whereSql(selection, params, true);
    return `${where ? `${where} AND` : "WHERE"} ${column} IS NOT NULL`;
  };
  let count = knownCount;
  if (count === undefined) {
    const params = new Params(db.dialect);
    const rows = await db.prisma.$queryRawUnsafe<{ n: unknown }[]>(
      `SELECT COUNT(*) AS n FROM "CaseFact" ${condition(params)}`,
      ...params.values,
    );
    count = toNumber(rows[0]?.n);
  }
  if (count === 0) return { count, medianSeconds: null, p90Seconds: null };
  // SQLite sorts a large selection slowly: when it is a good part of all cases, walking the
  // covering index in the duration's order finds the k-th value without sorting. A small
  // selection is better found by its district and date and then sorted; PostgreSQL decides well itself.
  let hint = "";
  if (db.dialect === "sqlite" && fact === "firstReplySeconds") {
    const rows = await db.prisma.$queryRawUnsafe<{ n: unknown }[]>(
      `SELECT MAX("concernId") AS n FROM "CaseFact"`,
    );
    if (count * 5 >= toNumber(rows[0]?.n)) hint = ` INDEXED BY "${REPLY_ORDER_INDEX}"`;
  }
  const total = count;
  const at = async (p: number): Promise<number> => {
    const params = new Params(db.dialect);
    const where = condition(params);
    const offset = params.add(nearestRank(p, total) - 1);
    const rows = await db.prisma.$queryRawUnsafe<{ v: unknown }[]>(
      `SELECT ${column} AS v FROM "CaseFact"${hint} ${where} ORDER BY ${column} LIMIT 1 OFFSET ${offset}`,
      ...params.values,
    );
    return toNumber(rows[0]?.v);
  };
  const [medianSeconds, p90Seconds] = await Promise.all([at(0.5), at(0.9)]);
  return { count, medianSeconds, p90Seconds };
}

/** The facts of every case of a selection, oldest first: for the traceable report pack (a deputy's year). */
export async function listCaseFacts(db: Database, selection: StatsSelection) {
  const { deputy, departmentId } = selection;
  // CaseFact has no relation to Referral: the department's cases are looked up first.
  const referred =
    departmentId !== undefined && departmentId !== null
      ? (
          await db.prisma.referral.findMany({
            where: { departmentId },
            select: { concernId: true },
            distinct: ["concernId"],
          })
        ).map((r) => r.concernId)
      : null;
  return db.prisma.caseFact.findMany({
    where: {
      receivedAt: { gte: selection.start, lt: selection.end },
      ...(referred !== null ? { concernId: { in: referred } } : {}),
      ...(selection.districtIds !== null ? { districtId: { in: selection.districtIds } } : {}),
      ...(selection.categoryId !== null ? { categoryId: selection.categoryId } : {}),
      ...(deputy
        ? {
            OR: [{ assigneeId: deputy.userId }, { assigneeId: null, districtId: { in: deputy.districtIds } }],
          }
        : {}),
    },
    orderBy: [{ receivedAt: "asc" }, { concernId: "asc" }],
  });
}

export interface ActivityTallyValues {
  activitiesHeld: number;
  receptionsHeld: number;
  peopleReached: number;
  attendanceRecorded: number;
}

export const emptyActivityTallies = (): ActivityTallyValues => ({
  activitiesHeld: 0,
  receptionsHeld: 0,
  peopleReached: 0,
  attendanceRecorded: 0,
});

/**
 * The activities held (status done) that started in the period, in the selection's districts
 * (or, for a deputy, those the deputy was on duty at), per group: "" (none), the local month,
 * or the district id; other groupings give only "". Activities are few, so they are summed here.
 */
export async function loadActivityTallies(
  db: Database,
  selection: StatsSelection,
  grouping: CaseGrouping,
  timeZone: string,
): Promise<Map<string, ActivityTallyValues>> {
  const activities = await db.prisma.activity.findMany({
    where: {
      status: "done",
      startsAt: { gte: selection.start, lt: selection.end },
      ...(selection.deputy
        ? { deputies: { some: { userId: selection.deputy.userId } } }
        : selection.districtIds !== null
          ? { districtId: { in: selection.districtIds } }
          : {}),
    },
    select: { id: true, kind: true, districtId: true, startsAt: true, attendance: true },
  });
  const result = new Map<string, ActivityTallyValues>();
  for (const activity of activities) {
    const key =
      grouping === "month"
        ? localDate(activity.startsAt, timeZone).slice(0, 7)
        : grouping === "district"
          ? String(activity.districtId)
          : "";
    const values = result.get(key) ?? emptyActivityTallies();
    values.activitiesHeld += 1;
    if (activity.kind === "reception") values.receptionsHeld += 1;
    if (activity.attendance !== null) {
      values.attendanceRecorded += 1;
      values.peopleReached += activity.attendance;
    }
    result.set(key, values);
  }
  return result;
}
