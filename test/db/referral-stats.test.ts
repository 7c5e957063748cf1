// The referral loop's figures (签收率, 回退率, 延期率, answer classes A–D) on a hand-built
// February 2026 — around the Spring Festival (15–23 February off, Saturday 14 February worked) —
// through the real rollup and SQL on both databases. Each expected value is worked out from the
// table below.
//
// | case | first referral sent | acknowledged / answered     | returned | extension | answers    |
// | 1    | Fri 13 Feb 10:00    | ack Sat 14 Feb (worked) ✓   |          |           | A          |
// | 2    | Fri 13 Feb 10:00    | ack Tue 24 Feb ✗            |          |           | A          |
// | 3    | Sat 14 Feb 10:00    | ack Tue 24 Feb ✓ (festival) |          | approved  | B          |
// | 4    | Mon 2 Feb 10:00     | none (returned 3 Feb) ✗     | yes      |           | A, then C  |
// | 5    | Mon 2 Feb 10:00     | answered Tue 3 Feb ✓        |          | refused   | D          |
// | 6    | not referred        |                             |          |           |            |
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { refreshCaseFacts } from "../../src/db/queries/stats-facts.js";
import { buildStatsReport, resolveSelection } from "../../src/db/queries/stats-report.js";
import type { MetricValue } from "../../src/domain/metrics/evaluate.js";
import { resolvePeriod } from "../../src/domain/metrics/period.js";
import type { StatsFilters } from "../../src/domain/metrics/stats-access.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { exampleSeedPath } from "../helpers/test-bot.js";
import { addConcern, addUser } from "../jobs/fixtures.js";

const TZ = "Asia/Shanghai";
const noFilters: StatsFilters = { districtId: null, categoryId: null, deputyId: null };
const local = (text: string) => new Date(`${text}+08:00`);
const now = local("2026-03-02T10:00:00");

type Entry = [kind: string, at: string, text?: string];

describe.each(testDialects)("the referral figures on %s", (dialect) => {
  let db: TestDatabase;

  async function referredCase(entries: Entry[]): Promise<void> {
    const citizen = await addUser(db.prisma, { telegramId: 8000 + Math.floor(Math.random() * 100_000) });
    const concern = await addConcern(db.prisma, {
      citizen,
      district: "QS-CG-DM",
      status: "referred",
      createdAt: local("2026-02-02T09:00:00"),
    });
    const department = await db.prisma.department.findFirstOrThrow({ where: { code: "transport" } });
    let referralId = 0;
    for (const [kind, at, text] of entries) {
      if (kind === "referral_sent") {
        referralId = (
          await db.prisma.referral.create({
            data: {
              concernId: concern.id,
              departmentId: department.id,
              status: "sent",
              deadline: local("2026-03-31T23:59:59"),
              createdAt: local(at),
            },
          })
        ).id;
      }
      await db.prisma.concernEvent.create({
        data: {
          concernId: concern.id,
          kind,
          actorRole: kind === "referral_sent" ? "staff" : "department",
          referralId,
          text: text ?? null,
          createdAt: local(at),
        },
      });
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
    await referredCase([
      ["referral_sent", "2026-02-13T10:00:00"],
      ["referral_acknowledged", "2026-02-14T09:00:00"],
      ["referral_answered", "2026-02-27T10:00:00", "A"],
    ]);
    await referredCase([
      ["referral_sent", "2026-02-13T10:00:00"],
      ["referral_acknowledged", "2026-02-24T09:00:00"],
      ["referral_answered", "2026-02-27T10:00:00", "A"],
    ]);
    await referredCase([
      ["referral_sent", "2026-02-14T10:00:00"],
      ["referral_acknowledged", "2026-02-24T10:00:00"],
      ["referral_extension_requested", "2026-02-25T10:00:00", "需要勘查"],
      ["referral_extension_decided", "2026-02-25T15:00:00", "approved"],
      ["referral_answered", "2026-02-27T10:00:00", "B"],
    ]);
    await referredCase([
      ["referral_sent", "2026-02-02T10:00:00"],
      ["referral_returned", "2026-02-03T10:00:00"],
      ["referral_rerouted", "2026-02-03T15:00:00"],
      ["referral_sent", "2026-02-04T10:00:00"],
      ["referral_answered", "2026-02-05T10:00:00", "A"],
      ["referral_reviewed", "2026-02-06T10:00:00", "请补充"],
      ["referral_answered", "2026-02-10T10:00:00", "C"],
    ]);
    await referredCase([
      ["referral_sent", "2026-02-02T10:00:00"],
      ["referral_extension_requested", "2026-02-02T15:00:00", "人手不足"],
      ["referral_extension_decided", "2026-02-02T16:00:00", "refused"],
      ["referral_answered", "2026-02-03T10:00:00", "D"],
    ]);
    const citizen = await addUser(db.prisma, { telegramId: 7999 });
    await addConcern(db.prisma, { citizen, district: "QS-CG-DM", createdAt: local("2026-02-05T09:00:00") });
    await refreshCaseFacts(db, { now, timeZone: TZ });
  });
  afterAll(() => db.drop());

  async function values(): Promise<MetricValue[]> {
    const period = resolvePeriod({ kind: "month", month: "2026-02" }, now, TZ);
    const selection = await resolveSelection(db.prisma, { kind: "all" }, noFilters, period);
    const report = await buildStatsReport(db, { kind: "all" }, noFilters, selection, "none", {
      now,
      timeZone: TZ,
    });
    return report.total.values;
  }
  const rate = async (id: string) => {
    const value = (await values()).find((v) => v.metric.id === id);
    if (!value) throw new Error(`no metric ${id}`);
    return value;
  };

  it("counts 签收率 in working days: a make-up Saturday counts, the festival does not", async () => {
    // Cases 1, 3 and 5 of the 5 referred (case 6 was never referred).
    expect(await rate("referral-ack-rate")).toMatchObject({ numerator: 3, denominator: 5 });
  });

  it("counts 回退率 and 延期率 over the referred cases (a refused extension is no extension)", async () => {
    expect(await rate("referral-return-rate")).toMatchObject({ numerator: 1, denominator: 5 });
    expect(await rate("referral-extension-rate")).toMatchObject({ numerator: 1, denominator: 5 });
  });

  it("counts each answer class by the latest answer of the cases answered", async () => {
    expect(await rate("answer-a-rate")).toMatchObject({ numerator: 2, denominator: 5 });
    expect(await rate("answer-b-rate")).toMatchObject({ numerator: 1, denominator: 5 });
    expect(await rate("answer-c-rate")).toMatchObject({ numerator: 1, denominator: 5 });
    expect(await rate("answer-d-rate")).toMatchObject({ numerator: 1, denominator: 5 });
  });
});
