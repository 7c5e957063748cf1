// The report to the voters (述职): a deputy's narrative per year, the pack's figures from the
// rollup (with the case numbers behind each), and publication, which freezes the figures.

import { resolvePeriod } from "../../domain/metrics/period.js";
import {
  buildReportPack,
  type PackActivity,
  type PackCase,
  type ReportPack,
} from "../../domain/metrics/report-pack.js";
import type { Database, Prisma } from "../client.js";
import { listCaseFacts } from "./stats.js";
import { refreshCaseFacts } from "./stats-facts.js";

/** The pack of `deputyId` for `year` at `now`, computed from the current timelines. */
export async function loadReportPack(
  db: Database,
  deputyId: number,
  year: number,
  options: { now: Date; timeZone: string },
): Promise<{ pack: ReportPack; cases: PackCase[]; activities: PackActivity[] }> {
  const prisma = db.prisma;
  await refreshCaseFacts(db, options);
  const period = resolvePeriod({ kind: "year", year }, options.now, options.timeZone);
  const districts = await prisma.representativeAssignment.findMany({
    where: { userId: deputyId },
    select: { districtId: true },
  });
  const facts = await listCaseFacts(db, {
    start: period.start,
    end: period.end,
    districtIds: null,
    categoryId: null,
    deputy: { userId: deputyId, districtIds: districts.map((d) => d.districtId) },
  });
  const numbers = await prisma.concern.findMany({
    where: { id: { in: facts.map((f) => f.concernId) } },
    select: { id: true, caseNo: true },
  });
  const caseNoOf = new Map(numbers.map((n) => [n.id, n.caseNo]));
  const cases = facts.map((f) => ({ ...f, caseNo: caseNoOf.get(f.concernId) ?? `#${f.concernId}` }));
  const activities = await prisma.activity.findMany({
    where: {
      status: "done",
      startsAt: { gte: period.start, lt: period.end },
      deputies: { some: { userId: deputyId } },
    },
    select: { id: true, kind: true, title: true, startsAt: true, attendance: true },
    orderBy: { startsAt: "asc" },
  });
  return { pack: buildReportPack(year, cases, activities, options.now), cases, activities };
}

export function findDeputyReport(prisma: Prisma, deputyId: number, year: number) {
  return prisma.deputyReport.findUnique({ where: { deputyId_year: { deputyId, year } } });
}

/** Saves the deputy's own narrative for the year (creating the report when needed). */
export function saveNarrative(prisma: Prisma, deputyId: number, year: number, narrative: string, now: Date) {
  return prisma.deputyReport.upsert({
    where: { deputyId_year: { deputyId, year } },
    create: { deputyId, year, narrative, createdAt: now, updatedAt: now },
    update: { narrative, updatedAt: now },
  });
}

/** Publishes the report: the figures as they are now are kept with it (JSON). */
export function publishReport(prisma: Prisma, deputyId: number, year: number, pack: ReportPack, now: Date) {
  const snapshot = JSON.stringify(pack);
  return prisma.deputyReport.upsert({
    where: { deputyId_year: { deputyId, year } },
    create: { deputyId, year, snapshot, publishedAt: now, createdAt: now, updatedAt: now },
    update: { snapshot, publishedAt: now, updatedAt: now },
  });
}

/** Published reports of the deputies serving a district, newest year first. */
export async function listPublishedReportsOfDistrict(prisma: Prisma, districtId: number) {
  const deputies = await prisma.representativeAssignment.findMany({
    where: { districtId },
    select: { userId: true },
  });
  return prisma.deputyReport.findMany({
    where: { deputyId: { in: deputies.map((d) => d.userId) }, publishedAt: { not: null } },
    orderBy: [{ year: "desc" }, { deputyId: "asc" }],
  });
}

/** Deputies serving any of these districts (null: all), by id. */
export function listDeputiesOf(prisma: Prisma, districtIds: number[] | null, take = 40) {
  return prisma.user.findMany({
    where: { representativeOf: { some: districtIds === null ? {} : { districtId: { in: districtIds } } } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, firstName: true, lastName: true },
  });
}
