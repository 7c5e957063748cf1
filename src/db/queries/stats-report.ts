// One statistics answer: the scope of the asking user, their filters checked against it, the
// sums loaded (src/db/queries/stats.ts) and turned into metric values by the dictionary
// (src/domain/metrics). Used by /stats, the monthly bulletin and the report pack alike.
import { canHandleDistrict } from "../../domain/access.js";
import {
  type DurationId,
  type MetricDefinition,
  metricDictionary,
  type Tallies,
} from "../../domain/metrics/dictionary.js";
import { type DurationSummary, evaluateMetrics, type MetricValue } from "../../domain/metrics/evaluate.js";
import type { Period } from "../../domain/metrics/period.js";
import { type RankedGroup, rankBySeparation } from "../../domain/metrics/ranking.js";
import {
  checkStatsFilters,
  type StatsDenial,
  type StatsFilters,
  type StatsScope,
} from "../../domain/metrics/stats-access.js";
import type { Database, Prisma } from "../client.js";
import { loadHandlerScope } from "./access.js";
import { listDistrictSubtreeIds, pathIds } from "./districts.js";
import {
  type ActivityTallyValues,
  type CaseGrouping,
  emptyActivityTallies,
  loadActivityTallies,
  loadCaseTallies,
  loadDuration,
  type StatsSelection,
} from "./stats.js";
import type { User } from "./users.js";

export class StatsAccessError extends Error {
  constructor(readonly denial: StatsDenial) {
    super(`statistics refused: ${denial}`);
    this.name = "StatsAccessError";
  }
}

/** Deputies see their own work, staff their subtree (and districts they serve), admins all. */
export async function loadStatsScope(
  prisma: Prisma,
  user: Pick<User, "id" | "role" | "staffDistrictId" | "suspendedAt">,
): Promise<StatsScope> {
  if (user.role === "admin") return { kind: "all" };
  if (user.role === "staff") {
    const scope = await loadHandlerScope(prisma, user);
    return scope.kind === "districts" ? scope : { kind: "none" };
  }
  if (user.role === "representative") {
    const rows = await prisma.representativeAssignment.findMany({
      where: { userId: user.id },
      select: { districtId: true },
    });
    if (rows.length === 0) return { kind: "none" };
    return { kind: "deputy", userId: user.id, districtIds: new Set(rows.map((r) => r.districtId)) };
  }
  return { kind: "none" };
}

async function deputyDistricts(prisma: Prisma, deputyId: number | null): Promise<number[]> {
  if (deputyId === null) return [];
  const rows = await prisma.representativeAssignment.findMany({
    where: { userId: deputyId },
    select: { districtId: true },
  });
  return rows.map((r) => r.districtId);
}

/**
 * The cases and activities a request covers; StatsAccessError when a filter lies outside the
 * user's scope (a forged button, a deputy asking for another district).
 */
export async function resolveSelection(
  prisma: Prisma,
  scope: StatsScope,
  filters: StatsFilters,
  period: Pick<Period, "start" | "end">,
): Promise<StatsSelection> {
  const ofDeputy = await deputyDistricts(prisma, filters.deputyId);
  const denial = checkStatsFilters(scope, filters, ofDeputy);
  if (denial) throw new StatsAccessError(denial);
  const departmentId = filters.departmentId ?? null;
  if (departmentId !== null && !(await prisma.department.findUnique({ where: { id: departmentId } })))
    throw new StatsAccessError("department-unknown");
  const within = (ids: number[]) =>
    scope.kind === "districts" ? ids.filter((id) => canHandleDistrict(scope, id)) : ids;
  const subtree =
    filters.districtId === null ? null : within(await listDistrictSubtreeIds(prisma, filters.districtId));
  const base = { start: period.start, end: period.end, categoryId: filters.categoryId, departmentId };
  switch (scope.kind) {
    case "deputy":
      return {
        ...base,
        districtIds: subtree,
        deputy: { userId: scope.userId, districtIds: [...scope.districtIds] },
      };
    case "districts":
    case "all": {
      const districtIds = subtree ?? (scope.kind === "districts" ? [...scope.districtIds] : null);
      const deputy =
        filters.deputyId === null ? null : { userId: filters.deputyId, districtIds: within(ofDeputy) };
      return { ...base, districtIds, deputy };
    }
    case "none":
      throw new StatsAccessError("not-allowed");
  }
}

export interface StatsGroup {
  /** The group's key ("" for the total and for "no category"): a category or district id, a status, a month. */
  key: string;
  tallies: Tallies;
  values: MetricValue[];
}

export interface StatsReport {
  grouping: CaseGrouping;
  total: StatsGroup;
  /** Per group, largest first by cases received (months in order); empty when not grouped. */
  groups: StatsGroup[];
  /** Place ranges per rate metric, only where some intervals separate (src/domain/metrics/ranking.ts). */
  rankings: Record<string, RankedGroup<string>[]>;
}

const combine = (cases: Record<string, number>, activities: ActivityTallyValues): Tallies =>
  ({ ...cases, ...activities }) as Tallies;

/** District ids rolled up to the level just below the selection's root (or to the roots, when several). */
async function districtRollup(
  prisma: Prisma,
  scope: StatsScope,
  filters: StatsFilters,
): Promise<(id: number) => string> {
  const districts = await prisma.district.findMany({ select: { id: true, parentId: true, path: true } });
  let roots: number[];
  if (filters.districtId !== null) roots = [filters.districtId];
  else if (scope.kind === "all") roots = districts.filter((d) => d.parentId === null).map((d) => d.id);
  else {
    const ids = scope.kind === "none" ? new Set<number>() : scope.districtIds;
    roots = districts
      .filter((d) => ids.has(d.id) && (d.parentId === null || !ids.has(d.parentId)))
      .map((d) => d.id);
  }
  const paths = new Map(districts.map((d) => [d.id, pathIds(d.path)]));
  return (id) => {
    const path = paths.get(id) ?? [id];
    const rootAt = path.findIndex((p) => roots.includes(p));
    if (rootAt < 0) return String(id);
    // One root: its children are the groups; several roots: the roots are.
    const at = roots.length === 1 ? rootAt + 1 : rootAt;
    return String(path[Math.min(at, path.length - 1)]);
  };
}

function addInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [k, v] of Object.entries(source)) target[k] = (target[k] ?? 0) + v;
}

export interface BuildReportOptions {
  now: Date;
  timeZone: string;
  metrics?: readonly MetricDefinition[];
}

/**
 * The statistics of a selection at `now`: the total with every metric of the dictionary, and
 * per group the same (durations only in the total: a median is not a sum). Grouping by district
 * rolls districts up to the level below the selection's root.
 */
export async function buildStatsReport(
  db: Database,
  scope: StatsScope,
  filters: StatsFilters,
  selection: StatsSelection,
  grouping: CaseGrouping,
  options: BuildReportOptions,
): Promise<StatsReport> {
  const { now, timeZone } = options;
  const metrics = options.metrics ?? metricDictionary;
  const withDurations = metrics.some((m) => m.kind === "duration");
  const [totalCases, totalActivities, groupedCases, groupedActivities] = await Promise.all([
    loadCaseTallies(db, selection, "none", now),
    loadActivityTallies(db, selection, "none", timeZone),
    grouping === "none" ? undefined : loadCaseTallies(db, selection, grouping, now),
    // Activities have no category or status: grouped only by month and district.
    grouping === "month" || grouping === "district"
      ? loadActivityTallies(db, selection, grouping, timeZone)
      : new Map<string, ActivityTallyValues>(),
  ]);
  const replied = totalCases.get("")?.replied ?? 0;
  const durations: Partial<Record<DurationId, DurationSummary>> = withDurations
    ? { firstReply: await loadDuration(db, selection, "firstReply", replied) }
    : {};
  const totalTallies = combine(totalCases.get("") ?? {}, totalActivities.get("") ?? emptyActivityTallies());
  const total = { key: "", tallies: totalTallies, values: evaluateMetrics(totalTallies, durations, metrics) };
  if (!groupedCases) return { grouping, total, groups: [], rankings: {} };

  const rollup = grouping === "district" ? await districtRollup(db.prisma, scope, filters) : undefined;
  const merged = new Map<string, Record<string, number>>();
  for (const source of [groupedCases, groupedActivities] as Map<string, Record<string, number>>[]) {
    for (const [key, values] of source) {
      const target = rollup && key !== "" ? rollup(Number(key)) : key;
      const into = merged.get(target) ?? {};
      addInto(into, values);
      merged.set(target, into);
    }
  }
  const groupMetrics = metrics.filter((m) => m.kind !== "duration");
  const groups = [...merged.entries()].map(([key, values]) => {
    const tallies = combine({ ...zeroCases(totalTallies), ...values }, {
      ...emptyActivityTallies(),
      ...values,
    } as ActivityTallyValues);
    return { key, tallies, values: evaluateMetrics(tallies, {}, groupMetrics) };
  });
  if (grouping === "month") groups.sort((a, b) => a.key.localeCompare(b.key));
  else groups.sort((a, b) => b.tallies.received - a.tallies.received || a.key.localeCompare(b.key));
  const rankings: Record<string, RankedGroup<string>[]> = {};
  for (const metric of groupMetrics) {
    if (metric.kind !== "rate") continue;
    const ranked = rankBySeparation(
      groups.map((g) => {
        const value = g.values.find((v) => v.metric.id === metric.id);
        return { key: g.key, interval: value && "interval" in value ? value.interval : undefined };
      }),
    );
    if (ranked.length > 0) rankings[metric.id] = ranked;
  }
  return { grouping, total, groups, rankings };
}

const zeroCases = (tallies: Tallies): Record<string, number> =>
  Object.fromEntries(Object.keys(tallies).map((k) => [k, 0]));
