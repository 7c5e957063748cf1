// `npm run db:migrate`: applies pending migrations to DATABASE_URL and says which.
import { loadConfig } from "../config.js";
import { migrate } from "./migrate.js";

const config = loadConfig();
const applied = await migrate(config.DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
