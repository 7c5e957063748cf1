// Long polling that loses nothing: the offset that confirms a batch to Telegram is sent
// only after every update of the batch is handled (and recorded), so a process killed at any
// moment gets the unfinished updates again, and the update_id claims skip the finished ones.
// Within a batch, chats run concurrently and each chat's updates in order.
import { type Api, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { ProcessUpdate } from "./process-update.js";

export interface PollerOptions {
  api: Api;
  process: ProcessUpdate;
  logger: Logger;
  timeoutSeconds?: number;
  limit?: number;
  /** Called when polling cannot go on (a rejected token, a failing database). */
  onFatal?: (error: unknown) => void;
}

export interface Poller {
  start(): Promise<void>;
  /** Stops after the batch in hand is handled; resolves when the loop has ended. */
  stop(): Promise<void>;
}

export const allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

function chatKey(update: Update): string {
  const chat =
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.my_chat_member?.chat.id;
  return chat === undefined ? `update:${update.update_id}` : String(chat);
}

export async function handleBatch(updates: Update[], process: ProcessUpdate): Promise<void> {
  const byChat = new Map<string, Update[]>();
  for (const update of updates) {
    const key = chatKey(update);
    byChat.set(key, [...(byChat.get(key) ?? []), update]);
  }
  await Promise.all(
    [...byChat.values()].map(async (chatUpdates) => {
      for (const update of chatUpdates) await process(update);
    }),
  );
}

export function createPoller({
  api,
  process,
  logger,
  timeoutSeconds = 30,
  limit = 100,
  onFatal,
}: PollerOptions): Poller {
  let running = false;
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  async function run(): Promise<void> {
    let offset: number | undefined;
    let failures = 0;
    while (running) {
      let updates: Update[];
      try {
        controller = new AbortController();
        updates = await api.getUpdates(
          { offset, limit, timeout: timeoutSeconds, allowed_updates: [...allowedUpdates] },
          controller.signal as Parameters<Api["getUpdates"]>[1],
        );
        failures = 0;
      } catch (error) {
        if (!running) break;
        if (error instanceof GrammyError && error.error_code === 401) throw error;
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const delay = retryAfter ? retryAfter * 1000 : Math.min(30_000, 500 * 2 ** failures++);
        logger.warn({ err: error instanceof HttpError ? error.message : error, delay }, "getUpdates failed");
        await new Promise((r) => setTimeout(r, delay));
        continue;
      }
      if (updates.length === 0) continue;
      await handleBatch(updates, process);
      offset = updates[updates.length - 1]!.update_id + 1;
    }
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
      await loop?.catch(() => undefined);
    },
  };
}
