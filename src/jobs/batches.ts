// Walking a large table a batch at a time, each batch handled (and its writes committed)
// before the next is read, with a turn of the event loop in between so that updates and
// sends keep flowing while a schedule pass runs.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

export const DEFAULT_BATCH_SIZE = 500;

export interface WalkOptions {
  batchSize?: number;
  /** Stops between batches (the worker is shutting down); what is left is done by the next pass. */
  signal?: AbortSignal;
  /** Called after every batch, e.g. to renew the job's lease. */
  afterBatch?: () => Promise<unknown>;
}

/** Walks by ascending id (a cursor); returns how many rows were handled. */
export async function walkInBatches<T extends { id: number }>(
  fetch: (afterId: number, take: number) => Promise<T[]>,
  handle: (rows: T[]) => Promise<void>,
  { batchSize = DEFAULT_BATCH_SIZE, signal, afterBatch }: WalkOptions = {},
): Promise<number> {
  let afterId = 0;
  let total = 0;
  for (;;) {
    if (signal?.aborted) break;
    const rows = await fetch(afterId, batchSize);
    if (rows.length === 0) break;
    await handle(rows);
    total += rows.length;
    afterId = rows[rows.length - 1]!.id;
    await afterBatch?.();
    await yieldToEventLoop();
    if (rows.length < batchSize) break;
  }
  return total;
}

/**
 * Handles everything a query finds, a batch at a time, for passes whose handling takes the
 * rows out of the query's result (the case is marked as reminded): each round asks again
 * for the first `batchSize` still due, so the database can answer from the index that
 * matches the condition instead of walking the primary key. A round that brings back only
 * rows already handled (they could not be marked) ends the pass.
 */
export async function drainInBatches<T extends { id: number }>(
  fetch: (take: number) => Promise<T[]>,
  handle: (rows: T[]) => Promise<void>,
  { batchSize = DEFAULT_BATCH_SIZE, signal, afterBatch }: WalkOptions = {},
): Promise<number> {
  const seen = new Set<number>();
  for (;;) {
    if (signal?.aborted) break;
    const rows = (await fetch(batchSize)).filter((row) => !seen.has(row.id));
    if (rows.length === 0) break;
    await handle(rows);
    for (const row of rows) seen.add(row.id);
    await afterBatch?.();
    await yieldToEventLoop();
  }
  return seen.size;
}
