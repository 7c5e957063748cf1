// The outbox: jobs, and the messages the bot owes people, written into the "Job" table
// inside the caller's transaction, so that a change and the messages it causes commit
// together and a crash loses neither (the worker in src/jobs claims and runs them). A job's
// `key` makes queuing the same work twice a no-op.
import { deliveryPolicy, type MessageFamily, messageKey, type OutgoingMessage } from "../domain/messages.js";
import type { Dialect } from "./client.js";

/**
 * A Prisma client, an interactive-transaction client, or a plain-SQL transaction
 * (src/db/direct.ts): queue inside the caller's transaction.
 */
export interface Tx {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's own signature.
  $executeRawUnsafe(query: string, ...values: any[]): Promise<number>;
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's own signature.
  $queryRawUnsafe<T = unknown>(query: string, ...values: any[]): Promise<T>;
}

export interface JobInput {
  task: string;
  payload: unknown;
  /** Idempotency key: a second job with the same key is not created. */
  key?: string;
  runAt?: Date;
  priority?: number;
  maxAttempts?: number;
}

/**
 * The task id each message family is queued under (one delivery task in src/jobs handles
 * them all). The ids predate the shared pipeline and are kept, so that jobs queued by an
 * older release are still sent.
 */
export const messageTasks: Record<MessageFamily, string> = {
  case: "notify",
  reminder: "send-reminder",
  activity: "activity-notice",
  broadcast: "broadcast_send",
};

/** A message as a job: its family's task, its key, priority and attempts from the domain's policy. */
export function messageJob(message: OutgoingMessage, runAt?: Date): JobInput {
  const policy = deliveryPolicy(message.kind);
  return {
    task: messageTasks[policy.family],
    payload: message,
    key: messageKey(message),
    runAt,
    priority: policy.priority,
    maxAttempts: policy.maxAttempts,
  };
}

const insertColumns = `"task","payload","key","status","priority","runAt","attempts","maxAttempts","createdAt","updatedAt"`;
// Rows per INSERT: one statement per ~100 jobs keeps a schedule pass's transactions short,
// well inside SQLite's limit of 32,766 bound parameters.
const insertChunk = 100;

function insertSql(dialect: Dialect, rows: number): string {
  const values: string[] = [];
  for (let row = 0; row < rows; row++) {
    const p = (i: number) => (dialect === "sqlite" ? "?" : `$${row * 8 + i}`);
    values.push(`(${p(1)},${p(2)},${p(3)},'queued',${p(4)},${p(5)},0,${p(6)},${p(7)},${p(8)})`);
  }
  return `INSERT INTO "Job" (${insertColumns}) VALUES ${values.join(",")} ON CONFLICT ("key") DO NOTHING`;
}

// Jobs this process has queued so far: the update processor compares it before and after an
// update to wake the worker once, after the update's transactions have committed (src/app.ts).
let queuedSoFar = 0;

/** How many jobs this process has queued since it started (see above). */
export function outboxWrites(): number {
  return queuedSoFar;
}

/**
 * Queues jobs (inside the caller's transaction when `tx` is one); returns how many were new
 * (those whose key already existed are skipped). Raw SQL: one multi-row INSERT per 100 jobs.
 */
export async function enqueue(tx: Tx, dialect: Dialect, jobs: JobInput[], now: Date): Promise<number> {
  let created = 0;
  for (let start = 0; start < jobs.length; start += insertChunk) {
    const chunk = jobs.slice(start, start + insertChunk);
    const params = chunk.flatMap((job) => [
      job.task,
      JSON.stringify(job.payload ?? null),
      job.key ?? null,
      job.priority ?? 0,
      job.runAt ?? now,
      job.maxAttempts ?? 8,
      now,
      now,
    ]);
    created += await tx.$executeRawUnsafe(insertSql(dialect, chunk.length), ...params);
  }
  queuedSoFar += created;
  return created;
}

/**
 * Queues messages (see messageJob) inside the caller's transaction, due at `runAt` (now when
 * omitted); returns how many were new.
 */
export function enqueueMessages(
  tx: Tx,
  dialect: Dialect,
  messages: OutgoingMessage[],
  now: Date,
  runAt?: Date,
): Promise<number> {
  return enqueue(
    tx,
    dialect,
    messages.map((message) => messageJob(message, runAt)),
    now,
  );
}
