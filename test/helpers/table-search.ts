// Every table of a test database, read from the database's own catalogue (not from a list
// kept here), and a search of every row of every table for some strings: how the tests of
// account deletion show that nothing of a person is left anywhere.
import type { Database, Dialect } from "../../src/db/client.js";

/** The names of the database's tables, _prisma_migrations included. */
export async function tables(db: Database, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === "sqlite"
      ? await db.prisma.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
      : await db.prisma.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        );
  return rows.map((r) => r.name);
}

export async function textColumns(db: Database, dialect: Dialect, table: string): Promise<string[]> {
  if (dialect === "sqlite") {
    const cols = await db.prisma.$queryRawUnsafe<{ name: string; type: string }[]>(
      `PRAGMA table_info("${table}")`,
    );
    return cols.filter((c) => c.type.toUpperCase() === "TEXT").map((c) => c.name);
  }
  const cols = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    "SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND data_type = 'text'",
    table,
  );
  return cols.map((c) => c.name);
}

/** Every row of every table, as text, and which needles each table contains. */
export async function search(db: Database, dialect: Dialect, terms: string[]) {
  const hits: { table: string; needle: string }[] = [];
  for (const table of await tables(db, dialect)) {
    const rows = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`);
    const text = JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const needle of terms) if (text.includes(needle)) hits.push({ table, needle });
  }
  return hits;
}
