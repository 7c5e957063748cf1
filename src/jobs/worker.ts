// Runs queued jobs: claims a batch, runs each through its task handler, records the outcome.
// Jobs are claimed with a lease; if this process dies, another worker takes them over when
// the lease expires, so a job runs at least once and tasks are written to be idempotent.
// Jobs run concurrently (the pacer decides when each message may go), except that jobs for
// the same recipient run one after the other, in queue order. The running worker claims more
// as soon as half its slots are free, so a slow send does not hold up a whole batch.
// While it is busy, a job that outranks everything it holds (a case message during a
// broadcast) does not wait for those slots: when woken (something was queued), and once per
// poll interval otherwise, the worker claims such jobs into a reserve of extra slots, and the
// pacer lets them go before the lower priorities already waiting (src/jobs/pacer.ts).
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { DeliveryUncertainError, LeaseLostError, PermanentJobError, RetryLaterError } from "./errors.js";
import { PacerAbortedError } from "./pacer.js";
import {
  claimJobs,
  completeJob,
  extendLease,
  failJob,
  type JobRow,
  markSending,
  releaseJobs,
} from "./queue.js";

/** What a running job may ask of its worker. */
export interface JobContext {
  workerId: string;
  now(): Date;
  /** Aborted when the worker stops: stop waiting, start nothing new. */
  signal: AbortSignal;
  /** Call right before handing a message to Telegram; false means the job was taken over: do not send. */
  markSending(): Promise<boolean>;
  /** Renews the lease of a long job; false means it was taken over. */
  extendLease(): Promise<boolean>;
}

/** A handler may finish with a note, kept in the job's lastError (e.g. "not resent"). */
export type JobResult = { note: string };
/** Resolves (with a JobResult, or anything else) when the job is done; throws to fail it. */
export type TaskHandler = (payload: unknown, job: JobRow, context: JobContext) => Promise<unknown>;

function noteOf(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null || !("note" in result)) return undefined;
  return typeof result.note === "string" ? result.note : undefined;
}
export type TaskHandlers = Record<string, TaskHandler>;

export interface WorkerOptions {
  db: Database;
  handlers: TaskHandlers;
  logger: Logger;
  /** Jobs claimed per round of runOnce()/drain(). */
  batchSize?: number;
  /** Jobs the running worker keeps in progress at once (default: batchSize). */
  concurrency?: number;
  /** Extra slots for jobs that outrank every job in progress (default: half the concurrency). */
  expressSlots?: number;
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

/** Jobs for one recipient keep their order; anything else may run side by side. */
function sequenceKey(job: JobRow): string {
  const match = /"recipientId":(\d+)/.exec(job.payload);
  return match ? `recipient:${match[1]}` : `job:${job.id}`;
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, handlers, logger } = options;
  const batchSize = options.batchSize ?? 10;
  const concurrency = options.concurrency ?? batchSize;
  const expressSlots = options.expressSlots ?? Math.ceil(concurrency / 2);
  const leaseMs = options.leaseMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const now = options.now ?? (() => new Date());
  const id = `worker-${randomUUID()}`;
  const log = logger.child({ worker: id });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // Every job waiting for its turn to send listens to this signal: more than Node's default 10.
  const stopSignal = () => {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  };
  let stopping = stopSignal();
  // The last job queued per recipient: the next one for the same recipient waits for it.
  const chains = new Map<string, Promise<void>>();
  let inFlight = 0;
  let settled: (() => void) | undefined;
  // The priority of each job in progress, by id: an express claim takes only higher ones.
  const inFlightPriority = new Map<number, number>();
  // Set by wake(): the next round looks for jobs that outrank the ones in progress.
  let woken = false;
  let expressCheckedAt = Number.NEGATIVE_INFINITY;

  async function runJob(job: JobRow): Promise<void> {
    const handler = handlers[job.task];
    if (!handler) {
      await failJob(db, job, id, `no handler for task "${job.task}"`, now(), { permanent: true });
      log.error({ jobId: job.id, task: job.task }, "job has no handler");
      return;
    }
    const context: JobContext = {
      workerId: id,
      now,
      signal: stopping.signal,
      markSending: () => markSending(db, job, id, now(), leaseMs),
      extendLease: () => extendLease(db, job, id, now(), leaseMs),
    };
    try {
      const result = await handler(JSON.parse(job.payload), job, context);
      await completeJob(db, job, id, now(), noteOf(result));
    } catch (error) {
      await recordFailure(job, error);
    }
  }

  async function recordFailure(job: JobRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    // Taken over by another worker, or interrupted by stop() (which releases it): not ours to record.
    if (error instanceof LeaseLostError || error instanceof PacerAbortedError) return;
    if (error instanceof PermanentJobError) {
      await failJob(db, job, id, message, now(), { permanent: true });
      log.info({ jobId: job.id, task: job.task, reason: message }, "job failed permanently");
    } else if (error instanceof DeliveryUncertainError) {
      // The send marker stays: the next attempt knows this one may have been delivered.
      const outcome = await failJob(db, job, id, message, now());
      log.warn({ jobId: job.id, task: job.task, outcome: outcome.kind }, "delivery outcome unknown");
    } else if (error instanceof RetryLaterError) {
      const retryAt = new Date(now().getTime() + error.retryAfterMs);
      await failJob(db, job, id, message, now(), {
        retryAt,
        countAttempt: false,
        sendStartedAt: job.sendStartedAt,
      });
    } else {
      // Definitely not delivered this time: the marker goes back to what it was before.
      const outcome = await failJob(db, job, id, message, now(), { sendStartedAt: job.sendStartedAt });
      log.warn({ jobId: job.id, task: job.task, err: error, outcome: outcome.kind }, "job failed");
    }
  }

  function launch(job: JobRow): Promise<void> {
    inFlight++;
    inFlightPriority.set(job.id, job.priority);
    const key = sequenceKey(job);
    const run = (chains.get(key) ?? Promise.resolve())
      .then(() => (stopping.signal.aborted ? undefined : runJob(job)))
      .catch((error: unknown) => log.error({ err: error, jobId: job.id }, "job crashed"))
      .finally(() => {
        inFlight--;
        inFlightPriority.delete(job.id);
        if (chains.get(key) === run) chains.delete(key);
        settled?.();
      });
    chains.set(key, run);
    return run;
  }

  function claim(limit: number, abovePriority?: number): Promise<JobRow[]> {
    return claimJobs(db, {
      workerId: id,
      limit,
      leaseMs,
      now: now(),
      tasks: Object.keys(handlers),
      abovePriority,
    });
  }

  /** The lowest priority among the jobs in progress (undefined when none is). */
  function lowestInFlight(): number | undefined {
    let lowest: number | undefined;
    for (const priority of inFlightPriority.values())
      if (lowest === undefined || priority < lowest) lowest = priority;
    return lowest;
  }

  /** Busy: claims jobs that outrank every job in progress into the reserve slots. */
  async function claimExpress(): Promise<void> {
    woken = false;
    expressCheckedAt = performance.now();
    const lowest = lowestInFlight();
    const free = concurrency + expressSlots - inFlight;
    if (lowest === undefined || free < 1) return;
    const jobs = await claim(free, lowest);
    for (const job of jobs) void launch(job);
  }

  async function runOnce(): Promise<number> {
    const jobs = await claim(batchSize);
    await Promise.all(jobs.map(launch));
    return jobs.length;
  }

  /** Resolves when wake() is called, `ms` pass, or (`onSettle`) a job finishes. */
  function pause(ms: number, onSettle: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        settled = undefined;
        resolve();
      }
      wake = done;
      if (onSettle) settled = done;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      const free = concurrency - inFlight;
      let claimed = 0;
      if (free >= Math.ceil(concurrency / 2)) {
        woken = false;
        try {
          const jobs = await claim(free);
          claimed = jobs.length;
          for (const job of jobs) void launch(job);
        } catch (error) {
          log.error({ err: error }, "worker round failed");
        }
      } else if (woken || performance.now() - expressCheckedAt >= pollIntervalMs) {
        try {
          await claimExpress();
        } catch (error) {
          log.error({ err: error }, "worker round failed");
        }
      }
      if (!running) break;
      // Woken while claiming: what was queued may have missed this round's claim.
      if (woken) continue;
      // Busy: wait for a free slot. Nothing due: wait for the poll interval or a wake-up.
      if (free < Math.ceil(concurrency / 2) || inFlight >= concurrency) await pause(pollIntervalMs, true);
      else if (claimed === 0) await pause(pollIntervalMs, false);
    }
    // stop(): let what is running finish (stop() bounds the wait).
    while (inFlight > 0) await pause(pollIntervalMs, true);
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop(timeoutMs = 7000) {
      running = false;
      // Sends waiting for their turn give up at once; sends already on the wire finish.
      stopping.abort();
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      if (loop) {
        await Promise.race([loop, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      }
      clearTimeout(timer);
      const released = await releaseJobs(db, id, now());
      if (released > 0) log.info({ released }, "released unfinished jobs");
      loop = undefined;
      stopping = stopSignal();
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
      woken = true;
      wake?.();
    },
  };
}
