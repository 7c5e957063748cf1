// The facts the delivery engine checks before sending a message about a case's timeline entry
// (src/domain/event-kinds.ts mayDeliverEntry): the entry, whether the recipient is a citizen
// of that case, and whether the entry was written on a referral of the recipient's department.
import type { Prisma } from "../client.js";

/**
 * The entry `eventId` of case `concernId` (kind and internal flag; null when it does not
 * exist or belongs to another case), whether `recipientId` is the case's filer or one of its
 * co-signers, and whether the entry is on a referral (ConcernEvent.referralId) of a department
 * `recipientId` is a current contact of — looked up only for an internal entry to a recipient
 * whose role is "department", the one case mayDeliverEntry reads it (false otherwise), so that
 * a case message to anyone else costs no extra read.
 */
export async function loadEntryAudience(
  prisma: Prisma,
  ids: { concernId: number; eventId: number; recipientId: number },
  recipientRole: string,
): Promise<{
  entry: { kind: string; internal: boolean | null } | null;
  citizenOfCase: boolean;
  entryOnOwnReferral: boolean;
}> {
  const [event, concern, party] = await Promise.all([
    prisma.concernEvent.findUnique({
      where: { id: ids.eventId },
      select: { concernId: true, kind: true, internal: true, referralId: true },
    }),
    prisma.concern.findUnique({ where: { id: ids.concernId }, select: { citizenId: true } }),
    prisma.concernParty.findFirst({
      where: { concernId: ids.concernId, userId: ids.recipientId },
      select: { id: true },
    }),
  ]);
  const entry = event && event.concernId === ids.concernId ? event : null;
  const contact =
    recipientRole === "department" && entry?.internal === true && entry.referralId
      ? await prisma.departmentContact.findFirst({
          where: {
            userId: ids.recipientId,
            removedAt: null,
            department: { referrals: { some: { id: entry.referralId } } },
          },
          select: { id: true },
        })
      : null;
  return {
    entry,
    citizenOfCase: concern?.citizenId === ids.recipientId || party !== null,
    entryOnOwnReferral: contact !== null,
  };
}
