import type { Prisma } from "../client.js";
import type { User } from "../generated/sqlite/client.js";

export type { User };

export interface TelegramProfile {
  telegramId: bigint;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  /** Locale to start with when the user is new. */
  locale: string;
  /** Role for a new user (admins named in the environment start as admin). */
  role?: string;
}

/**
 * Finds or creates the user of an update and refreshes their profile. A user who writes
 * to the bot is reachable again, so an earlier "inactive" mark (403) is cleared. Every update
 * passes here: the row is written only when something actually changed.
 */
export async function upsertUserFromTelegram(
  prisma: Prisma,
  profile: TelegramProfile,
  now: Date,
): Promise<User> {
  const changes = {
    firstName: profile.firstName,
    lastName: profile.lastName ?? null,
    username: profile.username ?? null,
    inactiveAt: null,
    inactiveReason: null,
    ...(profile.role ? { role: profile.role } : {}),
  };
  const existing = await prisma.user.findUnique({ where: { telegramId: profile.telegramId } });
  if (existing && Object.entries(changes).every(([key, value]) => existing[key as keyof User] === value)) {
    return existing;
  }
  return prisma.user.upsert({
    where: { telegramId: profile.telegramId },
    create: {
      telegramId: profile.telegramId,
      firstName: profile.firstName,
      lastName: profile.lastName ?? null,
      username: profile.username ?? null,
      locale: profile.locale,
      role: profile.role ?? "citizen",
      createdAt: now,
      updatedAt: now,
    },
    update: { ...changes, updatedAt: now },
  });
}

export function setUserLocale(prisma: Prisma, id: number, locale: string, now: Date): Promise<User> {
  return prisma.user.update({ where: { id }, data: { locale, updatedAt: now } });
}

/**
 * Records the acceptance of the privacy notice; with `staffNotice`, of the notice for deputies
 * and staff (which stands for it: src/domain/roles.ts needsStaffNotice). An earlier consent keeps
 * its date.
 */
export function recordConsent(
  prisma: Prisma,
  id: number,
  now: Date,
  options: { staffNotice?: boolean; consentedAt?: Date | null } = {},
): Promise<User> {
  return prisma.user.update({
    where: { id },
    data: {
      consentedAt: options.consentedAt ?? now,
      ...(options.staffNotice ? { staffNoticeAt: now } : {}),
      updatedAt: now,
    },
  });
}

export function setUserDistrict(prisma: Prisma, id: number, districtId: number, now: Date): Promise<User> {
  return prisma.user.update({ where: { id }, data: { districtId, updatedAt: now } });
}

/** Telegram said 403 or "chat not found": stop sending until the user writes again. */
export async function markUserInactive(prisma: Prisma, id: number, reason: string, now: Date): Promise<void> {
  await prisma.user.updateMany({
    where: { id, inactiveAt: null },
    data: { inactiveAt: now, inactiveReason: reason.slice(0, 200), updatedAt: now },
  });
}
