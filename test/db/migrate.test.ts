import { afterEach, describe, expect, it } from "vitest";
import { readMigrations } from "../../src/db/migrate.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

describe.each(testDialects)("migrations on %s", (dialect) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it("records every migration in _prisma_migrations with Prisma's sha256 checksum", async () => {
    db = await createTestDatabase(dialect);
    const rows = await db.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; applied_steps_count: number }[]
    >(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations(dialect);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => Number(r.applied_steps_count) === 1)).toBe(true);
  });

  it("creates the tables of the data model", async () => {
    db = await createTestDatabase(dialect);
    const now = new Date();
    const user = await db.prisma.user.create({
      data: { telegramId: 9_007_199_254_740_993n, createdAt: now, updatedAt: now },
    });
    expect(user.telegramId).toBe(9_007_199_254_740_993n);
  });
});
