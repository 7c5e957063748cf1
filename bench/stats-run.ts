// `NODE_OPTIONS=--expose-gc npx tsx bench/stats-run.ts [cases]`: the statistics benchmark alone (it
// is also part of `npm run bench`); with --expose-gc the export reports the heap after collection.
import { benchStats } from "./stats.js";
import { printStats } from "./stats-print.js";

const cases = Number(process.argv[2] ?? process.env.BENCH_STATS_CASES ?? 1_000_000);
for (const dialect of ["sqlite", "postgresql"] as const) printStats(await benchStats(dialect, cases));
process.exit(0);
