// Schedules: node-cron says when; the database makes it happen once. A tick only queues a
// job keyed by task and slot ("tick:daily-digest:2026-11-24T01:00:00.000Z"), so however many
// instances run, the Job.key unique constraint lets one of them queue it and the worker that
// claims it runs the pass. node-cron's own distributed mode (one designated instance, chosen
// through an environment variable) is turned off: every instance ticks, the key decides.
//
// node-cron says *which* wall-clock times are slots (its matcher), but its own timers are not
// used: under a host zone with daylight saving they miss slots or spin when the host's clocks
// change. One timer of ours wakes at each minute (or second) boundary of the UTC clock, which
// no zone moves, and asks every schedule whether the minutes since the last wake are slots; a
// short stall is caught up minute by minute. When TIME_ZONE itself has daylight saving, a slot
// is one wall-clock time fired once (src/jobs/slots.ts): the repeated hour in autumn queues
// nothing twice, the skipped hour in spring fires at the first minute after the gap.
//
// node-cron never replays a missed fire (process down, event loop blocked), so every pass
// handles everything due, not just what fell due since the last tick, and at start-up the
// most recent slot of each schedule is queued again: a no-op when it already ran (same key),
// a catch-up when nobody was up to run it.
import { createTask, type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.js";
import { enqueue, type JobInput } from "../db/outbox.js";
import type { Logger } from "../logger.js";
import { createWallClock, isSlot } from "./slots.js";

export interface Schedule {
  /** The task id of the pass (a worker handler). */
  task: string;
  /** node-cron expression in the scheduler's time zone. */
  cron: string;
}

export interface SchedulerOptions {
  db: Database;
  logger: Logger;
  schedules: Schedule[];
  timeZone: string;
  now?: () => Date;
  /** Called after a tick queued something (wakes the worker). */
  onQueued?: () => void;
  /** How far back start-up looks for a missed slot. */
  catchUpWindowMs?: number;
}

export interface Scheduler {
  /** Queues the latest slot of every schedule (catch-up), then starts the cron timers. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues one tick; true when this call created the job (false: another instance did). */
  tick(task: string, slot: Date): Promise<boolean>;
  /** The latest slot at or before `now` of every schedule, queued; returns how many were new. */
  catchUp(): Promise<number>;
}

export function tickJob(task: string, slot: Date): JobInput {
  return { task, payload: { slot: slot.toISOString() }, key: `tick:${task}:${slot.toISOString()}` };
}

const MINUTE = 60_000;

/**
 * The latest minute at or before `now` that `matches`, within `windowMs`; undefined if none.
 */
export function latestSlot(matches: (date: Date) => boolean, now: Date, windowMs: number): Date | undefined {
  const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
  for (let at = start; at > now.getTime() - windowMs; at -= MINUTE) {
    const date = new Date(at);
    if (matches(date)) return date;
  }
  return undefined;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, logger, timeZone } = options;
  const now = options.now ?? (() => new Date());
  const catchUpWindowMs = options.catchUpWindowMs ?? 8 * 24 * 60 * MINUTE;
  const log = logger.child({ component: "scheduler" });
  let tasks: { schedule: Schedule; cron: ScheduledTask }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  // The last slot (ms since the epoch) that was looked at.
  let lastSlot = 0;

  // Never started: node-cron only matches wall-clock times (TIME_ZONE's, written as UTC dates) against the expression.
  const cronTasks = () =>
    options.schedules.map((schedule) => ({
      schedule,
      cron: createTask(schedule.cron, () => undefined, {
        timezone: "UTC",
        name: schedule.task,
        distributed: false,
      }),
    }));

  // Slots are minutes, or seconds when an expression has a seconds field (six fields).
  const step = options.schedules.some((s) => s.cron.trim().split(/\s+/).length === 6) ? 1000 : MINUTE;
  const wall = createWallClock(timeZone);
  const slotOf = (cron: ScheduledTask) => (date: Date) =>
    isSlot(date.getTime(), step, wall, (wallClock) => cron.match(wallClock));

  /** Queues every slot from the one after lastSlot up to the current one. */
  async function wake(): Promise<void> {
    const current = Math.floor(Date.now() / step) * step;
    // After a long stall (a suspended machine) the start-up catch-up's rule applies: every
    // pass handles everything due, so the latest hour of slots is enough.
    const from = Math.max(lastSlot + step, current - 60 * MINUTE);
    lastSlot = Math.max(lastSlot, current);
    for (let at = from; at <= current; at += step) {
      const slot = new Date(at);
      for (const { schedule, cron } of tasks) {
        if (!slotOf(cron)(slot)) continue;
        try {
          await tick(schedule.task, slot);
        } catch (error) {
          log.error({ err: error, task: schedule.task }, "could not queue a scheduled tick");
        }
      }
    }
  }

  function armTimer(): void {
    if (!running) return;
    const nowMs = Date.now();
    const next = (Math.floor(nowMs / step) + 1) * step;
    timer = setTimeout(() => {
      void wake().finally(armTimer);
    }, next - nowMs);
  }

  async function tick(task: string, slot: Date): Promise<boolean> {
    const created = await enqueue(db.prisma, db.dialect, [tickJob(task, slot)], now());
    if (created > 0) {
      log.debug({ task, slot }, "tick queued");
      options.onQueued?.();
    }
    return created > 0;
  }

  async function catchUp(): Promise<number> {
    const created = cronTasks();
    let queued = 0;
    try {
      for (const { schedule, cron } of created) {
        const slot = latestSlot(slotOf(cron), now(), catchUpWindowMs);
        if (slot && (await tick(schedule.task, slot))) queued++;
      }
    } finally {
      for (const { cron } of created) await cron.destroy();
    }
    return queued;
  }

  return {
    async start() {
      const queued = await catchUp();
      if (queued > 0) log.info({ queued }, "queued the schedules' latest slots at start-up");
      tasks = cronTasks();
      // The catch-up above queued the latest slot up to this minute; the timer takes the next ones.
      lastSlot = Math.floor(Date.now() / step) * step;
      running = true;
      armTimer();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const stopping = tasks;
      tasks = [];
      for (const { cron } of stopping) await cron.destroy();
    },
    tick,
    catchUp,
  };
}
