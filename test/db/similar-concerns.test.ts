import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCosigner } from "../../src/db/queries/concern-parties.js";
import { changeConcernStatus } from "../../src/db/queries/concerns.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { listSimilarityCandidates } from "../../src/db/queries/similar-concerns.js";
import { rankSimilarConcerns } from "../../src/domain/similar-concerns.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { addUser, districtId } from "../jobs/fixtures.js";

const now = new Date("2026-06-01T02:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe.each(testDialects)("similar-case candidates on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  it("loads the open cases of the district from the last 90 days, newest first, and the ranking picks the match", async () => {
    const [a, b, deputy] = [
      await addUser(db.prisma, { telegramId: 1, district: "QS-CG-DM" }),
      await addUser(db.prisma, { telegramId: 2, district: "QS-CG-DM" }),
      await addUser(db.prisma, { telegramId: 3, represents: ["QS-CG-DM"] }),
    ];
    const text = "东门社区幸福小区3号楼门口的路灯坏了";
    const old = await fileConcern(db, { citizenId: a.id, district: "QS-CG-DM", text, now: daysAgo(91) });
    const recent = await fileConcern(db, {
      citizenId: a.id,
      district: "QS-CG-DM",
      text,
      now: daysAgo(10),
      category: "roads-traffic",
      location: { latitude: 30.1, longitude: 120.1 },
    });
    const newest = await fileConcern(db, {
      citizenId: b.id,
      district: "QS-CG-DM",
      text: "桃园村已经停水三天了",
      now: daysAgo(1),
    });
    const closed = await fileConcern(db, { citizenId: b.id, district: "QS-CG-DM", text, now: daysAgo(5) });
    await changeConcernStatus(db, {
      concernId: closed.id,
      action: "resolve",
      actorId: deputy.id,
      actorRole: "representative",
      text: "已修复",
      now: daysAgo(4),
    });
    await fileConcern(db, { citizenId: b.id, district: "QS-CG-DM", text, now: daysAgo(3), held: true });
    await fileConcern(db, { citizenId: b.id, district: "QS-CG-XJ", text, now: daysAgo(2) });
    await addCosigner(db.prisma, { concernId: recent.id, userId: b.id, now: daysAgo(9) });

    const rows = await listSimilarityCandidates(db.prisma, {
      districtId: await districtId(db.prisma, "QS-CG-DM"),
      now,
    });
    expect(rows.map((r) => r.id)).toEqual([newest.id, recent.id]);
    expect(rows[1]).toMatchObject({
      caseNo: recent.caseNo,
      description: text,
      latitude: 30.1,
      longitude: 120.1,
      status: "new",
      _count: { parties: 1 },
    });
    expect(old.id).toBeLessThan(recent.id);

    const ranked = rankSimilarConcerns(
      {
        text: "幸福小区三号楼门口路灯不亮",
        categoryId: recent.categoryId,
        districtId: recent.districtId,
        location: { latitude: 30.1005, longitude: 120.1 },
        now,
      },
      rows,
    );
    expect(ranked.map((r) => [r.concern.caseNo, r.sameCategory, r.nearby])).toEqual([
      [recent.caseNo, true, true],
    ]);
  });

  it("takes at most `limit` rows, the newest", async () => {
    const a = await addUser(db.prisma, { telegramId: 1, district: "QS-CG-DM" });
    const filed = [];
    for (let i = 0; i < 4; i++)
      filed.push(
        await fileConcern(db, {
          citizenId: a.id,
          district: "QS-CG-DM",
          text: `路灯 ${i}`,
          now: daysAgo(10 - i),
        }),
      );
    const rows = await listSimilarityCandidates(db.prisma, {
      districtId: await districtId(db.prisma, "QS-CG-DM"),
      now,
      limit: 2,
    });
    expect(rows.map((r) => r.id)).toEqual([filed[3]!.id, filed[2]!.id]);
  });

  it("is answered from the (districtId, status, createdAt) index", async () => {
    // The same filter the query sends, planned by the database itself. PostgreSQL would scan
    // a table this small sequentially, so sequential scans are switched off for the check.
    const sql = `SELECT "id" FROM "Concern" WHERE "districtId" = 1 AND "status" IN ('new','accepted','referred','reopened') AND "createdAt" >= ${dialect === "sqlite" ? "0" : "'2026-01-01'"} ORDER BY "createdAt" DESC LIMIT 500`;
    const plan = await db.prisma.$transaction(async (tx) => {
      if (dialect === "postgresql") await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<Record<string, unknown>[]>(
        dialect === "sqlite" ? `EXPLAIN QUERY PLAN ${sql}` : `EXPLAIN ${sql}`,
      );
    });
    expect(JSON.stringify(plan, (_, v) => (typeof v === "bigint" ? String(v) : v))).toContain(
      "Concern_districtId_status_createdAt_idx",
    );
  });
});
