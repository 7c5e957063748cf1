// The session table (grammY sessions, src/bot/middlewares/session.ts) through Prisma, for
// updates handled without the intake's one-round-trip steps (src/db/queries/intake.ts).
import type { Prisma } from "./client.js";

/** The stored session JSON of `key`, or undefined. */
export async function readSession(prisma: Prisma, key: string): Promise<string | undefined> {
  const row = await prisma.session.findUnique({ where: { key } });
  return row?.value;
}

/** Stores `value` (JSON) under `key`, or deletes the session when `value` is null. */
export async function writeSession(
  prisma: Prisma,
  key: string,
  value: string | null,
  now: Date,
): Promise<void> {
  if (value === null) {
    await prisma.session.deleteMany({ where: { key } });
    return;
  }
  await prisma.session.upsert({
    where: { key },
    create: { key, value, updatedAt: now },
    update: { value, updatedAt: now },
  });
}
