// The open cases a draft is compared with for "me too" (src/domain/similar-concerns.ts).
// One district, open, from the last 90 days: the index Concern(districtId, status, createdAt)
// answers it as one range per open status, newest first.
import { openStatuses } from "../../domain/concern-status.js";
import { similarConcernRules } from "../../domain/similar-concerns.js";
import type { Prisma } from "../client.js";

const DAY_MS = 86_400_000;

/** At most this many candidates are compared: the newest, when a district has more open cases. */
export const MAX_SIMILARITY_CANDIDATES = 500;

/**
 * The open cases of a district created in the `windowDays` (default 90) days before `now`,
 * newest first, at most `limit` (default 500), with what the ranking and a "me too" card need:
 * the description, category, location, status, case number and the number of co-signers.
 * Cases whose contents were erased are left out.
 */
export function listSimilarityCandidates(
  prisma: Prisma,
  input: { districtId: number; now: Date; windowDays?: number; limit?: number },
) {
  const since = new Date(input.now.getTime() - (input.windowDays ?? similarConcernRules.windowDays) * DAY_MS);
  return prisma.concern.findMany({
    where: {
      districtId: input.districtId,
      status: { in: [...openStatuses] },
      createdAt: { gte: since, lte: input.now },
      erasedAt: null,
    },
    orderBy: { createdAt: "desc" },
    take: input.limit ?? MAX_SIMILARITY_CANDIDATES,
    select: {
      id: true,
      caseNo: true,
      citizenId: true,
      description: true,
      categoryId: true,
      districtId: true,
      status: true,
      anonymous: true,
      createdAt: true,
      latitude: true,
      longitude: true,
      _count: { select: { parties: true } },
    },
  });
}
export type SimilarityCandidateRow = Awaited<ReturnType<typeof listSimilarityCandidates>>[number];
