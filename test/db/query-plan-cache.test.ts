// The query plan cache (src/db/query-plan-cache.ts): on both dialects, a read asked again is
// not compiled again, yet reads what the database holds now, inside transactions and batches
// too; and the cache's own rules on a counting stand-in compiler.
import { afterEach, describe, expect, it } from "vitest";
import { installQueryPlanCache, withPlanCache } from "../../src/db/query-plan-cache.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

for (const dialect of testDialects) {
  describe(`the query plan cache on ${dialect}`, () => {
    let db: TestDatabase;
    afterEach(() => db.drop());

    it("keeps a read's plan from its second run and still reads the rows as they are now", async () => {
      db = await createTestDatabase(dialect, { seeded: false });
      const stats = await installQueryPlanCache(dialect);
      const now = new Date();
      const keys = async () =>
        (await db.prisma.session.findMany({ where: { value: "{}" }, orderBy: { key: "asc" } })).map(
          (s) => s.key,
        );
      const { hits, misses } = stats;
      expect(await keys()).toEqual([]);
      await db.prisma.session.create({ data: { key: "a", value: "{}", updatedAt: now } });
      expect(await keys()).toEqual(["a"]);
      // Two compilations (the first sighting, then the one kept); writes are not counted.
      expect([stats.hits - hits, stats.misses - misses]).toEqual([0, 2]);
      await db.prisma.session.create({ data: { key: "b", value: "{}", updatedAt: now } });
      expect(await keys()).toEqual(["a", "b"]);
      await db.prisma.session.delete({ where: { key: "a" } });
      expect(await keys()).toEqual(["b"]);
      expect([stats.hits - hits, stats.misses - misses]).toEqual([2, 2]);
    });

    it("runs kept plans inside a transaction, for nested reads and long IN lists, with the same rows", async () => {
      db = await createTestDatabase(dialect);
      const stats = await installQueryPlanCache(dialect);
      // Under SQLite's 999 bound parameters: Prisma splits longer IN lists outside
      // transactions only (inside one it refuses them, P2029, cache or not).
      const ids = Array.from({ length: 900 }, (_, i) => i + 1);
      // One after the other: reads in one tick are batched (compileBatch, not kept).
      const read = async (client: Pick<typeof db.prisma, "district" | "user">) => [
        await client.district.findFirst({
          where: { code: "QS-CG-DM" },
          include: { parent: { include: { parent: true } }, stations: true },
        }),
        await client.user.count({ where: { id: { in: ids } } }),
      ];
      const first = await read(db.prisma);
      await read(db.prisma);
      const hits = stats.hits;
      const inside = await db.prisma.$transaction((tx) => read(tx));
      expect(stats.hits).toBe(hits + 2);
      expect(inside).toEqual(first);
      const district = first[0] as { parent: { parent: unknown } | null } | null;
      expect(district?.parent?.parent).not.toBeNull();
      expect(first[1]).toBe(await db.prisma.user.count());
    });

    it("runs a kept plan with an IN list over 999 values (the bound-parameter limit Prisma assumes for SQLite)", async () => {
      db = await createTestDatabase(dialect);
      const stats = await installQueryPlanCache(dialect);
      const ids = Array.from({ length: 1200 }, (_, i) => i + 1);
      const count = async () =>
        (await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).length;
      const counts = [await count(), await count()];
      const hits = stats.hits;
      counts.push(await count());
      expect(stats.hits).toBe(hits + 1);
      expect(new Set(counts)).toEqual(new Set([await db.prisma.user.count()]));
    });
  });
}

describe("the plan cache's rules", () => {
  const query = (action: string, n: number) =>
    JSON.stringify({ modelName: "User", action, query: { arguments: { where: { id: n } } } });
  function counted(maxPlans = 3, maxKeyChars = 4000) {
    const compiled: string[] = [];
    const cache = withPlanCache(
      (text) => {
        compiled.push(text);
        return { plan: text, nested: { args: [text] } };
      },
      { maxPlans, maxKeyChars },
    );
    return { compiled, ...cache };
  }

  it("compiles a read twice, then answers it from the cache with a frozen plan", () => {
    const { compile, compiled, stats } = counted();
    const text = query("findUnique", 1);
    compile(text);
    compile(text);
    const plan = compile(text) as { nested: { args: string[] } };
    expect(compiled).toEqual([text, text]);
    expect(stats.hits).toBe(1);
    expect(Object.isFrozen(plan.nested.args)).toBe(true);
    expect(() => plan.nested.args.push("x")).toThrow(TypeError);
  });

  it("never keeps writes or texts over the length bound", () => {
    const { compile, compiled, stats } = counted(3, 80);
    const write = query("createOne", 1);
    const long = query("findMany", 10 ** 70);
    for (let i = 0; i < 3; i++) {
      compile(write);
      compile(long);
    }
    expect(compiled).toHaveLength(6);
    expect(stats.size()).toBe(0);
  });

  it("drops the least recently used plan beyond its size", () => {
    const { compile, compiled, stats } = counted(2);
    const [a, b, c] = [1, 2, 3].map((n) => query("findFirst", n)) as [string, string, string];
    for (const text of [a, a, b, b]) compile(text);
    compile(a); // a is now the most recent
    for (const text of [c, c]) compile(text); // kept: b, the least recent, goes
    expect(stats.size()).toBe(2);
    compiled.length = 0;
    for (const text of [a, c, b]) compile(text);
    expect(compiled).toEqual([b]);
  });
});
