// Every metric of the dictionary on the hand-built November (test/helpers/stats-dataset.ts),
// through the real rollup and SQL on both databases; each expected value is worked out in a
// comment from the table in that file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { refreshCaseFacts } from "../../src/db/queries/stats-facts.js";
import { buildStatsReport, resolveSelection, StatsAccessError } from "../../src/db/queries/stats-report.js";
import type { MetricValue } from "../../src/domain/metrics/evaluate.js";
import { resolvePeriod } from "../../src/domain/metrics/period.js";
import type { StatsFilters, StatsScope } from "../../src/domain/metrics/stats-access.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { buildNovemberDataset, november, type StatsDataset } from "../helpers/stats-dataset.js";
import { exampleSeedPath } from "../helpers/test-bot.js";

const TZ = "Asia/Shanghai";
const noFilters: StatsFilters = { districtId: null, categoryId: null, deputyId: null };

function metricValue(values: MetricValue[], id: string): MetricValue {
  const value = values.find((v) => v.metric.id === id);
  if (!value) throw new Error(`no metric ${id}`);
  return value;
}

describe.each(testDialects)("statistics over the hand-built November on %s", (dialect) => {
  let db: TestDatabase;
  let data: StatsDataset;
  const period = resolvePeriod({ kind: "month", month: "2026-11" }, november.now, TZ);

  async function report(
    scope: StatsScope,
    filters: StatsFilters = noFilters,
    grouping: "none" | "district" | "month" | "category" | "status" = "none",
    p = period,
  ) {
    const selection = await resolveSelection(db.prisma, scope, filters, p);
    return buildStatsReport(db, scope, filters, selection, grouping, { now: november.now, timeZone: TZ });
  }
  const district = async (code: string) =>
    (await db.prisma.district.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
    data = await buildNovemberDataset(db.prisma);
    const refreshed = await refreshCaseFacts(db, { now: november.now, timeZone: TZ });
    expect(refreshed).toEqual({ mode: "full", cases: 16 });
  });
  afterAll(() => db.drop());

  it("counts what was received, taken on, referred and closed in the period", async () => {
    const { total } = await report({ kind: "all" });
    // Cases 1–15 were received in November (16 in October).
    expect(metricValue(total.values, "received")).toMatchObject({ value: 15 });
    // 1–12 and 14 had a deputy's reply.
    expect(metricValue(total.values, "taken-on")).toMatchObject({ value: 13 });
    expect(metricValue(total.values, "referred")).toMatchObject({ value: 0 });
    // 1–8, 10, 11 resolved and 12 declined; 9 was reopened.
    expect(metricValue(total.values, "closed")).toMatchObject({ value: 11 });
  });

  it("gives every rate with its n and Wilson interval", async () => {
    const { total } = await report({ kind: "all" });
    // 办结率: 11 closed of the 14 that are not merged (15 is).
    expect(metricValue(total.values, "closed-rate")).toMatchObject({
      numerator: 11,
      denominator: 14,
      tooFew: false,
    });
    const closedRate = metricValue(total.values, "closed-rate") as Extract<
      MetricValue,
      { numerator: number }
    >;
    expect(closedRate.proportion).toBeCloseTo(11 / 14, 10);
    // Wilson for 11/14: centre (p + z²/2n)/(1 + z²/n), computed by hand: 0.5241 – 0.9243.
    expect(closedRate.interval!.low).toBeCloseTo(0.5241, 4);
    expect(closedRate.interval!.high).toBeCloseTo(0.9243, 4);
    // 按时办结率: on time 1–8 and 12 (9) of closed (11) plus open past due (9, 13) = 13.
    expect(metricValue(total.values, "on-time-rate")).toMatchObject({ numerator: 9, denominator: 13 });
    // Rated: 1–10. Latest rating from a resolved outcome: all 10.
    expect(metricValue(total.values, "resolved-rate")).toMatchObject({ numerator: 10, denominator: 10 });
    // 满意 + 基本满意: 1–8 and 10 = 9 of 10; 不满意: 9 = 1 of 10.
    expect(metricValue(total.values, "satisfaction-rate")).toMatchObject({
      numerator: 9,
      denominator: 10,
      tooFew: false,
    });
    expect(metricValue(total.values, "dissatisfaction-rate")).toMatchObject({
      numerator: 1,
      denominator: 10,
    });
    // 重办率: 9 reopened, of 1–12 closed at least once.
    expect(metricValue(total.values, "reopen-rate")).toMatchObject({ numerator: 1, denominator: 12 });
  });

  it("takes the median and 90th percentile of the first human reply, without automatic messages", async () => {
    const { total } = await report({ kind: "all" });
    // Replies after 1…12 h (cases 1–12) and 5 h (14): 13 values, sorted 1,2,3,4,5,5,6,…,12.
    // Nearest rank: median ⌈6.5⌉ = 7th = 6 h; 90th percentile ⌈11.7⌉ = 12th = 11 h.
    expect(metricValue(total.values, "first-reply")).toMatchObject({
      count: 13,
      tooFew: false,
      medianSeconds: 6 * 3600,
      p90Seconds: 11 * 3600,
    });
  });

  it("counts overdue cases now, whatever month they came in", async () => {
    const { total } = await report({ kind: "all" });
    // Open and past due on 11-30: 9 (due 11-17), 13 (due 11-18) and 16 (October, due 10-25).
    expect(metricValue(total.values, "overdue-now")).toMatchObject({ value: 3 });
  });

  it("counts the activities held and the people reached", async () => {
    const { total } = await report({ kind: "all" });
    // Done in November: the reception (30 people) and the visit (not recorded).
    expect(metricValue(total.values, "activities-held")).toMatchObject({ value: 2 });
    expect(metricValue(total.values, "people-reached")).toMatchObject({ value: 30 });
    expect(total.tallies.receptionsHeld).toBe(1);
  });

  it("says too few to judge below 10 cases", async () => {
    const filters = { ...noFilters, districtId: await district("QS-SQ-SQ") };
    const { total } = await report({ kind: "all" }, filters);
    // 石桥村 in November: 13, 14 (and 15 merged): 2 countable cases.
    const closedRate = metricValue(total.values, "closed-rate");
    expect(closedRate).toMatchObject({ numerator: 0, denominator: 2, tooFew: true });
    expect(closedRate).not.toHaveProperty("proportion");
    expect(metricValue(total.values, "first-reply")).toMatchObject({ count: 1, tooFew: true });
  });

  it("shows a deputy only their own work", async () => {
    const dm = await district("QS-CG-DM");
    const scope: StatsScope = { kind: "deputy", userId: data.dmDeputyId, districtIds: new Set([dm]) };
    const { total } = await report(scope);
    expect(metricValue(total.values, "received")).toMatchObject({ value: 12 });
    // Overdue: 9 only (13 and 16 are 石桥村's).
    expect(metricValue(total.values, "overdue-now")).toMatchObject({ value: 1 });
    // The activities the deputy was on duty at: the reception day.
    expect(metricValue(total.values, "activities-held")).toMatchObject({ value: 1 });
  });

  it("refuses a deputy asking for another district or another deputy", async () => {
    const dm = await district("QS-CG-DM");
    const scope: StatsScope = { kind: "deputy", userId: data.dmDeputyId, districtIds: new Set([dm]) };
    const other = { ...noFilters, districtId: await district("QS-SQ-SQ") };
    await expect(report(scope, other)).rejects.toBeInstanceOf(StatsAccessError);
    await expect(report(scope, { ...noFilters, deputyId: data.sqDeputyId })).rejects.toMatchObject({
      denial: "deputy-outside-scope",
    });
  });

  it("refuses staff a district or deputy outside their subtree", async () => {
    const cg = await db.prisma.district.findMany({
      where: { code: { in: ["QS-CG", "QS-CG-DM", "QS-CG-XJ", "QS-CG-NH"] } },
    });
    const scope: StatsScope = { kind: "districts", districtIds: new Set(cg.map((d) => d.id)) };
    await expect(report(scope, { ...noFilters, districtId: await district("QS-SQ") })).rejects.toMatchObject({
      denial: "district-outside-scope",
    });
    await expect(report(scope, { ...noFilters, deputyId: data.sqDeputyId })).rejects.toMatchObject({
      denial: "deputy-outside-scope",
    });
    const { total } = await report(scope);
    expect(metricValue(total.values, "received")).toMatchObject({ value: 12 });
  });

  it("groups by district one level below the root, by month, category and status", async () => {
    const byDistrict = await report({ kind: "all" }, noFilters, "district");
    const cg = await district("QS-CG");
    const sq = await district("QS-SQ");
    expect(byDistrict.groups.map((g) => [g.key, g.tallies.received])).toEqual([
      [String(cg), 12],
      [String(sq), 3],
    ]);
    // Overdue now by township: 城关 has 9, 石桥 has 13 and 16.
    expect(byDistrict.groups.map((g) => g.tallies.overdueNow)).toEqual([1, 2]);

    const year = resolvePeriod({ kind: "year", year: 2026 }, november.now, TZ);
    const byMonth = await report({ kind: "all" }, noFilters, "month", year);
    expect(byMonth.groups.map((g) => [g.key, g.tallies.received, g.tallies.activitiesHeld])).toEqual([
      ["2026-10", 1, 1],
      ["2026-11", 15, 2],
    ]);

    const byStatus = await report({ kind: "all" }, noFilters, "status");
    expect(Object.fromEntries(byStatus.groups.map((g) => [g.key, g.tallies.received]))).toEqual({
      resolved: 10,
      reopened: 1,
      declined: 1,
      new: 1,
      accepted: 1,
      merged: 1,
    });
    const byCategory = await report({ kind: "all" }, noFilters, "category");
    expect(byCategory.groups.map((g) => g.tallies.received)).toEqual([12, 3]);
  });

  it("picks up a timeline change at the next refresh", async () => {
    const caseNo13 = data.caseIds[12]!;
    const later = new Date(november.now.getTime() + 60_000);
    await db.prisma.concernEvent.create({
      data: {
        concernId: caseNo13,
        kind: "message",
        actorRole: "representative",
        text: "收到",
        createdAt: later,
      },
    });
    const refreshed = await refreshCaseFacts(db, { now: new Date(later.getTime() + 1000), timeZone: TZ });
    expect(refreshed.mode).toBe("changed");
    expect(refreshed.cases).toBe(1);
    const { total } = await report({ kind: "all" });
    expect(metricValue(total.values, "taken-on")).toMatchObject({ value: 14 });
  });
});
