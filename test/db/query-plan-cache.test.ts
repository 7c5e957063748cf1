// The query plan cache (src/db/query-plan-cache.ts) on both dialects: a query asked again is
// not compiled again, yet reads what the database holds now; values change the plan's key.
import { afterEach, describe, expect, it } from "vitest";
import { installQueryPlanCache } from "../../src/db/query-plan-cache.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

for (const dialect of testDialects) {
  describe(`the query plan cache on ${dialect}`, () => {
    let db: TestDatabase;
    afterEach(() => db.drop());

    it("compiles a repeated query once and still reads the rows as they are now", async () => {
      db = await createTestDatabase(dialect, { seeded: false });
      const stats = await installQueryPlanCache(dialect);
      const now = new Date();
      const keys = () => db.prisma.session.findMany({ where: { value: "{}" }, orderBy: { key: "asc" } });

      expect(await keys()).toEqual([]);
      const misses = stats.misses;
      const hits = stats.hits;
      await db.prisma.session.create({ data: { key: "a", value: "{}", updatedAt: now } });
      const second = await keys();
      expect(second.map((s) => s.key)).toEqual(["a"]);
      // The create was new text (a miss); the repeated read was not compiled again.
      expect(stats.misses).toBe(misses + 1);
      expect(stats.hits).toBe(hits + 1);

      await db.prisma.session.create({ data: { key: "b", value: "{}", updatedAt: now } });
      expect((await keys()).map((s) => s.key)).toEqual(["a", "b"]);
      expect(stats.hits).toBe(hits + 2);
    });

    it("keys plans by the values in the query, so another value is another plan", async () => {
      db = await createTestDatabase(dialect, { seeded: false });
      const stats = await installQueryPlanCache(dialect);
      const now = new Date();
      await db.prisma.session.create({ data: { key: "x", value: "1", updatedAt: now } });
      await db.prisma.session.create({ data: { key: "y", value: "2", updatedAt: now } });
      const misses = stats.misses;
      const one = await db.prisma.session.findUnique({ where: { key: "x" } });
      const two = await db.prisma.session.findUnique({ where: { key: "y" } });
      expect([one?.value, two?.value]).toEqual(["1", "2"]);
      expect(stats.misses).toBe(misses + 2);
      // Asked again inside a transaction, on the transaction's connection: the same plans.
      const inside = await db.prisma.$transaction(async (tx) => [
        (await tx.session.findUnique({ where: { key: "x" } }))?.value,
        (await tx.session.findUnique({ where: { key: "y" } }))?.value,
      ]);
      expect(inside).toEqual(["1", "2"]);
      expect(stats.misses).toBe(misses + 2);
    });
  });
}
