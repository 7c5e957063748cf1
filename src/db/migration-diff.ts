// `prisma migrate diff` as it works offline here. Replaying a migrations folder into a
// shadow database fails through the SQLite driver adapter (a multi-statement migration is
// rejected), so the "from" side is always a datamodel:
//  - SQLite: the schema `prisma db pull` reads back from a file our runner has migrated;
//  - PostgreSQL: prisma/postgresql/last-migrated.prisma, the twin as of the newest
//    PostgreSQL migration (a datamodel-to-datamodel diff contacts no database).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "./migrate.js";
import { postgresqlSchemaPath } from "./schema-twin.js";

export const lastMigratedPostgresqlSchema = postgresqlSchemaPath.replace(
  /schema\.prisma$/,
  "last-migrated.prisma",
);

function prisma(args: string[], env: Record<string, string> = {}): string {
  return execFileSync("npx", ["prisma", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The SQLite data model that the committed migrations produce, read back from a real file. */
export async function migratedSqliteSchema(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "liaison-pull-"));
  try {
    const url = `file:${join(dir, "migrated.db")}`;
    await migrate(url);
    const printed = prisma(["db", "pull", "--print"], { PRISMA_CLI_SQLITE_URL: url });
    // The CLI prints a warning about the datasource url ahead of the schema: drop it.
    const start = printed.search(/^(generator|datasource) /m);
    return start >= 0 ? printed.slice(start) : printed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SQL from one datamodel to another; empty (but for comments) when they agree. */
export function diffDatamodels(fromSchema: string, toSchemaPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), "liaison-diff-"));
  try {
    const fromPath = join(dir, "from.prisma");
    writeFileSync(fromPath, fromSchema);
    return prisma([
      "migrate",
      "diff",
      "--from-schema-datamodel",
      fromPath,
      "--to-schema-datamodel",
      toSchemaPath,
      "--script",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function isEmptyScript(sql: string): boolean {
  return !sql.replace(/--.*$/gm, "").trim();
}
