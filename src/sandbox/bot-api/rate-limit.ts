// Telegram's flood limits, as sliding windows of accepted calls.
import type { RateLimits } from "./types.js";

/** Timestamps of accepted calls within a sliding window; holds at most ~`limit` entries, so it stays cheap. */
class SlidingWindow {
  private stamps: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** Milliseconds until a call at `now` would fit; 0 when it fits now. */
  waitMs(now: number): number {
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= now - this.windowMs) this.stamps.shift();
    if (this.stamps.length < this.limit) return 0;
    return (this.stamps[0] ?? now) + this.windowMs - now;
  }
  add(now: number): void {
    this.stamps.push(now);
  }
}

/** 20 messages per minute to one group (Telegram's Bot FAQ). */
const GROUP_PER_MINUTE = 20;

export class FloodLimits {
  private global?: SlidingWindow;
  private chats = new Map<string, SlidingWindow>();
  private groups = new Map<string, SlidingWindow>();

  constructor(private limits: RateLimits | undefined) {
    this.reset();
  }

  get current(): RateLimits | undefined {
    return this.limits;
  }

  /** New limits (undefined: none), with empty windows. */
  set(limits: RateLimits | undefined): void {
    this.limits = limits;
    this.reset();
  }

  reset(): void {
    const perSecond = this.limits?.globalPerSecond;
    this.global = perSecond === undefined ? undefined : new SlidingWindow(perSecond, 1000);
    this.chats.clear();
    this.groups.clear();
  }

  /** Whole seconds (≥ 1) to wait when a sending call to `chatId` at `now` is over a limit; otherwise counts it and returns 0. */
  retryAfter(chatId: unknown, now: number): number {
    const windows = this.windowsOf(chatId);
    let waitMs = 0;
    for (const w of windows) waitMs = Math.max(waitMs, w.waitMs(now));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const w of windows) w.add(now);
    return 0;
  }

  /** Counts a call that reached Telegram although its answer was lost. */
  count(chatId: unknown, now: number): void {
    for (const w of this.windowsOf(chatId)) w.add(now);
  }

  private windowsOf(chatId: unknown): SlidingWindow[] {
    const limits = this.limits;
    if (!limits) return [];
    const windows: SlidingWindow[] = [];
    if (this.global) windows.push(this.global);
    if (chatId === undefined) return windows;
    const key = String(chatId);
    const perChat = limits.perChatPerSecond;
    if (perChat !== undefined)
      windows.push(getOrCreate(this.chats, key, () => new SlidingWindow(perChat, 1000)));
    if (Number(chatId) < 0)
      windows.push(getOrCreate(this.groups, key, () => new SlidingWindow(GROUP_PER_MINUTE, 60_000)));
    return windows;
  }
}

export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
