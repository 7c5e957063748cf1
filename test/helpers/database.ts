// A fresh, migrated database per test: a temporary SQLite file, or a PostgreSQL database
// created for the test and dropped afterwards. Both are copies of a template that was
// migrated (and, for the seeded kind, seeded with the example county) once: a file copy on
// SQLite, `CREATE DATABASE … TEMPLATE …` on PostgreSQL. A template is named by a hash of
// everything that decides its content (the migration files, the migration runner, the seed
// file and the seed code), so worktrees and branches with other migrations never share a
// wrong one, and it is built once, by whichever test run or worker gets there first.
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { createDatabase, type Database, type Dialect, preparePragmas } from "../../src/db/client.js";
import { migrate, readMigrations } from "../../src/db/migrate.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";

/** The server the PostgreSQL tests create their databases on. */
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const exampleSeedPath = new URL("../../prisma/seeds/example-county.json", import.meta.url).pathname;

export interface TestDatabase extends Database {
  /** Closes the client and removes the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Seed the example county (prisma/seeds/example-county.json); default false. */
  seeded?: boolean;
}

type TemplateKind = "migrated" | "seeded";

const sourceOf = (relative: string) => readFileSync(new URL(relative, import.meta.url));

/** The template's name: a hash of what decides its content, so a change yields a new one. */
export function templateName(dialect: Dialect, kind: TemplateKind): string {
  const hash = createHash("sha256");
  for (const m of readMigrations(dialect)) hash.update(`${m.name}\0${m.checksum}\0`);
  hash.update(sourceOf("../../src/db/migrate.ts"));
  if (kind === "seeded") {
    hash.update(readFileSync(exampleSeedPath));
    hash.update(sourceOf("../../src/db/queries/seed.ts"));
  }
  return `liaison_tpl_${hash.digest("hex").slice(0, 16)}_${kind}`;
}

const uniqueName = () => `liaison_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

async function fill(db: Database, kind: TemplateKind): Promise<void> {
  if (kind === "seeded") await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
}

// --- SQLite: a template file in the temporary directory, copied per test ---------------------

function sqliteTemplatePath(kind: TemplateKind): string {
  return join(tmpdir(), `${templateName("sqlite", kind)}.db`);
}

async function ensureSqliteTemplate(kind: TemplateKind): Promise<string> {
  const path = sqliteTemplatePath(kind);
  if (existsSync(path)) return path;
  // Built under a private name and renamed into place (atomic), so a reader never sees a
  // half-built template; two runs building at once both produce the same content.
  const building = `${path}.${randomBytes(4).toString("hex")}.building`;
  try {
    const url = `file:${building}`;
    await migrate(url);
    const db = await createDatabase(url);
    await fill(db, kind);
    await db.close();
    // One self-contained file: no WAL beside it, so a plain copy is the whole database.
    const file = new BetterSqlite3(building);
    file.pragma("wal_checkpoint(TRUNCATE)");
    file.pragma("journal_mode = DELETE");
    file.close();
    renameSync(building, path);
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(building + suffix, { force: true });
  }
  return path;
}

async function createSqliteDatabase(kind: TemplateKind): Promise<TestDatabase> {
  const path = join(tmpdir(), `${uniqueName()}.db`);
  copyFileSync(await ensureSqliteTemplate(kind), path);
  const db = await createDatabase(`file:${path}`);
  await preparePragmas(db);
  return {
    ...db,
    async drop() {
      await db.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    },
  };
}

// --- PostgreSQL: a template database, cloned per test ----------------------------------------

function databaseUrl(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rowCount === 1;
}

/** Per process: the templates known to exist, so that each test pays one query less. */
const knownTemplates = new Map<string, Promise<string>>();

function ensurePostgresTemplate(kind: TemplateKind): Promise<string> {
  const name = templateName("postgresql", kind);
  let known = knownTemplates.get(name);
  if (!known) {
    known = buildPostgresTemplate(name, kind);
    known.catch(() => knownTemplates.delete(name));
    knownTemplates.set(name, known);
  }
  return known;
}

async function buildPostgresTemplate(name: string, kind: TemplateKind): Promise<string> {
  await withAdmin(async (client) => {
    if (await databaseExists(client, name)) return;
    // One builder per template across every process on the server: the others wait on the
    // advisory lock and then find it built.
    const lockKey = createHash("sha256").update(name).digest().readInt32BE(0);
    await client.query("SELECT pg_advisory_lock($1)", [lockKey]);
    try {
      if (await databaseExists(client, name)) return;
      const building = `${name}_b${randomBytes(3).toString("hex")}`;
      await client.query(`CREATE DATABASE "${building}"`);
      try {
        await migrate(databaseUrl(building));
        const db = await createDatabase(databaseUrl(building));
        await fill(db, kind);
        await db.close();
        // Renamed into place once complete (and nobody is connected), so a template that exists is whole.
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw error;
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [lockKey]);
    }
  });
  return name;
}

async function createPostgresDatabase(kind: TemplateKind): Promise<TestDatabase> {
  const template = await ensurePostgresTemplate(kind);
  const name = uniqueName();
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const db = await createDatabase(databaseUrl(name));
  return {
    ...db,
    async drop() {
      await db.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A fresh database of `dialect`, migrated, and seeded with the example county when asked. */
export function createTestDatabase(
  dialect: Dialect = "sqlite",
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const kind: TemplateKind = options.seeded ? "seeded" : "migrated";
  return dialect === "sqlite" ? createSqliteDatabase(kind) : createPostgresDatabase(kind);
}

/** Builds every template the given dialects need (vitest's globalSetup, once per run). */
export async function prepareTemplates(dialects: Dialect[]): Promise<void> {
  for (const dialect of dialects) {
    for (const kind of ["migrated", "seeded"] as const) {
      if (dialect === "sqlite") await ensureSqliteTemplate(kind);
      else await ensurePostgresTemplate(kind);
    }
  }
}

/** The dialects a suite should run on: both, unless TEST_DIALECTS narrows it (e.g. "sqlite"). */
export const testDialects: Dialect[] = (process.env.TEST_DIALECTS ?? "sqlite,postgresql")
  .split(",")
  .filter((d): d is Dialect => d === "sqlite" || d === "postgresql");
