// A broadcast to many citizens through the real application against a fake Bot API that
// enforces Telegram's 30 messages per second: achieved rate over the configured cap, and 429s.
import { createBroadcast } from "../src/db/queries/broadcasts.js";
import { addCitizens, addPerson } from "../test/helpers/people.js";
import { eventually, Harness } from "../test/jobs/harness.js";

const TELEGRAM_CAP = 30;

export interface BroadcastBenchResult {
  recipients: number;
  delivered: number;
  seconds: number;
  perSecond: number;
  configuredRate: number;
  rateLimited: number;
}

export async function benchBroadcast(
  recipients: number,
  configuredRate: number,
): Promise<BroadcastBenchResult> {
  const h = await Harness.create({
    env: { SEND_RATE_PER_SECOND: String(configuredRate) },
    fake: { rateLimit: { globalPerSecond: TELEGRAM_CAP, perChatPerSecond: 1 } },
  });
  // The progress report is paced by the application's clock, which the harness moves by hand.
  const ticker = setInterval(() => h.clock.advance(1000), 1000);
  try {
    await addCitizens(h.prisma, 3_000_000, recipients, "QS-CG-DM");
    const sender = await addPerson(h.prisma, 42, { role: "admin" });
    const district = await h.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    const broadcast = await createBroadcast(
      h.db,
      {
        createdById: sender,
        audience: "district_citizens",
        districtId: district.id,
        text: "接待日通知:本周六上午9点,城关街道代表联络站开展集中接待活动,欢迎群众反映意见建议。",
        entities: [],
        mediaKind: null,
        mediaFileId: null,
        scheduledAt: null,
        progressChatId: 42n,
      },
      h.clock.now(),
    );
    const started = performance.now();
    h.app.worker.start();
    await eventually(
      async () =>
        (await h.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } })).status === "done",
      recipients * 1000,
    );
    const seconds = (performance.now() - started) / 1000;
    const delivered = h.fake.sent.filter((c) => Number(c.payload.chat_id) >= 3_000_000).length;
    return {
      recipients,
      delivered,
      seconds,
      perSecond: delivered / seconds,
      configuredRate,
      rateLimited: h.fake.calls.filter((c) => c.failed === "429").length,
    };
  } finally {
    clearInterval(ticker);
    await h.close();
  }
}
