// Canned replies (常用答复) that staff keep per category (src/domain/canned-reply.ts): listed,
// added, edited, removed (archived, so that a reply already sent keeps its history), and the
// ones offered when replying on a case of a category, in the replier's language.
import { checkCannedReply } from "../../domain/canned-reply.js";
import type { Prisma } from "../client.js";

/** Longest title, in characters. */
export const MAX_CANNED_TITLE_LENGTH = 40;

/** Every canned reply not removed, by category (the general ones first), order and id. */
export function listCannedReplies(prisma: Prisma) {
  return prisma.cannedReply.findMany({
    where: { archivedAt: null },
    orderBy: [{ categoryId: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    include: { category: true },
  });
}

/** One canned reply not removed, or null. */
export function findCannedReply(prisma: Prisma, id: number) {
  return prisma.cannedReply.findFirst({ where: { id, archivedAt: null }, include: { category: true } });
}

/** The replies offered on a case of `categoryId` (null: uncategorised): its category's and the general ones, in `locale`. */
export function listCannedRepliesFor(prisma: Prisma, categoryId: number | null, locale: string) {
  return prisma.cannedReply.findMany({
    where: {
      archivedAt: null,
      locale,
      OR: [{ categoryId: null }, ...(categoryId === null ? [] : [{ categoryId }])],
    },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    take: 8,
  });
}

/**
 * Adds a canned reply (body checked by checkCannedReply: throws CannedReplyError). `categoryId`
 * null offers it for every category.
 */
export function addCannedReply(
  prisma: Prisma,
  input: {
    categoryId: number | null;
    locale: string;
    title: string;
    body: string;
    createdById: number;
    now: Date;
  },
) {
  const body = checkCannedReply(input.body);
  return prisma.cannedReply.create({
    data: {
      categoryId: input.categoryId,
      locale: input.locale,
      title: input.title.trim().slice(0, MAX_CANNED_TITLE_LENGTH),
      body,
      createdById: input.createdById,
      createdAt: input.now,
      updatedAt: input.now,
    },
  });
}

/** Replaces a canned reply's body (checked: throws CannedReplyError); false when it is gone. */
export async function editCannedReply(prisma: Prisma, id: number, body: string, now: Date): Promise<boolean> {
  const checked = checkCannedReply(body);
  const { count } = await prisma.cannedReply.updateMany({
    where: { id, archivedAt: null },
    data: { body: checked, updatedAt: now },
  });
  return count === 1;
}

/** Removes (archives) a canned reply; false when it was already gone. */
export async function removeCannedReply(prisma: Prisma, id: number, now: Date): Promise<boolean> {
  const { count } = await prisma.cannedReply.updateMany({
    where: { id, archivedAt: null },
    data: { archivedAt: now, updatedAt: now },
  });
  return count === 1;
}

/** The departments a case is (or was last) referred to, for the {department} variable; null when none. */
export async function caseDepartmentNames(
  prisma: Prisma,
  concernId: number,
): Promise<{ nameZh: string; nameEn: string }[] | null> {
  const referrals = await prisma.referral.findMany({
    where: { concernId, status: { notIn: ["withdrawn", "rerouted"] } },
    orderBy: { id: "asc" },
    select: { department: { select: { nameZh: true, nameEn: true } } },
  });
  return referrals.length > 0 ? referrals.map((r) => r.department) : null;
}
