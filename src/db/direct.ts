// Plain SQL for the paths every update takes, beside Prisma (which costs about a millisecond
// of query planning per statement): prepared statements on SQLite's one connection, single
// statements on PostgreSQL's pool. Rows come back in Prisma's shapes (Date, BigInt), mapped
// by the generated client's own data model, so callers see what a Prisma query returns.
import type BetterSqlite3 from "better-sqlite3";
import type { Database, Prisma } from "./client.js";

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The prepared statement for `sql` on `connection`, prepared once per connection. Integers
 * come back as numbers (every id and Telegram id is below 2^53); map BigInt columns with
 * `mapRow`.
 */
export function prepared(connection: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(connection);
  if (!cache) {
    cache = new Map();
    statements.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement;
}

/** A DateTime parameter as Prisma stores it on SQLite (ISO 8601 with +00:00). */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime parameter for PostgreSQL's `timestamp(3)` columns, which hold UTC without a zone. */
export function pgTime(date: Date): string {
  return date.toISOString().slice(0, -1);
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // PostgreSQL's timestamp without time zone (as JSON) is UTC written without a zone.
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

type ModelName = "User" | "Session" | "ProcessedUpdate" | "Activity";
type FieldKinds = Map<string, string>;
const fieldKinds = new WeakMap<object, Map<ModelName, FieldKinds>>();

function kindsOf(prisma: Prisma, model: ModelName): FieldKinds {
  let models = fieldKinds.get(prisma);
  if (!models) {
    models = new Map();
    fieldKinds.set(prisma, models);
  }
  let kinds = models.get(model);
  if (!kinds) {
    // The generated client's data model: every scalar field with its Prisma type.
    const runtime = (
      prisma as unknown as {
        _runtimeDataModel: {
          models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
        };
      }
    )._runtimeDataModel;
    kinds = new Map(
      runtime.models[model]!.fields.filter((f) => f.kind === "scalar").map((f) => [f.name, f.type]),
    );
    models.set(model, kinds);
  }
  return kinds;
}

/**
 * A raw row (SQLite values, or PostgreSQL's row_to_json) as Prisma returns it for `model`:
 * DateTime as Date, BigInt as bigint, Int as number, Boolean as boolean, nulls kept.
 */
export function mapRow<T>(prisma: Prisma, model: ModelName, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [name, type] of kindsOf(prisma, model)) {
    const value = row[name];
    if (value === null || value === undefined) out[name] = null;
    else if (type === "DateTime") out[name] = toDate(value);
    else if (type === "BigInt") out[name] = BigInt(value as number);
    else if (type === "Int" || type === "Float") out[name] = Number(value);
    else if (type === "Boolean") out[name] = value === true || value === 1 || value === 1n;
    else out[name] = value;
  }
  return out as T;
}

/**
 * An open transaction of plain SQL, shaped like the part of a Prisma client the outbox uses
 * (src/db/outbox.ts), so that jobs are queued inside it. Placeholders are `?` on both
 * dialects; Date, bigint and boolean parameters are converted for the dialect. Rows come back
 * raw: SQLite's numbers and strings, PostgreSQL's values with timestamps read as UTC.
 */
export interface DirectTx {
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
}

const sqliteParam = (value: unknown) =>
  value instanceof Date ? sqliteTime(value) : typeof value === "boolean" ? (value ? 1 : 0) : value;
const pgParam = (value: unknown) =>
  value instanceof Date ? pgTime(value) : typeof value === "bigint" ? String(value) : value;

/** `?` placeholders as PostgreSQL's `$1 … $n` (none of our statements has a literal `?`). */
function numbered(sql: string): string {
  let n = 0;
  return sql.includes("$") ? sql : sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Runs `work` in one transaction of plain SQL: committed when it resolves, rolled back when
 * it throws (the error is rethrown). SQLite: on the shared connection, Prisma's queries
 * waiting meanwhile; PostgreSQL: on a connection of the pool, READ COMMITTED.
 */
export async function directTransaction<T>(db: Database, work: (tx: DirectTx) => Promise<T>): Promise<T> {
  const direct = db.direct;
  if (direct.dialect === "sqlite") {
    return direct.run(async (connection) => {
      const tx: DirectTx = {
        async $executeRawUnsafe(sql, ...params) {
          return prepared(connection, sql).run(...params.map(sqliteParam)).changes;
        },
        async $queryRawUnsafe<R>(sql: string, ...params: unknown[]) {
          const statement = prepared(connection, sql);
          const mapped = params.map(sqliteParam);
          if (statement.reader) return statement.all(...mapped) as R;
          statement.run(...mapped);
          return [] as R;
        },
      };
      prepared(connection, "BEGIN IMMEDIATE").run();
      try {
        const result = await work(tx);
        prepared(connection, "COMMIT").run();
        return result;
      } catch (error) {
        if (connection.inTransaction) prepared(connection, "ROLLBACK").run();
        throw error;
      }
    });
  }
  const client = await direct.pool.connect();
  const query = (sql: string, params: unknown[]) =>
    client.query({ text: numbered(sql), values: params.map(pgParam), types: direct.types });
  try {
    await client.query("BEGIN");
    const tx: DirectTx = {
      async $executeRawUnsafe(sql, ...params) {
        return (await query(sql, params)).rowCount ?? 0;
      },
      async $queryRawUnsafe<R>(sql: string, ...params: unknown[]) {
        return (await query(sql, params)).rows as R;
      },
    };
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// PostgreSQL statements prepared by name (directQuery's `prepare`), keyed by their SQL.
const namedStatements = new Map<string, { name: string; text: string }>();

/**
 * One statement of plain SQL outside any transaction (`?` placeholders, parameters as in
 * DirectTx); returns its rows raw (none for a statement that returns nothing). With
 * `prepare` on PostgreSQL the statement is prepared once per connection and then only
 * executed (no parsing and planning per call): for the few fixed statements of hot paths,
 * since every distinct text stays prepared on each connection of the pool. SQLite always
 * prepares once per connection.
 */
export async function directQuery<T>(
  db: Database,
  sql: string,
  params: unknown[],
  options: { prepare?: boolean } = {},
): Promise<T[]> {
  const direct = db.direct;
  if (direct.dialect === "sqlite") {
    return direct.run((connection) => {
      const statement = prepared(connection, sql);
      const mapped = params.map(sqliteParam);
      if (statement.reader) return statement.all(...mapped) as T[];
      statement.run(...mapped);
      return [];
    });
  }
  let named = options.prepare ? namedStatements.get(sql) : undefined;
  if (options.prepare && !named) {
    named = { name: `direct_${namedStatements.size + 1}`, text: numbered(sql) };
    namedStatements.set(sql, named);
  }
  const result = await direct.pool.query({
    ...(named ?? { text: numbered(sql) }),
    values: params.map(pgParam),
    types: direct.types,
  });
  return result.rows as T[];
}
