// Citizens' subscriptions to districts' notices, and the one-tap opt-out of all notices.
import type { Prisma } from "../client.js";

/** A citizen is subscribed to the notices of the district they choose (they can stop it). */
export async function subscribe(
  prisma: Prisma,
  userId: number,
  districtId: number,
  now: Date,
): Promise<void> {
  await prisma.noticeSubscription.upsert({
    where: { userId_districtId: { userId, districtId } },
    create: { userId, districtId, active: true, createdAt: now, updatedAt: now },
    update: { active: true, updatedAt: now },
  });
}

export async function setSubscription(
  prisma: Prisma,
  userId: number,
  districtId: number,
  active: boolean,
  now: Date,
): Promise<void> {
  await prisma.noticeSubscription.upsert({
    where: { userId_districtId: { userId, districtId } },
    create: { userId, districtId, active, createdAt: now, updatedAt: now },
    update: { active, updatedAt: now },
  });
}

export function listSubscriptions(prisma: Prisma, userId: number) {
  return prisma.noticeSubscription.findMany({ where: { userId }, include: { district: true } });
}

export async function setNoticesOptOut(
  prisma: Prisma,
  userId: number,
  optOut: boolean,
  now: Date,
): Promise<void> {
  await prisma.user.update({
    where: { id: userId },
    data: { noticesOptOutAt: optOut ? now : null, updatedAt: now },
  });
}
