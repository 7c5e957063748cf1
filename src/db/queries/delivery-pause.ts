// Telegram's 429 applies to the bot, not to one process: the pause it asks for is written
// here so that every instance sending with the same token stops too.
import type { Database, Prisma } from "../client.js";
import { enqueue, messageJob } from "../outbox.js";

const BOT = "telegram";

/** Extends the shared pause to `until` (never shortens it). */
export async function recordDeliveryPause(prisma: Prisma, until: Date, now: Date): Promise<void> {
  await prisma.deliveryPause.upsert({
    where: { id: BOT },
    create: { id: BOT, until, updatedAt: now },
    update: {},
  });
  await prisma.deliveryPause.updateMany({
    where: { id: BOT, until: { lt: until } },
    data: { until, updatedAt: now },
  });
}

/** When the shared pause ends, if it is still running at `now`. */
export async function findDeliveryPause(prisma: Prisma, now: Date): Promise<Date | undefined> {
  const row = await prisma.deliveryPause.findUnique({ where: { id: BOT } });
  return row && row.until > now ? row.until : undefined;
}

/** A pause longer than this is an incident: logged as an error and reported to administrators. */
export const LONG_PAUSE_MS = 5 * 60_000;

/**
 * Queues, for every administrator (`adminTelegramIds`, ADMIN_IDS) who has an account, a report
 * of the pause from `from` to `until`, to go out once sending resumes (runAt `until`); once per
 * pause and administrator (src/domain/messages.ts). Resolves to how many were queued.
 */
export async function queuePauseReport(
  db: Database,
  input: { from: Date; until: Date; adminTelegramIds: readonly bigint[]; now: Date },
): Promise<number> {
  if (input.adminTelegramIds.length === 0) return 0;
  const admins = await db.prisma.user.findMany({
    where: { telegramId: { in: [...input.adminTelegramIds] }, deletedAt: null },
    select: { id: true },
  });
  const jobs = admins.map((admin) =>
    messageJob(
      {
        kind: "pause_report",
        recipientId: admin.id,
        from: input.from.toISOString(),
        until: input.until.toISOString(),
      },
      input.until,
    ),
  );
  return enqueue(db.prisma, db.dialect, jobs, input.now);
}
