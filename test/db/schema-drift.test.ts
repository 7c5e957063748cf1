// One data model, two providers: the PostgreSQL twin is generated from the SQLite schema,
// and the migrations of both providers must produce exactly the current data model.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  diffDatamodels,
  isEmptyScript,
  lastMigratedPostgresqlSchema,
  migratedSqliteSchema,
} from "../../src/db/migration-diff.js";
import { postgresqlSchemaPath, renderPostgresqlSchema, sqliteSchemaPath } from "../../src/db/schema-twin.js";

describe("schema drift", () => {
  it("keeps the PostgreSQL schema generated from the SQLite one (run npm run db:schema)", () => {
    expect(readFileSync(postgresqlSchemaPath, "utf8")).toBe(renderPostgresqlSchema());
  });

  it("has SQLite migrations that produce the data model (run npm run db:diff -- <name>)", async () => {
    const sql = diffDatamodels(await migratedSqliteSchema(), sqliteSchemaPath);
    expect(isEmptyScript(sql), sql).toBe(true);
  }, 60_000);

  it("has PostgreSQL migrations up to the current twin (run npm run db:diff -- <name>)", () => {
    const sql = diffDatamodels(readFileSync(lastMigratedPostgresqlSchema, "utf8"), postgresqlSchemaPath);
    expect(isEmptyScript(sql), sql).toBe(true);
  }, 60_000);
});
