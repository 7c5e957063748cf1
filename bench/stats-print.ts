import type { StatsBenchResult } from "./stats.js";

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Prints one dialect's statistics figures, each timing as a ratio of the events full scan. */
export function printStats(r: StatsBenchResult): void {
  console.log(
    `${r.dialect}: ${r.cases} cases and ${r.events} events inserted in ${fixed(r.fillSeconds)} s; CaseFact rollup built from the timelines in ${fixed(r.rollupSeconds)} s (once, at the first refresh)`,
  );
  console.log(`  reference full scan of the events table: ${fixed(r.scanMs, 0)} ms`);
  console.log(
    `  /stats for the county, 2026 (${r.statsReceived} cases, incremental refresh included): ${fixed(r.statsMs, 0)} ms = ${fixed(r.statsMs / r.scanMs, 3)}× the scan`,
  );
  console.log(
    `  a refresh with nothing new: ${fixed(r.idleRefreshMs, 1)} ms = ${fixed(r.idleRefreshMs / r.scanMs, 4)}× the scan`,
  );
  console.log(
    `  the 2026-11 bulletin for all ${r.staff} staff members: ${fixed(r.bulletinMs, 0)} ms = ${fixed(r.bulletinMs / r.scanMs, 3)}× the scan`,
  );
  const mbList = (values: number[]) => values.map((v) => fixed(v, 0)).join(" ");
  console.log(
    `  export of ${r.exportedRows} cases as CSV: ${fixed(r.exportSeconds)} s; every 100,000 rows, heap${r.heapAfterGc ? " after GC" : ""} (MB): ${mbList(r.heapMb)}; RSS (MB): ${mbList(r.rssMb)}`,
  );
}
