// Runs queued jobs: claims a batch, runs each through its task handler, records the outcome.
// Jobs are claimed with a lease; if this process dies, another worker takes them over when
// the lease expires, so a job runs at least once and tasks are written to be idempotent.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { PermanentJobError, RetryLaterError } from "./errors.js";
import { claimJobs, completeJob, failJob, type JobRow, releaseJobs } from "./queue.js";

export type TaskHandler = (payload: unknown, job: JobRow) => Promise<void>;
export type TaskHandlers = Record<string, TaskHandler>;

export interface WorkerOptions {
  db: Database;
  handlers: TaskHandlers;
  logger: Logger;
  /** Jobs claimed per round. */
  batchSize?: number;
  leaseMs?: number;
  pollIntervalMs?: number;
  now?: () => Date;
}

export interface Worker {
  readonly id: string;
  start(): void;
  /** Stops claiming, waits for the running batch (up to `timeoutMs`), releases what is left. */
  stop(timeoutMs?: number): Promise<void>;
  /** Runs rounds until no job is due; for tests and the catch-up at start-up. */
  drain(maxRounds?: number): Promise<number>;
  /** Runs one round; returns how many jobs it processed. */
  runOnce(): Promise<number>;
  /** Ends the idle wait at once (new jobs were queued). */
  wake(): void;
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, handlers, logger } = options;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const now = options.now ?? (() => new Date());
  const id = `worker-${randomUUID()}`;
  const log = logger.child({ worker: id });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function runJob(job: JobRow): Promise<void> {
    const handler = handlers[job.task];
    if (!handler) {
      await failJob(db, job, id, `no handler for task "${job.task}"`, now(), { permanent: true });
      log.error({ jobId: job.id, task: job.task }, "job has no handler");
      return;
    }
    try {
      await handler(JSON.parse(job.payload), job);
      await completeJob(db, job, id, now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentJobError) {
        await failJob(db, job, id, message, now(), { permanent: true });
        log.info({ jobId: job.id, task: job.task, reason: message }, "job failed permanently");
      } else if (error instanceof RetryLaterError) {
        const retryAt = new Date(now().getTime() + error.retryAfterMs);
        await failJob(db, job, id, message, now(), { retryAt, countAttempt: false });
      } else {
        const outcome = await failJob(db, job, id, message, now());
        log.warn({ jobId: job.id, task: job.task, err: error, outcome: outcome.kind }, "job failed");
      }
    }
  }

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(db, {
      workerId: id,
      limit: batchSize,
      leaseMs,
      now: now(),
      tasks: Object.keys(handlers),
    });
    for (const job of jobs) await runJob(job);
    return jobs.length;
  }

  async function run(): Promise<void> {
    while (running) {
      let processed = 0;
      try {
        processed = await runOnce();
      } catch (error) {
        log.error({ err: error }, "worker round failed");
      }
      if (processed === 0 && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop(timeoutMs = 8000) {
      running = false;
      wake?.();
      if (loop) await Promise.race([loop, new Promise((r) => setTimeout(r, timeoutMs))]);
      await releaseJobs(db, id, now());
    },
    async drain(maxRounds = 1000) {
      let total = 0;
      for (let round = 0; round < maxRounds; round++) {
        const processed = await runOnce();
        total += processed;
        if (processed === 0) break;
      }
      return total;
    },
    runOnce,
    wake() {
      wake?.();
    },
  };
}
