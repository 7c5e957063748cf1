// The facts the delivery engine checks before sending a message about a case's timeline entry
// (src/domain/event-kinds.ts mayDeliverEntry): the entry, and whether the recipient is a
// citizen of that case.
import type { Prisma } from "../client.js";

/**
 * The entry `eventId` of case `concernId` (kind and internal flag; null when it does not
 * exist or belongs to another case), and whether `recipientId` is the case's filer or one of
 * its co-signers.
 */
export async function loadEntryAudience(
  prisma: Prisma,
  ids: { concernId: number; eventId: number; recipientId: number },
): Promise<{ entry: { kind: string; internal: boolean | null } | null; citizenOfCase: boolean }> {
  const [event, concern, party] = await Promise.all([
    prisma.concernEvent.findUnique({
      where: { id: ids.eventId },
      select: { concernId: true, kind: true, internal: true },
    }),
    prisma.concern.findUnique({ where: { id: ids.concernId }, select: { citizenId: true } }),
    prisma.concernParty.findFirst({
      where: { concernId: ids.concernId, userId: ids.recipientId },
      select: { id: true },
    }),
  ]);
  const entry = event && event.concernId === ids.concernId ? event : null;
  return { entry, citizenOfCase: concern?.citizenId === ids.recipientId || party !== null };
}
