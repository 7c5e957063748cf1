// The update queue: getUpdates with offsets and long polling, or delivery to a webhook, with
// Telegram's rules: an offset confirms every update below it; one poller at a time; no
// getUpdates while a webhook is set; a webhook gets each update until it answers 2xx.
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import { BotApiError, badRequest, ok } from "./replies.js";
import type { Json, Reply } from "./types.js";

/** Bot API: getUpdates returns at most 100 updates. */
const MAX_LIMIT = 100;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

interface Waiting {
  limit: number;
  answer(reply: Reply): void;
}

export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export class UpdateQueue {
  private updates: Update[] = [];
  private waiting?: Waiting;
  private webhook?: Webhook;
  private delivering = false;
  private allowed?: Set<string>;
  private closed = false;
  /** Every update below this id has been confirmed: the bot has handled it. */
  private confirmedBelow = 0;
  private confirmWaiters = new Set<{ updateId: number; resolve(): void }>();

  constructor(
    private nextUpdateId = 1000,
    private readonly logger?: Logger,
  ) {}

  /** The update_id the next pushed update gets. */
  get nextId(): number {
    return this.nextUpdateId;
  }

  /** Queues an update (its update_id given or the next one) and wakes a waiting poll or the webhook. */
  push(update: Omit<Update, "update_id"> & { update_id?: number }): number {
    const updateId = update.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    const full = { ...update, update_id: updateId } as Update;
    if (this.allowed && !this.allowed.has(updateType(full))) return updateId;
    this.updates.push(full);
    this.updates.sort((a, b) => a.update_id - b.update_id);
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.answer(ok(this.updates.slice(0, waiting.limit)));
    }
    void this.deliver();
    return updateId;
  }

  /** Updates not yet confirmed by a getUpdates offset (or a webhook's 2xx). */
  get pending(): Update[] {
    return this.updates.slice();
  }

  /**
   * getUpdates: confirms below `offset`, answers at once when something is queued, otherwise
   * holds the call up to `timeout` seconds. `signal` ends a poll whose client went away.
   * Answers 409 while a webhook is set, and 409 to a waiting poll that a newer one replaces.
   */
  getUpdates(payload: Json, signal: AbortSignal): Promise<Reply> {
    if (this.webhook)
      throw new BotApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    if (offset > 0) {
      this.updates = this.updates.filter((u) => u.update_id >= offset);
      this.confirm(offset);
    } else if (offset < 0) this.updates = this.updates.slice(offset);
    if (Array.isArray(payload.allowed_updates))
      this.allowed = payload.allowed_updates.length
        ? new Set(payload.allowed_updates.map(String))
        : undefined;
    if (this.allowed) this.updates = this.updates.filter((u) => this.allowed!.has(updateType(u)));
    const limit = Math.min(
      MAX_LIMIT,
      Math.max(1, typeof payload.limit === "number" ? payload.limit : MAX_LIMIT),
    );
    const timeout = typeof payload.timeout === "number" ? payload.timeout : 0;

    this.waiting?.answer(
      new BotApiError(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      ).reply,
    );
    this.waiting = undefined;
    if (this.updates.length > 0 || timeout <= 0 || this.closed)
      return Promise.resolve(ok(this.updates.slice(0, limit)));

    return new Promise<Reply>((resolve) => {
      const waiting: Waiting = {
        limit,
        answer: (reply) => {
          clearTimeout(timer);
          signal.removeEventListener("abort", onAbort);
          if (this.waiting === waiting) this.waiting = undefined;
          resolve(reply);
        },
      };
      const timer = setTimeout(() => waiting.answer(ok([])), timeout * 1000);
      // The bot may abort its poll (bot.stop()); forget it so a push does not answer a dead socket.
      const onAbort = () => waiting.answer(ok([]));
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiting = waiting;
    });
  }

  /**
   * Resolves once the bot has confirmed `updateId` (a later getUpdates offset, or a webhook's
   * 2xx): it has handled the update and everything it answered is in the chats. Rejects after
   * `timeoutMs`.
   */
  handled(updateId: number, timeoutMs = 10_000): Promise<void> {
    if (updateId < this.confirmedBelow) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        updateId,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.confirmWaiters.delete(waiter);
        reject(new Error(`update ${updateId} was not handled within ${timeoutMs} ms`));
      }, timeoutMs);
      this.confirmWaiters.add(waiter);
    });
  }

  private confirm(below: number): void {
    this.confirmedBelow = Math.max(this.confirmedBelow, below);
    for (const waiter of this.confirmWaiters)
      if (waiter.updateId < this.confirmedBelow) {
        this.confirmWaiters.delete(waiter);
        waiter.resolve();
      }
  }

  /** setWebhook; an empty url removes it. Throws BotApiError 400 for a bad URL or secret. */
  setWebhook(payload: Json): Reply {
    const url = typeof payload.url === "string" ? payload.url : "";
    if (url === "") return this.deleteWebhook(payload);
    if (!/^https?:\/\/[^\s/]+/i.test(url)) throw badRequest("bad webhook: invalid URL");
    const secret = payload.secret_token;
    if (secret !== undefined && !(typeof secret === "string" && SECRET_TOKEN.test(secret)))
      throw badRequest("secret token contains unallowed characters");
    if (payload.drop_pending_updates === true) this.updates = [];
    const maxConnections = typeof payload.max_connections === "number" ? payload.max_connections : 40;
    this.webhook = {
      url,
      maxConnections,
      ...(typeof secret === "string" ? { secretToken: secret } : {}),
      ...(Array.isArray(payload.allowed_updates)
        ? { allowedUpdates: payload.allowed_updates.map(String) }
        : {}),
    };
    if (this.webhook.allowedUpdates?.length) this.allowed = new Set(this.webhook.allowedUpdates);
    this.waiting?.answer(ok([]));
    void this.deliver();
    return ok(true);
  }

  deleteWebhook(payload: Json): Reply {
    this.webhook = undefined;
    if (payload.drop_pending_updates === true) this.updates = [];
    return ok(true);
  }

  /** getWebhookInfo, in Telegram's shape. */
  webhookInfo(): Json {
    const hook = this.webhook;
    return {
      url: hook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
      ...(hook
        ? {
            max_connections: hook.maxConnections,
            ...(hook.allowedUpdates ? { allowed_updates: hook.allowedUpdates } : {}),
            ...(hook.lastErrorDate
              ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage }
              : {}),
          }
        : {}),
    };
  }

  /** Forgets every update (a reset sandbox); update ids keep increasing. */
  clear(): void {
    this.updates = [];
  }

  /** Answers a waiting poll with [] and stops webhook delivery. */
  close(): void {
    this.closed = true;
    this.waiting?.answer(ok([]));
  }

  /** Posts queued updates to the webhook one by one, oldest first, retrying with backoff. */
  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    let failures = 0;
    try {
      while (this.webhook && !this.closed && this.updates.length > 0) {
        const hook = this.webhook;
        const update = this.updates[0]!;
        const error = await post(hook, update);
        if (error === undefined) {
          this.updates = this.updates.filter((u) => u.update_id !== update.update_id);
          this.confirm(update.update_id + 1);
          failures = 0;
          continue;
        }
        hook.lastErrorDate = Math.floor(Date.now() / 1000);
        hook.lastErrorMessage = error;
        this.logger?.warn({ url: hook.url, updateId: update.update_id, error }, "webhook delivery failed");
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** failures++)));
      }
    } finally {
      this.delivering = false;
    }
  }
}

async function post(hook: Webhook, update: Update): Promise<string | undefined> {
  try {
    const response = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}),
      },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? undefined : `Wrong response from the webhook: ${response.status}`;
  } catch (error) {
    return `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The kind of an update: its one field besides update_id ("message", "callback_query", …). */
export function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "";
}
