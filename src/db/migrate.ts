// Applies the migration files of prisma/migrations (SQLite) or prisma/postgresql/migrations
// at start-up, recording each in `_prisma_migrations` with the columns and sha256 checksum
// Prisma uses, so that `prisma migrate status` on a machine with the native engine agrees.
// The Prisma CLI cannot do this here: it needs an engine binary that cannot be downloaded.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Dialect, dialectOf, sqlitePath } from "./client.js";

const prismaDir = fileURLToPath(new URL("../../prisma/", import.meta.url));
export const migrationsDir: Record<Dialect, string> = {
  sqlite: join(prismaDir, "migrations"),
  postgresql: join(prismaDir, "postgresql", "migrations"),
};

// Prisma's own DDL for its bookkeeping table, per provider.
const bookkeepingDdl: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

// Prisma Migrate's own advisory lock key, so that our runner and the CLI exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    override readonly cause: unknown,
  ) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationFailedError";
  }
}

export class MigrationChecksumMismatchError extends Error {
  constructor(readonly migration: string) {
    super(`migration ${migration} was modified after it was applied`);
    this.name = "MigrationChecksumMismatchError";
  }
}

export function readMigrations(dialect: Dialect): MigrationFile[] {
  const dir = migrationsDir[dialect];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrate(url: string): Promise<string[]> {
  const dialect = dialectOf(url);
  const migrations = readMigrations(dialect);
  // Only the dialect's driver is loaded (the process need not hold both).
  if (dialect === "sqlite") {
    const { default: BetterSqlite3 } = await import("better-sqlite3");
    return migrateSqlite(BetterSqlite3, url, migrations);
  }
  const { default: pg } = await import("pg");
  return migratePostgresql(pg, url, migrations);
}

function pendingOf(
  migrations: MigrationFile[],
  applied: { migration_name: string; checksum: string }[],
): MigrationFile[] {
  const byName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  return migrations.filter((m) => {
    const checksum = byName.get(m.name);
    if (checksum === undefined) return true;
    if (checksum !== m.checksum) throw new MigrationChecksumMismatchError(m.name);
    return false;
  });
}

function migrateSqlite(
  BetterSqlite3: typeof import("better-sqlite3"),
  url: string,
  migrations: MigrationFile[],
): string[] {
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    // Migrations that rebuild a table (SQLite's way to alter one) must run without foreign
    // key enforcement, which cannot change inside a transaction: switch it off around the
    // transaction and check the keys before committing, as Prisma Migrate does.
    db.pragma("foreign_keys = OFF");
    db.exec(bookkeepingDdl.sqlite);
    // BEGIN IMMEDIATE takes the write lock first, so two processes starting together
    // apply each migration once instead of failing with "database is locked".
    const run = db.transaction(() => {
      const applied = db
        .prepare(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all() as { migration_name: string; checksum: string }[];
      const done: string[] = [];
      for (const m of pendingOf(migrations, applied)) {
        const startedAt = new Date().toISOString();
        try {
          db.exec(m.sql);
        } catch (error) {
          throw new MigrationFailedError(m.name, error);
        }
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new MigrationFailedError(m.name, new Error(`${violations.length} foreign key violation(s)`));
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, startedAt);
        done.push(m.name);
      }
      return done;
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgresql(
  pg: typeof import("pg").default,
  url: string,
  migrations: MigrationFile[],
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(bookkeepingDdl.postgresql);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done: string[] = [];
    for (const m of pendingOf(migrations, rows)) {
      const startedAt = new Date();
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationFailedError(m.name, error);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
