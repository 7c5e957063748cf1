// How fast the queue hands out jobs: single-job claims per second (one UPDATE … RETURNING
// each, src/jobs/queue.ts), beside the simplest thing that could work measured in the same
// run on the same driver (a plain SELECT … LIMIT 1, then an UPDATE of that row), and jobs per
// second through a worker (claim a batch, run a no-op, complete each).
import type { Dialect } from "../src/db/client.js";
import { directQuery } from "../src/db/direct.js";
import { enqueue, type JobInput } from "../src/db/outbox.js";
import { claimJobs } from "../src/jobs/queue.js";
import { createWorker } from "../src/jobs/worker.js";
import { createLogger } from "../src/logger.js";
import { createTestDatabase } from "../test/helpers/database.js";

export interface ClaimResult {
  dialect: Dialect;
  claimsPerSecond: number;
  /** The reference: SELECT … LIMIT 1 + UPDATE pairs per second. */
  pairsPerSecond: number;
  workerJobsPerSecond: number;
}

async function fill(db: Awaited<ReturnType<typeof createTestDatabase>>, count: number, now: Date) {
  const jobs: JobInput[] = Array.from({ length: count }, (_, i) => ({ task: "noop", payload: { i } }));
  for (let i = 0; i < jobs.length; i += 1000)
    await enqueue(db.prisma, db.dialect, jobs.slice(i, i + 1000), now);
  // What autovacuum does within a minute of such a change in production: without statistics
  // PostgreSQL plans the claim as a sort of every queued job instead of reading the claim's
  // index in order (set BENCH_NO_ANALYZE=1 to measure that).
  if (db.dialect === "postgresql" && !process.env.BENCH_NO_ANALYZE)
    await db.prisma.$executeRawUnsafe('ANALYZE "Job"');
}

const pairSelect = `SELECT "id" FROM "Job" WHERE "status"='queued' AND "runAt"<=? ORDER BY "priority" DESC, "runAt", "id" LIMIT 1`;
const pairUpdate = `UPDATE "Job" SET "status"='running', "lockedBy"=?, "lockedUntil"=?, "attempts"="attempts"+1, "updatedAt"=? WHERE "id"=? AND "status"='queued'`;

export async function benchClaims(
  dialect: Dialect,
  claims: number,
  workerJobs: number,
): Promise<ClaimResult> {
  const db = await createTestDatabase(dialect);
  try {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + 60_000);
    // The reference first, on a queue of the same size; what it took is finished before the claims.
    await fill(db, claims, now);
    let started = performance.now();
    for (let i = 0; i < claims; i++) {
      const [row] = await directQuery<{ id: number }>(db, pairSelect, [now]);
      await directQuery(db, pairUpdate, ["bench", lockedUntil, now, row!.id]);
    }
    const pairsPerSecond = claims / ((performance.now() - started) / 1000);
    await db.prisma.job.updateMany({ where: { status: "running" }, data: { status: "done" } });

    await fill(db, claims, now);
    started = performance.now();
    for (let i = 0; i < claims; i++) {
      await claimJobs(db, { workerId: "bench", limit: 1, leaseMs: 60_000, now, tasks: ["noop"] });
    }
    const claimsPerSecond = claims / ((performance.now() - started) / 1000);

    await fill(db, workerJobs, now);
    const worker = createWorker({
      db,
      logger: createLogger("silent"),
      handlers: { noop: async () => undefined },
      batchSize: 25,
    });
    started = performance.now();
    const done = await worker.drain(workerJobs);
    const workerJobsPerSecond = done / ((performance.now() - started) / 1000);
    return { dialect, claimsPerSecond, pairsPerSecond, workerJobsPerSecond };
  } finally {
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const claims = Number(process.argv[2] ?? 5000);
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const r = await benchClaims(dialect, claims, claims * 2);
    console.log(
      `${dialect}: ${r.claimsPerSecond.toFixed(0)} claims/s; reference SELECT+UPDATE ${r.pairsPerSecond.toFixed(0)} pairs/s = ${(r.claimsPerSecond / r.pairsPerSecond).toFixed(2)}×; worker ${r.workerJobsPerSecond.toFixed(0)} jobs/s`,
    );
  }
  process.exit(0);
}
