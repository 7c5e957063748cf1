// A fresh, migrated database per test file: a temporary SQLite file, or a PostgreSQL
// database created for the test and dropped afterwards.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type Database, type Dialect, preparePragmas } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";

/** The server the PostgreSQL tests create their databases on. */
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase extends Database {
  /** Closes the client and removes the database. */
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect = "sqlite"): Promise<TestDatabase> {
  const name = `liaison_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (dialect === "sqlite") {
    const path = join(tmpdir(), `${name}.db`);
    const url = `file:${path}`;
    await migrate(url);
    const db = createDatabase(url);
    await preparePragmas(db);
    return {
      ...db,
      async drop() {
        await db.close();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createDatabase(url.toString());
  return {
    ...db,
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: postgresAdminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
    },
  };
}

/** The dialects a suite should run on: both, unless TEST_DIALECTS narrows it (e.g. "sqlite"). */
export const testDialects: Dialect[] = (process.env.TEST_DIALECTS ?? "sqlite,postgresql")
  .split(",")
  .filter((d): d is Dialect => d === "sqlite" || d === "postgresql");
