// Two instances of the bot on one PostgreSQL database: their workers share the queue without
// sending anything twice, and their schedulers tick together but queue each slot once, which
// then runs once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { followUpUnrated } from "../../src/jobs/tasks/follow-up-unrated.js";
import { createWorker } from "../../src/jobs/worker.js";
import { createLogger } from "../../src/logger.js";
import { districtId } from "./fixtures.js";
import { DAY, eventually, Harness } from "./harness.js";

const COUNT = 100;
const FIRST_CHAT = 700_000;

describe("two instances on one PostgreSQL database", () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    // Each paces at half the bot's budget; Telegram's 30/s against 25/s doubled.
    const env = { SEND_INSTANCES: "2", SEND_RATE_PER_SECOND: "50" };
    a = await Harness.create({
      dialect: "postgresql",
      env,
      fake: { rateLimit: { globalPerSecond: 60, perChatPerSecond: 1 } },
    });
    b = await Harness.create({ shareWith: a, env });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("share the queue and send every message exactly once", async () => {
    const now = a.clock.now();
    const district = await districtId(a.prisma, "QS-CG-DM");
    await a.prisma.user.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        telegramId: BigInt(FIRST_CHAT + i),
        firstName: `C${i}`,
        districtId: district,
        createdAt: now,
        updatedAt: now,
      })),
    });
    const citizens = await a.prisma.user.findMany({ where: { telegramId: { gte: FIRST_CHAT } } });
    const closedAt = new Date(now.getTime() - 4 * DAY);
    await a.prisma.concern.createMany({
      data: citizens.map((c, i) => ({
        caseNo: `M-${i}`,
        citizenId: c.id,
        districtId: district,
        status: "resolved",
        description: "井盖缺失",
        sourceKey: `multi:${i}`,
        closedAt,
        createdAt: closedAt,
        updatedAt: closedAt,
      })),
    });
    // Both instances run the same pass at once: the rows' state lets each case through once.
    const passes = await Promise.all(
      [a, b].map((h) => followUpUnrated(h.db, { now: h.clock.now(), afterDays: 3, batchSize: 50 })),
    );
    expect(await a.prisma.job.count()).toBe(COUNT);
    expect(passes[0]!.messages + passes[1]!.messages).toBeGreaterThanOrEqual(COUNT);

    a.app.worker.start();
    b.app.worker.start();
    await eventually(async () => (await a.pendingJobs()) === 0, 25_000);

    expect(a.fake.calls.filter((c) => c.failed === "429")).toHaveLength(0);
    expect(a.fake.sent).toHaveLength(COUNT);
    expect(new Set(a.fake.sent.map((c) => c.payload.chat_id)).size).toBe(COUNT);
    expect(a.app.pacer.stats().granted).toBeGreaterThan(0);
    expect(b.app.pacer.stats().granted).toBeGreaterThan(0);
    expect(a.app.pacer.stats().granted + b.app.pacer.stats().granted).toBe(COUNT);
  });

  it("queue each cron tick once and run it once", async () => {
    const logger = createLogger("silent");
    const runs = new Map<string, number>();
    const handlers = {
      probe: async (payload: unknown) => {
        const slot = (payload as { slot: string }).slot;
        runs.set(slot, (runs.get(slot) ?? 0) + 1);
      },
    };
    const workers = [a, b].map((h) => createWorker({ db: h.db, logger, handlers, pollIntervalMs: 20 }));
    const schedulers = [a, b].map((h) =>
      createScheduler({
        db: h.db,
        logger,
        schedules: [{ task: "probe", cron: "* * * * * *" }], // every second
        timeZone: "Asia/Shanghai",
        onQueued: () => {
          for (const w of workers) w.wake();
        },
      }),
    );
    for (const w of workers) w.start();
    await Promise.all(schedulers.map((s) => s.start())); // both catch up at once
    // Three ticks after the catch-up, whenever the clock gets there.
    await eventually(async () => (await a.prisma.job.count({ where: { task: "probe" } })) >= 4, 10_000);
    for (const s of schedulers) await s.stop();
    await eventually(
      async () => (await a.prisma.job.count({ where: { task: "probe", status: { not: "done" } } })) === 0,
      10_000,
    );
    for (const w of workers) await w.stop();

    const ticks = await a.prisma.job.findMany({ where: { task: "probe" } });
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks.map((t) => t.key)).size).toBe(ticks.length);
    expect(runs.size).toBe(ticks.length);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(ticks.every((t) => t.attempts === 1)).toBe(true);
  });
});
