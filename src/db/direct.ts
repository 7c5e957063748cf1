// Plain SQL for the paths every update takes, beside Prisma (which costs about a millisecond
// of query planning per statement): prepared statements on SQLite's one connection, single
// statements on PostgreSQL's pool. Rows come back in Prisma's shapes (Date, BigInt), mapped
// by the generated client's own data model, so callers see what a Prisma query returns.
import type BetterSqlite3 from "better-sqlite3";
import type { Prisma } from "./client.js";

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

type ModelName = "User" | "Session" | "ProcessedUpdate";
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
