// The cases /inbox lists (src/domain/inbox.ts): one filter and optionally one district of the
// handler's scope, a page at a time, oldest first, with their district for the row.
import { openStatuses } from "../../domain/concern-status.js";
import { type InboxFilter, reviewWork } from "../../domain/inbox.js";
import type { Prisma } from "../client.js";

export interface InboxQuery {
  /** The districts of the handler's scope (src/db/queries/access.ts scopeDistrictIds). */
  districtIds: number[];
  /** One district of the scope (by village), or null for all of them. */
  districtId: number | null;
  filter: InboxFilter;
  user: { id: number; role: string };
  now: Date;
  page: number;
  pageSize: number;
}

function whereOf(q: InboxQuery) {
  const districtIds =
    q.districtId === null ? q.districtIds : q.districtIds.filter((id) => id === q.districtId);
  const open = { in: [...openStatuses] };
  const base = { districtId: { in: districtIds } };
  switch (q.filter) {
    case "all":
      return { ...base, status: open };
    case "new":
      return { ...base, status: "new" };
    case "mine":
      return { ...base, status: open, assigneeId: q.user.id };
    case "overdue":
      return { ...base, status: open, dueAt: { lt: q.now } };
    case "referred":
      return { ...base, status: "referred" };
    case "review": {
      const work = reviewWork(q.user.role);
      const waiting = [
        { status: { in: work.referralStatuses } },
        ...(work.pendingExtensions ? [{ extensions: { some: { status: "pending" } } }] : []),
      ];
      return { ...base, referrals: { some: { OR: waiting } } };
    }
  }
}

/** A page of the inbox and how many cases the filter holds in all. */
export async function listInbox(prisma: Prisma, q: InboxQuery) {
  const where = whereOf(q);
  const [items, total] = await Promise.all([
    prisma.concern.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: q.page * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        caseNo: true,
        status: true,
        priority: true,
        description: true,
        dueAt: true,
        district: { select: { nameZh: true, nameEn: true } },
      },
    }),
    prisma.concern.count({ where }),
  ]);
  return { items, total };
}
export type InboxRow = Awaited<ReturnType<typeof listInbox>>["items"][number];

/** The districts of a scope that cases can be filtered by: its villages, else all of them, by code. */
export async function listInboxDistricts(prisma: Prisma, districtIds: number[]) {
  const districts = await prisma.district.findMany({
    where: { id: { in: districtIds } },
    orderBy: { code: "asc" },
    select: { id: true, nameZh: true, nameEn: true, level: true },
  });
  const villages = districts.filter((d) => d.level === "village");
  return villages.length > 0 ? villages : districts;
}
