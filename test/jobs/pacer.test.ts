// The pacer on a fake clock: when each send is allowed to start, in fake milliseconds.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createPacer,
  type Pacer,
  PacerAbortedError,
  type Permit,
  pacerToleranceMs,
  pacerTransformer,
} from "../../src/jobs/pacer.js";

describe("pacer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = (ratePerSecond: number, perChatPerSecond = 1, groupPerMinute = 20) =>
    createPacer({ ratePerSecond, perChatPerSecond, groupPerMinute, clock: () => Date.now() });

  /** Acquires and records when each permit was granted. */
  function track(pacer: Pacer, chats: (number | undefined)[], lane: "bulk" | "interactive" = "bulk") {
    const grants: { chat: number | undefined; at: number; permit: Permit }[] = [];
    for (const chat of chats) {
      void pacer.acquire(chat, { lane }).then((permit) => grants.push({ chat, at: Date.now(), permit }));
    }
    return grants;
  }

  it("spaces sends evenly at the overall rate", async () => {
    const pacer = make(10);
    const grants = track(pacer, [1, 2, 3, 4, 5]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(grants.map((g) => g.at)).toEqual([0, 100, 200, 300, 400]);
  });

  it("at 1,000/s lets 10 ms' worth go ahead of the schedule, then one a millisecond, never more in a second", async () => {
    const pacer = make(1000);
    const grants = track(
      pacer,
      Array.from({ length: 1200 }, (_, i) => i + 1),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(grants.map((g) => g.at)).toEqual(Array(10).fill(0));
    await vi.advanceTimersByTimeAsync(5);
    expect(grants.slice(10).map((g) => g.at)).toEqual([1, 2, 3, 4, 5]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(grants).toHaveLength(1200);
    const times = grants.map((g) => g.at);
    const mostInASecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(mostInASecond).toBe(1009);
  });

  it("keeps the spacing strictly even below 200/s: no send ahead of the schedule", () => {
    expect([1, 25, 30, 199].map(pacerToleranceMs)).toEqual([0, 0, 0, 0]);
    expect(pacerToleranceMs(200)).toBe(5);
    expect(pacerToleranceMs(1000)).toBe(9);
  });

  it("starts the next message to a chat a second after the previous one finished", async () => {
    const pacer = make(100);
    const grants = track(pacer, [7, 7, 8]);
    await vi.advanceTimersByTimeAsync(50);
    // Chat 8 is not held up by chat 7's wait.
    expect(grants.map((g) => [g.chat, g.at])).toEqual([
      [7, 0],
      [8, 10],
    ]);
    grants[0]!.permit.done("ok"); // finished at 50 ms
    await vi.advanceTimersByTimeAsync(2000);
    expect(grants.map((g) => [g.chat, g.at])).toEqual([
      [7, 0],
      [8, 10],
      [7, 1050],
    ]);
  });

  it("keeps a group chat to 20 messages a minute", async () => {
    const pacer = make(100);
    const grants = track(pacer, [-100, -100]);
    await vi.advanceTimersByTimeAsync(0);
    grants[0]!.permit.done("ok");
    await vi.advanceTimersByTimeAsync(5000);
    expect(grants.map((g) => g.at)).toEqual([0, 3000]);
  });

  it("pauses everything on a 429, then sends at half rate and eases back to full", async () => {
    const pacer = make(10);
    pacer.pause(2000);
    expect(pacer.stats().rateFactor).toBe(0.5);
    const grants = track(pacer, [1, 2, 3]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(grants.map((g) => g.at)).toEqual([2000, 2200, 2400]);
    for (let i = 0; i < 100; i++) {
      const permit = await pacer.acquire(100 + i);
      permit.done("ok");
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(pacer.stats().rateFactor).toBe(1);
  });

  it("lets the bot's own answers go before queued messages", async () => {
    const pacer = make(10);
    const order: string[] = [];
    for (const name of ["bulk-1", "bulk-2", "bulk-3"])
      void pacer.acquire(Number(name.slice(-1)), { lane: "bulk" }).then(() => order.push(name));
    void pacer.acquire(9, { lane: "interactive" }).then(() => order.push("answer"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(order).toEqual(["bulk-1", "answer", "bulk-2", "bulk-3"]);
  });

  it("lets a queued message of a higher priority go before a backlog of lower ones", async () => {
    const pacer = make(10);
    const order: string[] = [];
    const acquire = (name: string, chat: number, priority: number) =>
      void pacer.acquire(chat, { lane: "bulk", priority }).then(() => order.push(name));
    for (let i = 1; i <= 4; i++) acquire(`broadcast-${i}`, i, -1);
    acquire("reply", 20, 2);
    acquire("case", 21, 1);
    acquire("broadcast-5", 5, -1);
    acquire("case-2", 22, 1);
    await vi.advanceTimersByTimeAsync(1000);
    // broadcast-1 was granted at once, before the others came; equal priorities keep their order.
    expect(order).toEqual([
      "broadcast-1",
      "reply",
      "case",
      "case-2",
      "broadcast-2",
      "broadcast-3",
      "broadcast-4",
      "broadcast-5",
    ]);
  });

  it("keeps the order of messages to one chat while other chats go ahead", async () => {
    const pacer = make(100);
    const grants = track(pacer, [1, 2, 1, 3]);
    await vi.advanceTimersByTimeAsync(100);
    expect(grants.map((g) => g.chat)).toEqual([1, 2, 3]);
    grants[0]!.permit.done("ok");
    await vi.advanceTimersByTimeAsync(1500);
    expect(grants.map((g) => g.chat)).toEqual([1, 2, 3, 1]);
  });

  it("gives up waiting when its signal aborts (shutdown)", async () => {
    const pacer = make(1);
    await pacer.acquire(1);
    const controller = new AbortController();
    const waiting = pacer.acquire(2, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(PacerAbortedError);
    expect(pacer.stats().waiting).toBe(0);
  });

  it("retries an answer after a 429 once the pause is over, and pauses every sender", async () => {
    const pacer = make(10);
    const answers = [
      {
        ok: false as const,
        error_code: 429,
        description: "Too Many Requests",
        parameters: { retry_after: 2 },
      },
      { ok: true as const, result: true },
    ];
    const calls: number[] = [];
    const prev = async () => {
      calls.push(Date.now());
      return answers.shift()!;
    };
    const transformer = pacerTransformer(pacer);
    const result = transformer(prev as never, "sendMessage", { chat_id: 5, text: "hi" } as never);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await result).toEqual({ ok: true, result: true });
    expect(calls).toEqual([0, 2000]);
    expect(pacer.stats().pauses).toBe(1);
  });

  it("does not pace calls that send nothing", async () => {
    const pacer = make(1);
    const transformer = pacerTransformer(pacer);
    const prev = async () => ({ ok: true as const, result: true });
    for (let i = 0; i < 5; i++) await transformer(prev as never, "answerCallbackQuery", {} as never);
    expect(pacer.stats().granted).toBe(0);
  });
});
