// The durable job queue's worker side (jobs are queued by the outbox, src/db/outbox.ts). A
// job is claimed by one atomic UPDATE … RETURNING (with FOR UPDATE SKIP LOCKED on
// PostgreSQL; SQLite has one writer, so the statement itself is the lock); a crashed
// worker's jobs come back when their lease expires.
import type { Database, Dialect } from "../db/client.js";
import { directQuery } from "../db/direct.js";

export interface JobRow {
  id: number;
  task: string;
  payload: string;
  key: string | null;
  status: string;
  priority: number;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  /** Set when an earlier attempt handed the message to Telegram without learning the outcome. */
  sendStartedAt: Date | null;
}

// Due jobs in the claim's order, through the index on (status, priority DESC, runAt, id) so
// that a claim reads as many index entries as it takes (plus due-later ones it skips), and
// running jobs whose lease has expired (their worker died) through (status, lockedUntil).
// Plain SQL (src/db/direct.ts). The limit and the task list are written into the statement
// (a worker has one of each), since SQLite plans `LIMIT ?` and a task list given as a
// parameter several times slower; SQLite is also told the index, which it does not prefer
// without statistics (it would sort every due job), and the lease index for expired jobs
// (read in lease order). PostgreSQL takes the claim's index once the Job table has statistics
// (autovacuum's analyze); a table that never had them is planned as a sort of every queued
// job (bench/queue-claims.ts measured 422 against 959 claims/s). On PostgreSQL the statement
// is prepared once per connection (no parsing or planning per claim).
function claimSql(
  dialect: Dialect,
  limit: number,
  tasks: string[] | undefined,
  abovePriority: number | undefined,
): string {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`claim limit must be a positive integer, got ${limit}`);
  if (abovePriority !== undefined && !Number.isInteger(abovePriority))
    throw new RangeError(`claim priority must be an integer, got ${abovePriority}`);
  const quoted = tasks?.map((task) => `'${task.replaceAll("'", "''")}'`).join(",");
  const priorityFilter = abovePriority === undefined ? "" : ` AND "priority">${abovePriority}`;
  const taskFilter =
    (quoted === undefined ? "" : quoted === "" ? "AND FALSE" : `AND "task" IN (${quoted})`) + priorityFilter;
  const sqlite = dialect === "sqlite";
  const time = sqlite ? "?" : "?::timestamp";
  const lock = sqlite ? "" : " FOR UPDATE SKIP LOCKED";
  const orderIndex = sqlite ? ` INDEXED BY "Job_status_priority_runAt_id_idx"` : "";
  const leaseIndex = sqlite ? ` INDEXED BY "Job_status_lockedUntil_idx"` : "";
  return `UPDATE "Job" SET "status"='running', "lockedBy"=?, "lockedUntil"=${time}, "attempts"="attempts"+1, "updatedAt"=${time}
    WHERE "id" IN (SELECT "id" FROM (
      SELECT "id","priority","runAt" FROM (
        SELECT "id","priority","runAt" FROM "Job"${orderIndex}
        WHERE "status"='queued' AND "runAt"<=${time} ${taskFilter}
        ORDER BY "priority" DESC, "runAt", "id" LIMIT ${limit}${lock}) AS due
      UNION ALL
      SELECT "id","priority","runAt" FROM (
        SELECT "id","priority","runAt" FROM "Job"${leaseIndex}
        WHERE "status"='running' AND "lockedUntil"<${time} ${taskFilter}
        ORDER BY "lockedUntil" LIMIT ${limit}${lock}) AS expired
    ) AS candidates ORDER BY "priority" DESC, "runAt", "id" LIMIT ${limit})${sqlite ? "" : durability}
    RETURNING *`;
}

// PostgreSQL: a claim's commit need not wait for the disk. A claim lost in a crash leaves its
// job queued, to be claimed again; the first write that must last (markSending before a send,
// or the job's completion) is a normal commit, which also makes the claim's WAL durable.
const durability = ` AND set_config('synchronous_commit', 'off', true) IS NOT NULL`;

const claimStatements = new Map<string, string>();

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Only these tasks; all when omitted. */
  tasks?: string[];
  /** Only jobs of a higher priority than this (the worker's express claim while it is busy). */
  abovePriority?: number;
}

export async function claimJobs(db: Database, options: ClaimOptions): Promise<JobRow[]> {
  const { workerId, limit, leaseMs, now } = options;
  const statementKey = `${db.dialect}|${limit}|${options.tasks?.join(",")}|${options.abovePriority}`;
  let sql = claimStatements.get(statementKey);
  if (!sql) {
    sql = claimSql(db.dialect, limit, options.tasks, options.abovePriority);
    claimStatements.set(statementKey, sql);
  }
  const rows = await directQuery<JobRow>(
    db,
    sql,
    [workerId, new Date(now.getTime() + leaseMs), now, now, now],
    {
      prepare: true,
    },
  );
  return rows.map(normalizeRow).sort((a, b) => b.priority - a.priority || +a.runAt - +b.runAt || a.id - b.id);
}

// Raw rows come back with driver types: BigInt counters on PostgreSQL, numbers on SQLite.
function normalizeRow(row: JobRow): JobRow {
  return {
    ...row,
    id: Number(row.id),
    priority: Number(row.priority),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
    runAt: new Date(row.runAt),
    lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
    sendStartedAt: row.sendStartedAt ? new Date(row.sendStartedAt) : null,
  };
}

/** Columns of a held job that the worker sets: plain values (no Prisma operations). */
type JobUpdate = Partial<
  Pick<
    JobRow,
    "status" | "attempts" | "runAt" | "lockedBy" | "lockedUntil" | "lastError" | "sendStartedAt"
  > & { finishedAt: Date | null; updatedAt: Date }
>;

/**
 * Updates a job only while this worker holds its lease; false when another has taken it over.
 * Plain SQL, one prepared statement per set of columns (a handful): the worker runs two of
 * these per job, and a Prisma query costs about a millisecond of query compilation each.
 */
async function updateHeldJob(db: Database, job: JobRow, workerId: string, data: JobUpdate): Promise<boolean> {
  const columns = Object.keys(data).sort() as (keyof JobUpdate)[];
  const sql = `UPDATE "Job" SET ${columns.map((c) => `"${c}"=?`).join(", ")} WHERE "id"=? AND "status"='running' AND "lockedBy"=? RETURNING "id"`;
  const rows = await directQuery(db, sql, [...columns.map((c) => data[c] ?? null), job.id, workerId], {
    prepare: true,
  });
  return rows.length === 1;
}

/** The fields of a job that has ended, one way or another. */
function ended(status: "done" | "failed" | "dead", now: Date) {
  return { status, finishedAt: now, lockedBy: null, lockedUntil: null, updatedAt: now };
}

/** Marks a job done, but only if this worker still holds its lease; `note` is kept in lastError. */
export function completeJob(
  db: Database,
  job: JobRow,
  workerId: string,
  now: Date,
  note?: string,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, {
    ...ended("done", now),
    ...(note ? { lastError: note.slice(0, 2000) } : {}),
  });
}

/**
 * Records, just before a message is handed to Telegram, that its outcome is about to become
 * uncertain, and renews the lease. False when this worker no longer holds the job (it was
 * paused past its lease and another worker took the job over): then it must not send.
 */
export function markSending(
  db: Database,
  job: JobRow,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, {
    sendStartedAt: now,
    lockedUntil: new Date(now.getTime() + leaseMs),
    updatedAt: now,
  });
}

/** Renews the lease of a long job (a schedule pass); false when this worker lost it. */
export function extendLease(
  db: Database,
  job: JobRow,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, { lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
}

/** Capped exponential backoff with jitter: 2 s, 4 s, 8 s … up to 10 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(600_000, 1000 * 2 ** Math.max(1, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}

export type FailureOutcome = { kind: "retry"; runAt: Date } | { kind: "dead" } | { kind: "failed" };

/**
 * Records a failure: retried after a backoff while attempts remain, else dead-lettered.
 * `permanent` failures (the recipient blocked the bot) are never retried.
 */
export async function failJob(
  db: Database,
  job: JobRow,
  workerId: string,
  error: string,
  now: Date,
  options: {
    permanent?: boolean;
    retryAt?: Date;
    countAttempt?: boolean;
    /** The send marker to leave on the job; unchanged when omitted (an uncertain send keeps its own). */
    sendStartedAt?: Date | null;
  } = {},
): Promise<FailureOutcome> {
  const lastError = error.slice(0, 2000);
  const marker = options.sendStartedAt === undefined ? {} : { sendStartedAt: options.sendStartedAt };
  if (options.permanent) {
    await updateHeldJob(db, job, workerId, { ...ended("failed", now), lastError });
    return { kind: "failed" };
  }
  const attempts = options.countAttempt === false ? job.attempts - 1 : job.attempts;
  if (attempts >= job.maxAttempts) {
    await updateHeldJob(db, job, workerId, { ...ended("dead", now), lastError, ...marker });
    return { kind: "dead" };
  }
  const runAt = options.retryAt ?? new Date(now.getTime() + backoffMs(attempts));
  await updateHeldJob(db, job, workerId, {
    status: "queued",
    attempts,
    runAt,
    lastError,
    lockedBy: null,
    lockedUntil: null,
    updatedAt: now,
    ...marker,
  });
  return { kind: "retry", runAt };
}

/** Puts a worker's running jobs back in the queue (graceful shutdown). */
export async function releaseJobs(db: Database, workerId: string, now: Date): Promise<number> {
  const { count } = await db.prisma.job.updateMany({
    where: { status: "running", lockedBy: workerId },
    // The interrupted attempt does not count against the job.
    data: { status: "queued", attempts: { decrement: 1 }, lockedBy: null, lockedUntil: null, updatedAt: now },
  });
  return count;
}

export interface DeadJob {
  id: number;
  task: string;
  key: string | null;
  payload: string;
  attempts: number;
  lastError: string | null;
  finishedAt: Date | null;
}

/** Dead-lettered jobs, newest first: what staff look at to see why something was never sent. */
export function listDeadJobs(db: Database, limit = 50): Promise<DeadJob[]> {
  return db.prisma.job.findMany({
    where: { status: "dead" },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      task: true,
      key: true,
      payload: true,
      attempts: true,
      lastError: true,
      finishedAt: true,
    },
  });
}

/**
 * Deletes up to `limit` jobs in these statuses that finished before `before`; returns how many.
 * Called in a loop by housekeeping, so that each delete is one short statement.
 */
export async function deleteFinishedJobs(
  db: Database,
  statuses: string[],
  before: Date,
  limit: number,
): Promise<number> {
  const rows = await db.prisma.job.findMany({
    where: { status: { in: statuses }, finishedAt: { lt: before } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const { count } = await db.prisma.job.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return count;
}
