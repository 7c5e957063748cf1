// Messages per second achieved against a fake Bot API that enforces Telegram's limits
// (30 per second overall, 1 per second per chat, 429 with retry_after beyond).
import { followUpUnrated } from "../src/jobs/tasks/follow-up-unrated.js";
import { districtId } from "../test/jobs/fixtures.js";
import { DAY, eventually, Harness } from "../test/jobs/harness.js";

const CAP = 30;

export interface SendRateResult {
  configuredRate: number;
  messages: number;
  seconds: number;
  perSecond: number;
  ofCap: number;
  rateLimited: number;
}

export async function benchSendRate(messages: number, configuredRate: number): Promise<SendRateResult> {
  const h = await Harness.create({
    env: { SEND_RATE_PER_SECOND: String(configuredRate) },
    fake: { rateLimit: { globalPerSecond: CAP, perChatPerSecond: 1 } },
  });
  try {
    const now = h.clock.now();
    const district = await districtId(h.prisma, "QS-CG-DM");
    const first = 900_000;
    await h.prisma.user.createMany({
      data: Array.from({ length: messages }, (_, i) => ({
        telegramId: BigInt(first + i),
        firstName: `C${i}`,
        districtId: district,
        createdAt: now,
        updatedAt: now,
      })),
    });
    const citizens = await h.prisma.user.findMany({ where: { telegramId: { gte: first } } });
    const closedAt = new Date(now.getTime() - 4 * DAY);
    await h.prisma.concern.createMany({
      data: citizens.map((c, i) => ({
        caseNo: `B-${i}`,
        citizenId: c.id,
        districtId: district,
        status: "resolved",
        description: "bench",
        sourceKey: `bench:${i}`,
        closedAt,
        createdAt: closedAt,
        updatedAt: closedAt,
      })),
    });
    await followUpUnrated(h.db, { now, afterDays: 3 });
    const started = performance.now();
    h.app.worker.start();
    await eventually(async () => (await h.pendingJobs()) === 0, messages * 1000);
    const seconds = (performance.now() - started) / 1000;
    const delivered = h.fake.sent.length;
    return {
      configuredRate,
      messages: delivered,
      seconds,
      perSecond: delivered / seconds,
      ofCap: delivered / seconds / CAP,
      rateLimited: h.fake.calls.filter((c) => c.failed === "429").length,
    };
  } finally {
    await h.close();
  }
}
