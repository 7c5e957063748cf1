// The monthly bulletin (通报): who receives it (every active staff member with a district
// scope) and its figures for one recipient and month.
import { metricDictionary } from "../../domain/metrics/dictionary.js";
import { resolvePeriod } from "../../domain/metrics/period.js";
import type { Database, Prisma } from "../client.js";
import { toldHandlers } from "./case-people.js";
import { buildStatsReport, loadStatsScope, resolveSelection, type StatsReport } from "./stats-report.js";

/** Active staff with a scope, not held back (toldHandlers), by id. */
export function listBulletinRecipients(prisma: Prisma) {
  return prisma.user.findMany({
    where: { role: "staff", staffDistrictId: { not: null }, ...toldHandlers, bannedAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}

const noFilters = { districtId: null, categoryId: null, deputyId: null };
const yearMetrics = metricDictionary.filter((m) => m.kind === "count");

/** The last date of a "2026-10" month. */
const lastDay = (month: string) => {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};

export interface BulletinFigures {
  /** The month, grouped by category (for the top categories). */
  month: StatsReport;
  /** January to the end of the month. */
  yearSoFar: StatsReport;
}

/**
 * The bulletin's figures for `user`'s scope and `month` ("2026-10") at `now`, from the rollup
 * as it stands (refresh it first); undefined when the user has no statistics scope.
 */
export async function loadBulletinFigures(
  db: Database,
  user: { id: number; role: string; staffDistrictId: number | null; suspendedAt: Date | null },
  month: string,
  options: { now: Date; timeZone: string },
): Promise<BulletinFigures | undefined> {
  const prisma = db.prisma;
  const scope = await loadStatsScope(prisma, user);
  if (scope.kind === "none") return undefined;
  const { now, timeZone } = options;
  const monthPeriod = resolvePeriod({ kind: "month", month }, now, timeZone);
  const yearPeriod = resolvePeriod(
    { kind: "custom", from: `${month.slice(0, 4)}-01-01`, to: lastDay(month) },
    now,
    timeZone,
  );
  const [monthReport, yearReport] = await Promise.all([
    resolveSelection(prisma, scope, noFilters, monthPeriod).then((s) =>
      buildStatsReport(db, scope, noFilters, s, "category", options),
    ),
    // The year so far is given in counts only (the seeds' form): no duration to compute.
    resolveSelection(prisma, scope, noFilters, yearPeriod).then((s) =>
      buildStatsReport(db, scope, noFilters, s, "none", { ...options, metrics: yearMetrics }),
    ),
  ]);
  return { month: monthReport, yearSoFar: yearReport };
}
