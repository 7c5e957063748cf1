// Quick ways to put people in the database for tests that need many of them.
import type { Prisma } from "../../src/db/client.js";

export interface PersonOptions {
  districtCode?: string;
  role?: string;
  optedOut?: boolean;
  inactive?: boolean;
  banned?: boolean;
  subscribeTo?: string[];
  locale?: string;
}

/** Creates a consenting user with Telegram id `telegramId`; returns the user's id. */
export async function addPerson(
  prisma: Prisma,
  telegramId: number,
  options: PersonOptions = {},
): Promise<number> {
  const now = new Date();
  const district = options.districtCode
    ? await prisma.district.findUniqueOrThrow({ where: { code: options.districtCode } })
    : null;
  const user = await prisma.user.create({
    data: {
      telegramId: BigInt(telegramId),
      firstName: `P${telegramId}`,
      role: options.role ?? "citizen",
      locale: options.locale ?? "zh-CN",
      districtId: district?.id ?? null,
      consentedAt: now,
      staffNoticeAt: now,
      noticesOptOutAt: options.optedOut ? now : null,
      inactiveAt: options.inactive ? now : null,
      bannedAt: options.banned ? now : null,
      createdAt: now,
      updatedAt: now,
    },
  });
  for (const code of options.subscribeTo ?? []) {
    const d = await prisma.district.findUniqueOrThrow({ where: { code } });
    await prisma.noticeSubscription.create({
      data: { userId: user.id, districtId: d.id, active: true, createdAt: now, updatedAt: now },
    });
  }
  return user.id;
}

/** Many citizens of one district at once: Telegram ids from `firstId` on. */
export async function addCitizens(
  prisma: Prisma,
  firstId: number,
  count: number,
  districtCode: string,
): Promise<void> {
  const now = new Date();
  const district = await prisma.district.findUniqueOrThrow({ where: { code: districtCode } });
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    await prisma.user.createMany({
      data: Array.from({ length: size }, (_, i) => ({
        telegramId: BigInt(firstId + start + i),
        firstName: `C${firstId + start + i}`,
        locale: "zh-CN",
        districtId: district.id,
        consentedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    });
  }
}
