// Used by the Prisma CLI only (generate, migrate diff). The application builds its own
// clients with driver adapters and applies migrations itself (src/db/migrate.ts), because
// on machines without internet access the CLI cannot fetch its native engines.
// PRISMA_CLI_SQLITE_URL points the CLI at a database file when a command needs one (the
// drift test introspects a freshly migrated file); nothing else needs it.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? ":memory:" });
  },
});
