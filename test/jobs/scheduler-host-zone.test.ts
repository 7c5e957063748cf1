// Schedules fire once per slot in TIME_ZONE whatever the host's own zone: this file runs the
// scheduler with the process's zone set to America/New_York (daylight saving: clocks go
// forward on 8 March 2026 at 02:00 and back on 1 November 2026 at 02:00) and drives the cron
// timers across both changes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { Harness } from "./harness.js";

const hostZone = process.env.TZ;
let h: Harness;

const tickKeys = async () =>
  (await h.prisma.job.findMany({ where: { key: { startsWith: "tick:" } }, orderBy: { key: "asc" } })).map(
    (j) => j.key!,
  );

describe.each([
  ["spring forward", "2026-03-08T04:00:00Z"],
  ["fall back", "2026-11-01T03:00:00Z"],
])("with the host in America/New_York, across its %s", (_name, start) => {
  beforeAll(() => {
    process.env.TZ = "America/New_York";
  });
  afterAll(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h.close();
  });

  it("fires every Shanghai slot exactly once", async () => {
    // The host really is in New York: 04:00Z in March is 23:00 the evening before.
    expect(new Date("2026-03-08T04:00:00Z").getHours()).toBe(23);
    vi.useFakeTimers({
      now: new Date(start),
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    });
    const scheduler = createScheduler({
      db: h.db,
      logger: createLogger("silent"),
      schedules: [
        { task: "hourly", cron: "10 * * * *" },
        // 15:00 and 14:00 in Shanghai are 07:00Z and 06:00Z: the New York changes themselves.
        { task: "at-change-spring", cron: "0 15 * * *" },
        { task: "at-change-fall", cron: "0 14 * * *" },
      ],
      timeZone: "Asia/Shanghai",
      catchUpWindowMs: 60_000,
    });
    await scheduler.start();
    for (let hour = 0; hour < 6; hour++) await vi.advanceTimersByTimeAsync(3_600_000);
    await scheduler.stop();
    vi.useRealTimers();
    const keys = await tickKeys();
    const hourly = keys.filter((k) => k.startsWith("tick:hourly:"));
    const base = new Date(start).getTime();
    const expected = Array.from(
      { length: 6 },
      (_, i) => `tick:hourly:${new Date(base + i * 3_600_000 + 10 * 60_000).toISOString()}`,
    );
    expect(hourly).toEqual(expected);
    const daily = keys.filter((k) => !k.startsWith("tick:hourly:"));
    expect(daily).toEqual([
      `tick:at-change-fall:${start.slice(0, 10)}T06:00:00.000Z`,
      `tick:at-change-spring:${start.slice(0, 10)}T07:00:00.000Z`,
    ]);
  }, 60_000);
});
