// Used by the Prisma CLI only (generate, migrate diff). The application builds its own
// clients with driver adapters and applies migrations itself (src/db/migrate.ts), because
// on machines without internet access the CLI cannot fetch its native engines.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file::memory:" });
  },
});
