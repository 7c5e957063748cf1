// The facts the bulletin's department table is counted on (src/domain/metrics/department-figures.ts):
// the referrals sent in a period for cases of some districts, with their responses.
import type { DepartmentReferral } from "../../domain/metrics/department-figures.js";
import type { Prisma } from "../client.js";

/**
 * The referrals created in [start, end) whose case is in one of `districtIds` (all districts
 * when null), each with its first 签收 or 答复, whether it was returned, extended (an approved
 * extension), redone after 不满意 and answered.
 */
export async function loadDepartmentReferrals(
  prisma: Prisma,
  input: { start: Date; end: Date; districtIds: readonly number[] | null },
): Promise<DepartmentReferral[]> {
  const rows = await prisma.referral.findMany({
    where: {
      createdAt: { gte: input.start, lt: input.end },
      ...(input.districtIds ? { concern: { districtId: { in: [...input.districtIds] } } } : {}),
    },
    select: {
      id: true,
      departmentId: true,
      createdAt: true,
      acknowledgedAt: true,
      answeredAt: true,
      returnedAt: true,
      redoCount: true,
      extensions: { where: { status: "approved" }, select: { id: true }, take: 1 },
    },
  });
  // Ids a statement at a time: Prisma's SQLite adapter refuses more than 999 bound values.
  const firstResponse = new Map<number | null, Date | null>();
  const answeredIds = new Set<number | null>();
  for (let at = 0; at < rows.length; at += 500) {
    const ids = rows.slice(at, at + 500).map((r) => r.id);
    const [responses, answered] = await Promise.all([
      prisma.concernEvent.groupBy({
        by: ["referralId"],
        where: { referralId: { in: ids }, kind: { in: ["referral_acknowledged", "referral_answered"] } },
        _min: { createdAt: true },
      }),
      prisma.concernEvent.groupBy({
        by: ["referralId"],
        where: { referralId: { in: ids }, kind: "referral_answered" },
        _count: { _all: true },
      }),
    ]);
    for (const r of responses) firstResponse.set(r.referralId, r._min.createdAt);
    for (const a of answered) answeredIds.add(a.referralId);
  }
  return rows.map((r) => ({
    departmentId: r.departmentId,
    createdAt: r.createdAt,
    firstResponseAt: firstResponse.get(r.id) ?? null,
    returned: r.returnedAt !== null,
    extended: r.extensions.length > 0,
    redone: (r.redoCount ?? 0) > 0,
    answered: answeredIds.has(r.id),
  }));
}
