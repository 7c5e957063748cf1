// Hand-built cases for the statistics tests: each case row and its timeline written directly,
// with the times the test chooses, so that every expected figure can be worked out by hand.
import type { Prisma } from "../../src/db/client.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface CaseSpec {
  district: string;
  category?: string;
  createdAt: Date;
  /** Defaults to 15 days after creation. */
  dueAt?: Date;
  status: "new" | "accepted" | "referred" | "resolved" | "unresolved" | "declined" | "merged" | "reopened";
  assigneeId?: number;
  closedAt?: Date;
  /** Hours after creation of an automatic (system) message, which must not count as a reply. */
  systemMessageAfterHours?: number;
  /** Hours after creation of the first message from a deputy. */
  replyAfterHours?: number;
  /** Closures: [hours after creation, status], each by the deputy with an outcome text. */
  closures?: [number, "resolved" | "unresolved" | "declined"][];
  /** Ratings: [hours after creation, rating, status before, status after]. */
  ratings?: [number, "satisfied" | "basically_satisfied" | "unsatisfied", string, string][];
}

let counter = 0;

/** Writes one case with its timeline; returns its id. */
export async function addCase(prisma: Prisma, citizenId: number, spec: CaseSpec): Promise<number> {
  counter += 1;
  const district = await prisma.district.findUniqueOrThrow({ where: { code: spec.district } });
  const category = spec.category
    ? await prisma.category.findUniqueOrThrow({ where: { code: spec.category } })
    : null;
  const at = (hours: number) => new Date(spec.createdAt.getTime() + hours * HOUR);
  const lastRating = spec.ratings?.at(-1);
  const concern = await prisma.concern.create({
    data: {
      caseNo: `T-${String(counter).padStart(5, "0")}-${Math.random().toString(36).slice(2, 6)}`,
      citizenId,
      districtId: district.id,
      categoryId: category?.id ?? null,
      status: spec.status,
      description: `case ${counter}`,
      assigneeId: spec.assigneeId ?? null,
      dueAt: spec.dueAt ?? new Date(spec.createdAt.getTime() + 15 * DAY),
      closedAt: spec.closedAt ?? null,
      rating: lastRating && lastRating[3] === lastRating[2] ? lastRating[1] : null,
      sourceKey: `stats-test:${counter}:${Math.random()}`,
      createdAt: spec.createdAt,
      updatedAt: spec.createdAt,
    },
  });
  const events: {
    kind: string;
    actorRole: string;
    actorId?: number | null;
    fromStatus?: string;
    toStatus?: string;
    text?: string;
    createdAt: Date;
  }[] = [
    {
      kind: "created",
      actorRole: "citizen",
      actorId: citizenId,
      toStatus: "new",
      text: "…",
      createdAt: spec.createdAt,
    },
  ];
  if (spec.systemMessageAfterHours !== undefined)
    events.push({
      kind: "message",
      actorRole: "system",
      text: "已收到",
      createdAt: at(spec.systemMessageAfterHours),
    });
  if (spec.replyAfterHours !== undefined)
    events.push({
      kind: "message",
      actorRole: "representative",
      actorId: spec.assigneeId ?? null,
      text: "我们正在处理",
      createdAt: at(spec.replyAfterHours),
    });
  let status = "accepted";
  for (const [hours, to] of spec.closures ?? []) {
    events.push({
      kind: "status",
      actorRole: "representative",
      actorId: spec.assigneeId ?? null,
      fromStatus: status,
      toStatus: to,
      text: "办理结果",
      createdAt: at(hours),
    });
    status = to;
  }
  for (const [hours, rating, from, to] of spec.ratings ?? [])
    events.push({
      kind: "rating",
      actorRole: "citizen",
      actorId: citizenId,
      fromStatus: from,
      toStatus: to,
      text: rating,
      createdAt: at(hours),
    });
  await prisma.concernEvent.createMany({ data: events.map((e) => ({ ...e, concernId: concern.id })) });
  return concern.id;
}

/** An activity held (or not) in a district, with its attendance. */
export async function addActivity(
  prisma: Prisma,
  spec: {
    district: string;
    kind: string;
    startsAt: Date;
    status: string;
    attendance?: number;
    deputyIds?: number[];
  },
): Promise<number> {
  const district = await prisma.district.findUniqueOrThrow({ where: { code: spec.district } });
  const activity = await prisma.activity.create({
    data: {
      kind: spec.kind,
      title: `${spec.kind} ${spec.startsAt.toISOString()}`,
      startsAt: spec.startsAt,
      place: "联络站",
      districtId: district.id,
      status: spec.status,
      attendance: spec.attendance ?? null,
      createdAt: spec.startsAt,
      updatedAt: spec.startsAt,
      deputies: { create: (spec.deputyIds ?? []).map((userId) => ({ userId })) },
    },
  });
  return activity.id;
}

export { DAY, HOUR };
