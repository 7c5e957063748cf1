// `NODE_OPTIONS=--expose-gc npx tsx bench/export-memory.ts [cases] [dialect]`: only the export
// of the statistics benchmark, on cases without timelines, to see the heap after collection.
import { createTestDatabase } from "../test/helpers/database.js";
import { fill, measureExport } from "./stats.js";

const cases = Number(process.argv[2] ?? 1_000_000);
const dialect = process.argv[3] === "postgresql" ? "postgresql" : "sqlite";
const db = await createTestDatabase(dialect);
const now = new Date("2026-12-02T01:00:00Z");
await fill(db, cases, now, false);
const r = await measureExport(db, now);
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(" ");
console.log(
  `${dialect}: ${r.exportedRows} cases in ${r.exportSeconds.toFixed(1)} s; every 100,000 rows, heap${r.heapAfterGc ? " after GC" : ""} (MB): ${list(r.heapMb)}; RSS (MB): ${list(r.rssMb)}`,
);
await db.drop();
process.exit(0);
