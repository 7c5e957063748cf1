// The scheduler: a cron tick queues one job per task and slot, in the configured time zone;
// at start-up the latest slot of every schedule is queued again (catch-up), which is a no-op
// when it already ran.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { localDate } from "../../src/domain/local-time.js";
import { createScheduler, latestSlot } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { Harness } from "./harness.js";

let h: Harness;
const closeHarness = async () => {
  vi.useRealTimers();
  await h.close();
};

const tickKeys = async () =>
  (await h.prisma.job.findMany({ where: { key: { startsWith: "tick:" } }, orderBy: { key: "asc" } })).map(
    (j) => j.key,
  );

describe("catch-up at start-up", () => {
  beforeEach(async () => {
    // The housekeeping, monthly bulletin and referral ladder schedules are off (each has its own
    // tests): four schedules to count here.
    h = await Harness.create({
      env: {
        SCHEDULE_HOUSEKEEPING: "off",
        SCHEDULE_MONTHLY_BULLETIN: "off",
        SCHEDULE_SUPERVISE_REFERRALS: "off",
      },
    });
  });
  afterEach(closeHarness);

  it("queues the latest slot of each schedule, in Asia/Shanghai time", async () => {
    h.clock.set("2026-11-24T02:30:00Z"); // 10:30 in Shanghai
    expect(await h.app.scheduler.catchUp()).toBe(4);
    expect(await tickKeys()).toEqual([
      "tick:daily-digest:2026-11-24T01:00:00.000Z", // 09:00 Shanghai today
      "tick:escalate-overdue:2026-11-24T02:20:00.000Z",
      "tick:follow-up-unrated:2026-11-24T02:00:00.000Z", // 10:00 Shanghai
      "tick:remind-unaccepted:2026-11-24T02:10:00.000Z",
    ]);
    // 08:30 the next morning: the latest digest and follow-up slots are still yesterday's.
    h.clock.set("2026-11-25T00:30:00Z");
    expect(await h.app.scheduler.catchUp()).toBe(2);
    expect((await tickKeys()).filter((k) => k?.startsWith("tick:daily-digest"))).toHaveLength(1);
  });

  it("queues nothing when another instance already did", async () => {
    expect(await h.app.scheduler.catchUp()).toBe(4);
    expect(await h.app.scheduler.catchUp()).toBe(0);
    expect(await h.prisma.job.count()).toBe(4);
  });
});

describe("latest slot", () => {
  it("finds the previous day's 09:00 before 09:00 local time", () => {
    const nineInShanghai = (d: Date) => d.getUTCHours() === 1 && d.getUTCMinutes() === 0;
    expect(latestSlot(nineInShanghai, new Date("2026-11-24T00:30:00Z"), 2 * 86_400_000)).toEqual(
      new Date("2026-11-23T01:00:00Z"),
    );
    expect(latestSlot(nineInShanghai, new Date("2026-11-24T00:30:00Z"), 3_600_000)).toBeUndefined();
  });

  it("dates a slot by the local calendar: 00:30 in Shanghai is already the next day", () => {
    expect(localDate(new Date("2026-11-23T16:30:00Z"), "Asia/Shanghai")).toBe("2026-11-24");
    expect(localDate(new Date("2026-11-23T15:30:00Z"), "Asia/Shanghai")).toBe("2026-11-23");
  });
});

describe("cron ticks", () => {
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(closeHarness);

  it("fires at 09:00 Shanghai time and queues that slot once, however many schedulers tick", async () => {
    vi.useFakeTimers({
      now: new Date("2026-11-24T00:59:58Z"),
      toFake: ["setTimeout", "clearTimeout", "Date"],
    });
    const logger = createLogger("silent");
    const make = () =>
      createScheduler({
        db: h.db,
        logger,
        schedules: [{ task: "daily-digest", cron: "0 9 * * *" }],
        timeZone: "Asia/Shanghai",
        catchUpWindowMs: 60_000, // nothing to catch up: only the cron fire counts
      });
    let created = 0;
    const schedulers = [make(), make()];
    for (const s of schedulers) await s.start();
    await vi.advanceTimersByTimeAsync(4000);
    for (const s of schedulers) await s.stop();
    vi.useRealTimers();
    // Both fired; the second one's insert was a no-op.
    for (const s of schedulers) if (await s.tick("daily-digest", new Date("2026-11-24T01:00:00Z"))) created++;

    expect(created).toBe(0);
    expect(await tickKeys()).toEqual(["tick:daily-digest:2026-11-24T01:00:00.000Z"]);
  });
});
