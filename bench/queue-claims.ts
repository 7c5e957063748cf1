// How fast the queue hands out jobs: single-job claims per second (one UPDATE … RETURNING
// each), and jobs per second through a worker (claim a batch, run a no-op, complete each).
import type { Dialect } from "../src/db/client.js";
import { enqueue, type JobInput } from "../src/db/outbox.js";
import { claimJobs } from "../src/jobs/queue.js";
import { createWorker } from "../src/jobs/worker.js";
import { createLogger } from "../src/logger.js";
import { createTestDatabase } from "../test/helpers/database.js";

export interface ClaimResult {
  dialect: Dialect;
  claimsPerSecond: number;
  workerJobsPerSecond: number;
}

async function fill(db: Awaited<ReturnType<typeof createTestDatabase>>, count: number, now: Date) {
  const jobs: JobInput[] = Array.from({ length: count }, (_, i) => ({ task: "noop", payload: { i } }));
  for (let i = 0; i < jobs.length; i += 1000)
    await enqueue(db.prisma, db.dialect, jobs.slice(i, i + 1000), now);
}

export async function benchClaims(
  dialect: Dialect,
  claims: number,
  workerJobs: number,
): Promise<ClaimResult> {
  const db = await createTestDatabase(dialect);
  try {
    const now = new Date();
    await fill(db, claims, now);
    let started = performance.now();
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
    return { dialect, claimsPerSecond, workerJobsPerSecond };
  } finally {
    await db.drop();
  }
}
