// The pacer: every message this process sends waits here for its turn, so that the bot stays
// inside Telegram's flood limits instead of learning them from 429s (ignoring limits, not
// hitting them, is what gets bots banned).
//
// - Overall: sends are spaced evenly at `ratePerSecond`, so that any one-second window holds
//   at most about that many. The spacing is kept as a generic cell rate algorithm (GCRA,
//   ITU-T I.371: a theoretical time of the next send, and a tolerance): at rates of 200/s and
//   more, sends may run up to 10 ms' worth ahead of the schedule (a burst of rate/100), so that
//   a timer that fires a few milliseconds late, as timers on a busy event loop do, does not
//   cost the rate; below 200/s, Telegram's range (25/s by default), the tolerance is 0 and
//   the spacing strictly even, as before. Several instances divide the bot's budget
//   (SEND_RATE_PER_SECOND / SEND_INSTANCES): no database round trip per message, at the price
//   of an idle instance's share going unused. A 429 met by the delivery engine
//   (src/jobs/delivery.ts: every queued message) is shared through the database instead, so
//   that it pauses every instance; one met through the transformer below (answers, a
//   broadcast's progress edits) pauses this process only.
// - Per chat: the next queued message to a chat starts only `1 / perChatPerSecond` after the
//   previous one to it has *finished*: Telegram surely had the previous one by then, so even
//   with network jitter the two arrive far enough apart. Groups also keep to 20 per minute.
// - A 429 pauses all sending for its retry_after, halves the rate, and the rate then creeps
//   back to full over about ten seconds' worth of successful sends.
// - Two lanes: answers to the person who just acted ("interactive", through the grammY
//   transformer below) go before queued messages ("bulk") and skip the per-chat spacing
//   (Telegram tolerates short bursts in a conversation), but count against everything else.
// - Within the bulk lane, a higher `priority` (the job's, src/domain/messages.ts) goes first:
//   a case notification queued while a broadcast is being sent waits for the next free slot,
//   not behind every broadcast message already waiting (equal priorities keep their order).
import type { Transformer } from "grammy";

export type Lane = "interactive" | "bulk";
export type ChatId = number | string;

export interface PacerOptions {
  ratePerSecond: number;
  perChatPerSecond: number;
  groupPerMinute: number;
  /** A monotonic clock in milliseconds; injectable for tests. */
  clock?: () => number;
}

export interface Permit {
  /** The request finished (answered or failed); `ok` lets the rate recover after a 429. */
  done(outcome: "ok" | "failed"): void;
}

export interface PacerStats {
  granted: number;
  pauses: number;
  /** The share of the full rate currently allowed (below 1 after a 429). */
  rateFactor: number;
  waiting: number;
}

export interface Pacer {
  /**
   * Waits for a turn to send to `chatId`; rejects with PacerAbortedError when `signal` aborts.
   * In the bulk lane a higher `priority` (default 0) is granted before lower ones waiting.
   */
  acquire(
    chatId: ChatId | undefined,
    options?: { lane?: Lane; signal?: AbortSignal; priority?: number },
  ): Promise<Permit>;
  /** Telegram answered 429: no sending for `ms`, then at a reduced rate. */
  pause(ms: number): void;
  /** How long sending stays paused from now (0 when it is not), in milliseconds. */
  pausedForMs(): number;
  stats(): PacerStats;
}

export class PacerAbortedError extends Error {
  constructor() {
    super("stopped while waiting for a turn to send");
    this.name = "PacerAbortedError";
  }
}

interface Waiter {
  chat: string | undefined;
  lane: Lane;
  priority: number;
  resolve(permit: Permit): void;
  reject(error: Error): void;
  detach(): void;
}

interface ChatState {
  inFlight: number;
  nextAt: number;
}

const MIN_RATE_FACTOR = 0.1;

/** The share of a second whose worth of sends may go ahead of the even schedule (10 ms). */
export const PACER_BURST_SECONDS = 0.01;

/**
 * How far ahead of the even schedule a send may start, in ms: (burst − 1) spacings, where the
 * burst is `ratePerSecond` × PACER_BURST_SECONDS sends, rounded down and at least 1 (so 0 ms
 * below 200/s). GCRA's tolerance τ (ITU-T I.371).
 */
export function pacerToleranceMs(ratePerSecond: number): number {
  const burst = Math.max(1, Math.floor(ratePerSecond * PACER_BURST_SECONDS));
  return ((burst - 1) * 1000) / ratePerSecond;
}

/** Negative ids (and @channel names) are groups, supergroups and channels. */
export function isGroupChat(chatId: ChatId): boolean {
  return typeof chatId === "number" ? chatId < 0 : chatId.startsWith("-") || chatId.startsWith("@");
}

export function createPacer(options: PacerOptions): Pacer {
  const clock = options.clock ?? (() => performance.now());
  const chatSpacingMs = 1000 / options.perChatPerSecond;
  const groupSpacingMs = Math.max(chatSpacingMs, 60_000 / options.groupPerMinute);
  const toleranceMs = pacerToleranceMs(options.ratePerSecond);
  // From half rate back to full in about ten seconds' worth of sends.
  const recoveryStep = 1 / (10 * options.ratePerSecond);
  const queues: Record<Lane, Waiter[]> = { interactive: [], bulk: [] };
  const chats = new Map<string, ChatState>();
  let nextGlobalAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let rateFactor = 1;
  let granted = 0;
  let pauses = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;

  function wakeAt(at: number, now: number): void {
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Number.POSITIVE_INFINITY;
        pump();
      },
      Math.max(1, Math.ceil(at - now)),
    );
    // Waiting sends never keep the process alive on their own.
    timer.unref();
  }

  function chatFreeAt(chat: string | undefined): number {
    if (chat === undefined) return Number.NEGATIVE_INFINITY;
    const state = chats.get(chat);
    if (!state) return Number.NEGATIVE_INFINITY;
    // A chat with a request in flight is freed by its permit's done(), which pumps again.
    return state.inFlight > 0 ? Number.POSITIVE_INFINITY : state.nextAt;
  }

  /** The next waiter allowed to go now, removed from its queue; else when to look again. */
  function pick(now: number): Waiter | number {
    const interactive = queues.interactive.shift();
    if (interactive) return interactive;
    let earliest = Number.POSITIVE_INFINITY;
    // A chat whose first waiter must wait blocks its later waiters too: order per chat is kept.
    const blocked = new Set<string>();
    for (let i = 0; i < queues.bulk.length; i++) {
      const waiter = queues.bulk[i]!;
      if (waiter.chat !== undefined && blocked.has(waiter.chat)) continue;
      const freeAt = chatFreeAt(waiter.chat);
      if (freeAt <= now) {
        queues.bulk.splice(i, 1);
        return waiter;
      }
      earliest = Math.min(earliest, freeAt);
      if (waiter.chat !== undefined) blocked.add(waiter.chat);
    }
    return earliest;
  }

  function grant(waiter: Waiter, now: number): void {
    waiter.detach();
    granted++;
    nextGlobalAt = Math.max(nextGlobalAt, now) + 1000 / (options.ratePerSecond * rateFactor);
    const chat = waiter.chat;
    if (chat !== undefined) {
      const state = chats.get(chat) ?? { inFlight: 0, nextAt: Number.NEGATIVE_INFINITY };
      state.inFlight++;
      chats.set(chat, state);
    }
    let finished = false;
    waiter.resolve({
      done(outcome) {
        if (finished) return;
        finished = true;
        const at = clock();
        if (chat !== undefined) {
          const state = chats.get(chat);
          if (state) {
            state.inFlight--;
            const spacing = isGroupChat(chat) ? groupSpacingMs : chatSpacingMs;
            state.nextAt = Math.max(state.nextAt, at + spacing);
          }
        }
        if (outcome === "ok") rateFactor = Math.min(1, rateFactor + recoveryStep);
        forgetIdleChats(at);
        pump();
      },
    });
  }

  function forgetIdleChats(now: number): void {
    if (chats.size < 10_000) return;
    for (const [chat, state] of chats) if (state.inFlight === 0 && state.nextAt <= now) chats.delete(chat);
  }

  /** After the last waiter of at least its priority: FIFO among equals (the common case is O(1)). */
  function enqueueWaiter(queue: Waiter[], waiter: Waiter): void {
    let at = queue.length;
    while (at > 0 && queue[at - 1]!.priority < waiter.priority) at--;
    if (at === queue.length) queue.push(waiter);
    else queue.splice(at, 0, waiter);
  }

  function pump(): void {
    for (;;) {
      if (queues.interactive.length === 0 && queues.bulk.length === 0) return;
      const now = clock();
      const gate = Math.max(pausedUntil, nextGlobalAt - toleranceMs);
      if (now < gate) {
        wakeAt(gate, now);
        return;
      }
      const next = pick(now);
      if (typeof next === "number") {
        if (Number.isFinite(next)) wakeAt(next, now);
        return;
      }
      grant(next, now);
    }
  }

  return {
    acquire(chatId, { lane = "bulk", signal, priority = 0 } = {}) {
      return new Promise<Permit>((resolve, reject) => {
        if (signal?.aborted) return reject(new PacerAbortedError());
        const waiter: Waiter = {
          chat: chatId === undefined ? undefined : String(chatId),
          lane,
          priority,
          resolve,
          reject,
          detach: () => signal?.removeEventListener("abort", onAbort),
        };
        function onAbort(): void {
          const queue = queues[lane];
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(new PacerAbortedError());
        }
        signal?.addEventListener("abort", onAbort, { once: true });
        enqueueWaiter(queues[lane], waiter);
        pump();
      });
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
      rateFactor = Math.max(MIN_RATE_FACTOR, rateFactor / 2);
      pauses++;
      pump();
    },
    pausedForMs: () => Math.max(0, pausedUntil - clock()),
    stats: () => ({
      granted,
      pauses,
      rateFactor,
      waiting: queues.interactive.length + queues.bulk.length,
    }),
  };
}

// Methods that put something in a chat (sendChatAction only shows "typing…").
export const sendingMethod = /^(?:send(?!ChatAction$)\w+|copyMessages?|forwardMessages?|editMessage\w+)$/;

function chatIdOf(payload: unknown): ChatId | undefined {
  if (typeof payload !== "object" || payload === null || !("chat_id" in payload)) return undefined;
  const chatId = payload.chat_id;
  return typeof chatId === "number" || typeof chatId === "string" ? chatId : undefined;
}

/**
 * Paces every sending call of an Api. On bot.api (lane "interactive") it paces the bot's own
 * answers; an Api given to a queued task (lane "bulk") gets the per-chat spacing too. A 429
 * pauses every sender of the process; the call is then tried again after the pause, which
 * cannot duplicate anything (a 429 was not delivered), unless the pause is too long to keep
 * a person waiting: then the 429 reaches the caller.
 */
export function pacerTransformer(
  pacer: Pacer,
  {
    lane = "interactive",
    maxRetryAfterMs = 10_000,
    onPause,
  }: {
    lane?: Lane;
    maxRetryAfterMs?: number;
    /** Told of every 429's pause (ms), e.g. to store it for every instance (src/db/queries/delivery-pause.ts). */
    onPause?: (ms: number) => void | Promise<void>;
  } = {},
): Transformer {
  return async (prev, method, payload, signal) => {
    if (!sendingMethod.test(method)) return prev(method, payload, signal);
    const chatId = chatIdOf(payload);
    // Nobody waits out a long pause: the caller gets the 429 at once (and may queue the message).
    const paused = pacer.pausedForMs();
    if (paused > maxRetryAfterMs) {
      const retryAfter = Math.ceil(paused / 1000);
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      };
    }
    for (let attempt = 1; ; attempt++) {
      // grammY types its signal with an AbortController polyfill; at run time it is the caller's own.
      const permit = await pacer.acquire(chatId, { lane, signal: signal as unknown as AbortSignal });
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        permit.done("failed");
        throw error;
      }
      if (result.ok || result.error_code !== 429) {
        permit.done(result.ok ? "ok" : "failed");
        return result;
      }
      const retryAfterMs = (result.parameters?.retry_after ?? 1) * 1000;
      pacer.pause(retryAfterMs);
      await onPause?.(retryAfterMs);
      permit.done("failed");
      if (attempt >= 3 || retryAfterMs > maxRetryAfterMs) return result;
    }
  };
}
