// The Prisma clients, one per provider, chosen by the DATABASE_URL scheme. Both are
// generated from one data model, so the application is typed against the SQLite client and
// the PostgreSQL one is used through the same type. Only the dialect in use is loaded (each
// client with its driver and adapter costs the process about 10 MiB).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { installQueryPlanCache } from "./query-plan-cache.js";

export type Prisma = SqliteClient;
export type Dialect = "sqlite" | "postgresql";

/**
 * Plain SQL beside Prisma, for the paths every update takes (src/db/direct.ts): on SQLite the
 * one connection Prisma uses, taken in turn with Prisma's queries; on PostgreSQL Prisma's pool.
 */
export type DirectAccess =
  | {
      dialect: "sqlite";
      /**
       * Runs `work` on the connection while nothing of Prisma's is running; Prisma's queries
       * wait until it has finished (also across its awaits).
       */
      run<T>(work: (connection: BetterSqlite3.Database) => T | Promise<T>): Promise<T>;
    }
  | {
      dialect: "postgresql";
      pool: pg.Pool;
      /** Type parsers for plain queries: timestamps (without zone) read as UTC. */
      types: { getTypeParser: typeof pg.types.getTypeParser };
    };

export interface Database {
  prisma: Prisma;
  dialect: Dialect;
  url: string;
  direct: DirectAccess;
  close(): Promise<void>;
}

export class UnsupportedDatabaseUrlError extends Error {
  constructor(readonly url: string) {
    super(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.slice(0, 20)}…")`);
    this.name = "UnsupportedDatabaseUrlError";
  }
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new UnsupportedDatabaseUrlError(url);
}

/** The filesystem path of a `file:` URL, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  const path = url.slice("file:".length).replace(/\?.*$/, "");
  return path === ":memory:" ? path : resolve(path);
}

// timestamp(3) without time zone holds UTC: read it as UTC, whatever the process's zone.
const TIMESTAMP_OID = 1114;

/**
 * Opens the database of `url` (file: → SQLite, postgres(ql):// → PostgreSQL), loading only
 * that dialect's Prisma client, adapter and driver. Connects lazily (on the first query).
 * Throws UnsupportedDatabaseUrlError for any other scheme.
 */
export async function createDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    const [{ PrismaClient }, { createSerializedSqliteAdapter }] = await Promise.all([
      import("./generated/sqlite/client.js"),
      import("./serialized-sqlite.js"),
      installQueryPlanCache("sqlite"),
    ]);
    const path = sqlitePath(url);
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    // WAL lets readers run beside the one writer; the busy timeout makes a second process
    // wait for the write lock instead of failing at once.
    const { factory, access } = createSerializedSqliteAdapter({ url: `file:${path}`, timeout: 5000 });
    const prisma = new PrismaClient({ adapter: factory });
    return {
      prisma,
      dialect,
      url,
      direct: {
        dialect,
        async run(work) {
          if (!access.run) await prisma.$connect();
          return access.run!(work);
        },
      },
      close: () => prisma.$disconnect(),
    };
  }
  const [{ PrismaClient }, { PrismaPg }, { default: pgModule }] = await Promise.all([
    import("./generated/postgresql/client.js"),
    import("@prisma/adapter-pg"),
    import("pg"),
    installQueryPlanCache("postgresql"),
  ]);
  const pool = new pgModule.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server closes (a restart, a dropped database) is discarded
  // by the pool and replaced on the next query; without a listener it would crash the process.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Prisma;
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === TIMESTAMP_OID
        ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
        : pgModule.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
  };
  let closed: Promise<void> | undefined;
  return {
    prisma,
    dialect,
    url,
    direct: { dialect, pool, types },
    close: () => {
      closed ??= prisma.$disconnect().then(() => pool.end());
      return closed;
    },
  };
}

/** Pragmas every SQLite connection of ours runs once, right after connecting. */
export async function preparePragmas(db: Database): Promise<void> {
  if (db.dialect !== "sqlite") return;
  await db.prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
