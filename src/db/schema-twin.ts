// Derives the PostgreSQL schema from the SQLite one: the data model is written once.
// Run as a script (`npm run db:schema`) to rewrite prisma/postgresql/schema.prisma;
// test/db/schema-twin.test.ts fails when the committed twin has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const sqliteSchemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
export const postgresqlSchemaPath = fileURLToPath(
  new URL("../../prisma/postgresql/schema.prisma", import.meta.url),
);

const header =
  "// GENERATED from prisma/schema.prisma by `npm run db:schema`: edit that file, not this one.\n";

export function toPostgresqlSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/placeholder"')
    .replace('output     = "../src/db/generated/sqlite"', 'output     = "../../src/db/generated/postgresql"');
  if (replaced === sqliteSchema || !replaced.includes('"postgresql"')) {
    throw new Error("prisma/schema.prisma no longer has the expected datasource/generator lines");
  }
  return header + replaced;
}

export function renderPostgresqlSchema(): string {
  return toPostgresqlSchema(readFileSync(sqliteSchemaPath, "utf8"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(postgresqlSchemaPath, renderPostgresqlSchema());
  console.log(`wrote ${postgresqlSchemaPath}`);
}
