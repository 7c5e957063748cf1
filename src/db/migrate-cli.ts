// `npm run db:migrate`: applies pending migrations to DATABASE_URL and says which. It needs
// nothing but DATABASE_URL, so that a database can be prepared before the bot is configured.
import { ConfigError, loadDatabaseUrl } from "../config.js";
import { migrate } from "./migrate.js";

try {
  const applied = await migrate(loadDatabaseUrl());
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `migration failed: ${(error as Error).message}`,
  );
  process.exit(1);
}
