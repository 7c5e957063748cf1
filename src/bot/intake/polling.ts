// Long polling that loses nothing and keeps the pipe full.
//
// - Nothing lost: the offset sent to Telegram, which confirms every update below it, never
//   passes an update that is still being handled: it is the lowest update_id in flight (or one
//   past the last one seen when nothing is). A process killed at any moment gets its
//   unfinished updates again, and the update_id claims (process-update.ts) skip the ones it
//   had finished.
// - A sliding window instead of lockstep batches: the next getUpdates goes out as soon as
//   the update ids in hand, from the oldest still in flight to the newest seen, span at most
//   half the limit, not when the slowest update of a batch is done, so the pacer always has
//   the next answers waiting and a slow update (a file download, a long transaction) does not
//   hold up the others at once. Because the offset stays at the oldest update in flight,
//   Telegram sends it and everything after it again with the new ones; those are skipped
//   (everything below `nextId` was seen already). So a slow update lets up to `limit` − 1
//   later ones start before it finishes; after that, polling waits for it (Telegram's offset
//   cannot skip an update).
// - Each chat's updates are handled one after another, in order, across polls; different
//   chats run concurrently.
//
// Hand-written rather than @grammyjs/runner: the runner confirms an update as soon as it has
// fetched it (its source advances the offset past everything it returned), which breaks the
// first promise.
import { type Api, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { ProcessUpdate } from "./process-update.js";

export interface PollerOptions {
  api: Api;
  process: ProcessUpdate;
  logger: Logger;
  /** getUpdates' long-poll timeout while nothing is in flight, in seconds (Bot API: getUpdates). */
  timeoutSeconds?: number;
  /** Updates asked for per getUpdates, 1–100 (Bot API: getUpdates); the window is this wide. */
  limit?: number;
  /**
   * While updates are in flight and a poll brought nothing new, the next poll waits for one
   * of them to finish or this many milliseconds, whichever comes first (250 unless set): a
   * poll then answers at once (the unconfirmed updates are still there), so this bounds how
   * often it is repeated while something slow is in hand.
   */
  busyPollMs?: number;
  /** Called when polling cannot go on (a rejected token, a failing database). */
  onFatal?: (error: unknown) => void;
}

export interface Poller {
  start(): Promise<void>;
  /** Stops polling, waits until every update in flight is handled; resolves when the loop has ended. */
  stop(): Promise<void>;
}

export const allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** The key whose updates are handled in order: the chat, else the sender, else the update alone. */
function chatKey(update: Update): string {
  const chat =
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.my_chat_member?.chat.id;
  return chat === undefined ? `update:${update.update_id}` : String(chat);
}

/**
 * Polls getUpdates and hands each update to `process`, at most `limit` in flight. A 401 or an
 * error thrown by `process` (which handles and answers everything else itself) ends polling:
 * the updates already being handled are finished, the failed one and those of its chat queued
 * behind it are not started and stay unconfirmed, and `onFatal` is called. Other getUpdates
 * failures are retried after `retry_after` (a 429) or a backoff from 0.5 s doubling to 30 s;
 * stop() ends such a wait at once.
 */
export function createPoller({
  api,
  process,
  logger,
  timeoutSeconds = 30,
  limit = 100,
  busyPollMs = 250,
  onFatal,
}: PollerOptions): Poller {
  let running = false;
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;
  /** Ends the loop's current wait early: an update finished, or stop() was called. */
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    wake?.();
    wake = undefined;
  };
  /** Waits `ms` (for ever when undefined) or until wakeUp(), whichever comes first. */
  const pause = (ms?: number) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function run(): Promise<void> {
    /** Update ids being handled, ascending (they are dispatched in the order Telegram numbers them). */
    const inFlight: number[] = [];
    /** The tail of each chat's chain of updates. */
    const chains = new Map<string, Promise<void>>();
    /** Every update below it has been dispatched (or was confirmed before this process). */
    let nextId: number | undefined;
    let fatal: { error: unknown } | undefined;

    const dispatch = (update: Update) => {
      const id = update.update_id;
      inFlight.push(id);
      const key = chatKey(update);
      const chain = (chains.get(key) ?? Promise.resolve()).then(async () => {
        if (fatal) return; // left unconfirmed: handled again after a restart
        try {
          await process(update);
          inFlight.splice(inFlight.indexOf(id), 1);
        } catch (error) {
          fatal ??= { error };
        }
      });
      chains.set(key, chain);
      void chain.then(() => {
        if (chains.get(key) === chain) chains.delete(key);
        wakeUp();
      });
    };

    let failures = 0;
    try {
      while (running && !fatal) {
        // Telegram answers from the oldest update in flight: the finished ones after it come
        // again too, so the window is measured in update ids, not in updates in flight.
        if (inFlight.length > 0 && nextId! - inFlight[0]! > limit / 2) {
          await pause();
          continue;
        }
        const offset = inFlight[0] ?? nextId;
        let updates: Update[];
        try {
          controller = new AbortController();
          updates = await api.getUpdates(
            {
              offset,
              limit,
              timeout: inFlight.length > 0 ? 0 : timeoutSeconds,
              allowed_updates: [...allowedUpdates],
            },
            controller.signal as Parameters<Api["getUpdates"]>[1],
          );
          failures = 0;
        } catch (error) {
          if (!running) break;
          if (error instanceof GrammyError && error.error_code === 401) throw error;
          const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
          const delay = retryAfter ? retryAfter * 1000 : Math.min(30_000, 500 * 2 ** failures++);
          logger.warn(
            { err: error instanceof HttpError ? error.message : error, delay },
            "getUpdates failed",
          );
          // Updates finishing wake the loop too; only stop() ends the backoff early.
          for (const until = Date.now() + delay; running && Date.now() < until; )
            await pause(until - Date.now());
          continue;
        }
        const fresh = nextId === undefined ? updates : updates.filter((u) => u.update_id >= nextId!);
        if (fresh.length === 0) {
          if (inFlight.length > 0) await pause(busyPollMs);
          continue;
        }
        for (const update of fresh) dispatch(update);
        nextId = fresh[fresh.length - 1]!.update_id + 1;
      }
    } finally {
      // Finish what is in hand, so that stop() returns with nothing half done.
      while (chains.size > 0) await Promise.all([...chains.values()]);
    }
    if (fatal) throw fatal.error;
  }

  return {
    async start() {
      if (running) return;
      running = true;
      loop = run().catch((error) => {
        running = false;
        logger.fatal({ err: error }, "polling stopped");
        onFatal?.(error);
      });
    },
    async stop() {
      running = false;
      controller?.abort();
      wakeUp();
      await loop?.catch(() => undefined);
    },
  };
}
