// Schedules fire once per slot when TIME_ZONE itself has daylight saving (issue 7): with
// TIME_ZONE=America/New_York (clocks go forward on 8 March 2026 at 02:00 EST and back on
// 1 November 2026 at 02:00 EDT), the cron timers are driven across both changes. A slot is a
// wall-clock time: the repeated hour in autumn queues none twice, the skipped hour in spring
// fires its slot once, at the first minute after the gap.
import { createTask } from "node-cron";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createWallClock, isSlot } from "../../src/jobs/slots.js";
import { createLogger } from "../../src/logger.js";
import { Harness } from "./harness.js";

let h: Harness;

const tickKeys = async (task: string) =>
  (
    await h.prisma.job.findMany({ where: { key: { startsWith: `tick:${task}:` } }, orderBy: { key: "asc" } })
  ).map((j) => j.key!.slice(`tick:${task}:`.length));

const schedules = [
  { task: "hourly", cron: "10 * * * *" },
  // 01:30 happens twice on 1 November; 02:30 not at all on 8 March.
  { task: "repeated", cron: "30 1 * * *" },
  { task: "skipped", cron: "30 2 * * *" },
];

/** Runs the scheduler's own timers for `hours` from `start`; then the catch-up of an instance starting at the end. */
async function runAcross(start: string, hours: number): Promise<void> {
  vi.useFakeTimers({
    now: new Date(start),
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
  });
  const options = {
    db: h.db,
    logger: createLogger("silent"),
    schedules,
    timeZone: "America/New_York",
    catchUpWindowMs: 60_000,
  };
  const scheduler = createScheduler(options);
  await scheduler.start();
  for (let hour = 0; hour < hours; hour++) await vi.advanceTimersByTimeAsync(3_600_000);
  await scheduler.stop();
  // Another instance starting now looks back over the whole day: it queues no slot again.
  await createScheduler({ ...options, catchUpWindowMs: 24 * 3_600_000 }).catchUp();
  vi.useRealTimers();
}

describe("with TIME_ZONE=America/New_York", () => {
  beforeEach(async () => {
    h = await Harness.create({ env: { TIME_ZONE: "America/New_York" } });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h.close();
  });

  it("fires the repeated hour's slots once when the clocks go back", async () => {
    // 04:00Z is 00:00 EDT; 06:00Z is 01:00 EST, the second 01:00.
    await runAcross("2026-11-01T04:00:00Z", 5);
    expect(await tickKeys("repeated")).toEqual(["2026-11-01T05:30:00.000Z"]);
    expect(await tickKeys("hourly")).toEqual([
      "2026-11-01T04:10:00.000Z", // 00:10 EDT
      "2026-11-01T05:10:00.000Z", // 01:10 EDT; 01:10 EST (06:10Z) is the same slot
      "2026-11-01T07:10:00.000Z", // 02:10 EST
      "2026-11-01T08:10:00.000Z", // 03:10 EST
    ]);
    expect(await tickKeys("skipped")).toEqual(["2026-11-01T07:30:00.000Z"]); // 02:30 EST
  }, 60_000);

  it("fires the skipped hour's slots once, at the first minute after the gap, when the clocks go forward", async () => {
    // 04:00Z is 23:00 EST on 7 March; 07:00Z is 03:00 EDT, right after the gap.
    await runAcross("2026-03-08T04:00:00Z", 5);
    expect(await tickKeys("skipped")).toEqual(["2026-03-08T07:00:00.000Z"]);
    expect(await tickKeys("hourly")).toEqual([
      "2026-03-08T04:10:00.000Z", // 23:10 EST
      "2026-03-08T05:10:00.000Z", // 00:10 EST
      "2026-03-08T06:10:00.000Z", // 01:10 EST
      "2026-03-08T07:00:00.000Z", // 02:10 does not exist: at 03:00 EDT
      "2026-03-08T07:10:00.000Z", // 03:10 EDT
      "2026-03-08T08:10:00.000Z", // 04:10 EDT
    ]);
    expect(await tickKeys("repeated")).toEqual(["2026-03-08T06:30:00.000Z"]); // 01:30 EST
  }, 60_000);
});

describe("slots of TIME_ZONE=Europe/Berlin (changes on 29 March and 25 October 2026, at 01:00Z)", () => {
  const wall = createWallClock("Europe/Berlin");
  const at230 = createTask("30 2 * * *", () => undefined, { timezone: "UTC", distributed: false });
  /** Every minute of a UTC day that is a slot of "30 2 * * *". */
  const slotsOn = (day: string) => {
    const start = new Date(`${day}T00:00:00Z`).getTime();
    return Array.from({ length: 24 * 60 }, (_, i) => start + i * 60_000)
      .filter((ms) => isSlot(ms, 60_000, wall, (w) => at230.match(w)))
      .map((ms) => new Date(ms).toISOString());
  };
  afterAll(() => at230.destroy());

  it("fires 02:30 once on each day of a change, and on an ordinary day", () => {
    expect(slotsOn("2026-03-29")).toEqual(["2026-03-29T01:00:00.000Z"]); // 03:00 CEST, after the gap
    expect(slotsOn("2026-10-25")).toEqual(["2026-10-25T00:30:00.000Z"]); // 02:30 CEST, not 02:30 CET
    expect(slotsOn("2026-10-26")).toEqual(["2026-10-26T01:30:00.000Z"]); // 02:30 CET
  });
});
