// Queued messages against a fake Bot API that enforces flood limits like the real server
// (an overall rate, 1 per second per chat, answering 429 beyond): every message arrives once
// and Telegram never has to say 429. Telegram's 30/s against the default 25/s is doubled
// (60/s enforced against 50/s configured: still far below what the bot could send unpaced)
// so that 100 messages take 2 s; `npm run bench` sends at the real pace and reports the rate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpUnrated } from "../../src/jobs/tasks/follow-up-unrated.js";
import { districtId } from "./fixtures.js";
import { DAY, eventually, Harness } from "./harness.js";

const COUNT = 100;
const LIMIT = 60;
const RATE = 50;
const FIRST_CHAT = 500_000;

describe("delivery at Telegram's pace", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({
      env: { SEND_RATE_PER_SECOND: String(RATE) },
      fake: { rateLimit: { globalPerSecond: LIMIT, perChatPerSecond: 1 } },
    });
    const now = h.clock.now();
    const district = await districtId(h.prisma, "QS-CG-DM");
    await h.prisma.user.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        telegramId: BigInt(FIRST_CHAT + i),
        firstName: `C${i}`,
        locale: i % 2 === 0 ? "zh-CN" : "en",
        districtId: district,
        consentedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    });
    const citizens = await h.prisma.user.findMany({ where: { telegramId: { gte: FIRST_CHAT } } });
    const closedAt = new Date(now.getTime() - 4 * DAY);
    await h.prisma.concern.createMany({
      data: citizens.map((c, i) => ({
        caseNo: `R-${i}`,
        citizenId: c.id,
        districtId: district,
        status: "resolved",
        description: "路灯不亮",
        outcome: "已修复",
        sourceKey: `rate:${i}`,
        closedAt,
        createdAt: closedAt,
        updatedAt: closedAt,
      })),
    });
  });
  afterAll(() => h.close());

  it("delivers 100 messages to 100 chats once each, with no 429", async () => {
    const queued = await followUpUnrated(h.db, { now: h.clock.now(), afterDays: 3 });
    expect(queued.messages).toBe(COUNT);

    h.app.worker.start();
    await eventually(async () => (await h.pendingJobs()) === 0, 25_000);

    const sends = h.fake.callsTo("sendMessage");
    expect(sends.filter((c) => c.failed === "429")).toHaveLength(0);
    expect(sends).toHaveLength(COUNT); // nothing had to be tried again
    expect(h.fake.sent).toHaveLength(COUNT);
    const perChat = new Map<number, number>();
    for (const call of h.fake.sent)
      perChat.set(Number(call.payload.chat_id), (perChat.get(Number(call.payload.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(COUNT);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(h.app.pacer.stats().pauses).toBe(0);
    expect(await h.prisma.job.count({ where: { task: "send-reminder", status: "done" } })).toBe(COUNT);
    // Rendered in each recipient's language.
    expect(h.fake.textsTo(FIRST_CHAT)[0]).toContain("您对办理结果满意吗");
    expect(h.fake.textsTo(FIRST_CHAT + 1)[0]).toContain("Are you satisfied");
  });
});
