// Telegram's 429 applies to the bot, not to one process: the pause it asks for is written
// here so that every instance sending with the same token stops too.
import type { Prisma } from "../client.js";

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
