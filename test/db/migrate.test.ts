import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("npm run db:migrate", () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/db/migrate-cli.ts"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
    });

  it("migrates with nothing but DATABASE_URL, once", () => {
    const dir = mkdtempSync(join(tmpdir(), "liaison-migrate-"));
    try {
      const url = `file:${join(dir, "cli.db")}`;
      const first = run({ DATABASE_URL: url });
      expect(first.status).toBe(0);
      expect(first.stdout).toContain("applied: 20261123000000_init");
      const second = run({ DATABASE_URL: url });
      expect(second.stdout).toContain("the database is up to date");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits with 1 and names DATABASE_URL when it is of an unsupported kind", () => {
    const result = run({ DATABASE_URL: "mysql://localhost/db" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });
});
