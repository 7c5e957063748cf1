// Activities (reception days, deputy visits, hearings), their answers and their record.
// Like cases, every change and the messages it causes are written in one transaction (the
// outbox pattern): the worker sends from the queue.
import {
  type ActivityAuthority,
  type ActivityKind,
  activityApprovers,
  activityAuthority,
  hasRoom,
  heldStatuses,
  listedStatuses,
  publishTime,
  reminderOffsets,
  reminderTimes,
} from "../../domain/activity.js";
import { type ActivityNoticeKind, messageKey } from "../../domain/messages.js";
import type { Database, Prisma } from "../client.js";
import { directQuery, directTransaction, mapRow } from "../direct.js";
import type { Activity, District, Prisma as PrismaTypes, User } from "../generated/sqlite/client.js";
import { enqueue, enqueueMessages, type JobInput, messageJob } from "../outbox.js";
import { audienceWhere, listAudienceBatch } from "./audience.js";
import {
  findDistrictById,
  isDistrictWithin,
  listDistrictSubtreeIds,
  listStaffCovering,
  pathIds,
} from "./districts.js";

export type { Activity };

/** The job that announces an activity to its subscribers, a batch at a time (the activity-publish task). */
export const ACTIVITY_PUBLISH_TASK = "activity-publish";

export interface ActivityPublish {
  activityId: number;
  /** Recipients are walked in id order; this batch starts after this user id. */
  afterUserId: number;
}

export function activityPublishJob(publish: ActivityPublish, runAt: Date): JobInput {
  const { activityId, afterUserId } = publish;
  return {
    task: ACTIVITY_PUBLISH_TASK,
    payload: publish,
    key: afterUserId === 0 ? `act-pub:${activityId}` : `act-pub:${activityId}:${afterUserId}`,
    runAt,
    priority: 1,
  };
}

type TxClient = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export class ActivityNotFoundError extends Error {
  constructor(readonly activityId: number) {
    super(`activity ${activityId} does not exist`);
    this.name = "ActivityNotFoundError";
  }
}

/** The action does not fit the activity's status (already decided, cancelled, over …). */
export class ActivityStateError extends Error {
  constructor(
    readonly activityId: number,
    readonly status: string,
  ) {
    super(`activity ${activityId} is ${status}`);
    this.name = "ActivityStateError";
  }
}

/** Answers are taken while it is announced and not yet begun. */
export class ActivityClosedError extends Error {
  constructor(readonly activityId: number) {
    super(`activity ${activityId} takes no answers now`);
    this.name = "ActivityClosedError";
  }
}

export class ActivityFullError extends Error {
  constructor(
    readonly activityId: number,
    readonly capacity: number,
  ) {
    super(`activity ${activityId} is full (${capacity})`);
    this.name = "ActivityFullError";
  }
}

const activityInclude = {
  district: true,
  station: true,
  createdBy: true,
  deputies: { include: { user: true }, orderBy: { userId: "asc" } },
  concerns: { include: { concern: true }, orderBy: { concernId: "asc" } },
  _count: { select: { rsvps: { where: { answer: "going" } } } },
} satisfies PrismaTypes.ActivityInclude;

export type ActivityDetails = PrismaTypes.ActivityGetPayload<{ include: typeof activityInclude }>;

export function findActivity(prisma: Prisma, id: number): Promise<ActivityDetails | null> {
  return prisma.activity.findUnique({ where: { id }, include: activityInclude });
}

/** What an activity's card shows and a tap checks, without its answers (the tap's answer gives the count). */
export interface ActivityCard {
  id: number;
  kind: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  capacity: number | null;
  district: { nameZh: string; nameEn: string };
  station: { nameZh: string; nameEn: string } | null;
  /** The activity's deputies by user id, with their name fields. */
  deputies: { user: Pick<User, "firstName" | "lastName" | "username" | "telegramId"> }[];
}

// Plain SQL (src/db/direct.ts): a tap on an announcement redraws its card, and a crowd taps at
// once; Prisma reads the same in seven statements (one per relation) and compiles each.
const activityCardSql = {
  activity: `SELECT a."id", a."kind", a."title", a."status", a."startsAt", a."endsAt", a."place", a."capacity",
      d."nameZh" AS "districtZh", d."nameEn" AS "districtEn", s."nameZh" AS "stationZh", s."nameEn" AS "stationEn"
    FROM "Activity" a JOIN "District" d ON d."id" = a."districtId" LEFT JOIN "LiaisonStation" s ON s."id" = a."stationId"
    WHERE a."id" = ?`,
  deputies: `SELECT u."firstName", u."lastName", u."username", u."telegramId" FROM "ActivityDeputy" ad
    JOIN "User" u ON u."id" = ad."userId" WHERE ad."activityId" = ? ORDER BY ad."userId"`,
};

/**
 * The card of activity `id` (what findActivity's card shows, less the answers), in two
 * prepared statements; null when there is no such activity.
 */
export async function findActivityCard(db: Database, id: number): Promise<ActivityCard | null> {
  const [rows, deputies] = await Promise.all([
    directQuery<Record<string, unknown>>(db, activityCardSql.activity, [id], { prepare: true }),
    directQuery<Record<string, unknown>>(db, activityCardSql.deputies, [id], { prepare: true }),
  ]);
  const row = rows[0];
  if (!row) return null;
  const activity = mapRow<Activity>(db.prisma, "Activity", row);
  return {
    id: activity.id,
    kind: activity.kind,
    title: activity.title,
    status: activity.status,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    place: activity.place,
    capacity: activity.capacity,
    district: { nameZh: String(row.districtZh), nameEn: String(row.districtEn) },
    station:
      row.stationZh === null || row.stationZh === undefined
        ? null
        : { nameZh: String(row.stationZh), nameEn: String(row.stationEn) },
    deputies: deputies.map((user) => ({ user: mapRow<User>(db.prisma, "User", user) })),
  };
}

// --- who may do what ---------------------------------------------------------------------

type Actor = Pick<User, "id" | "role" | "staffDistrictId">;

export async function loadActivityAuthority(
  prisma: Prisma,
  user: Actor,
  districtId: number,
): Promise<ActivityAuthority> {
  const staffCovers =
    user.role === "staff" &&
    user.staffDistrictId !== null &&
    (await isDistrictWithin(prisma, districtId, user.staffDistrictId));
  const represents =
    (await prisma.representativeAssignment.count({ where: { userId: user.id, districtId } })) > 0;
  return activityAuthority({ role: user.role, staffCovers, represents });
}

/** The districts a user may hold activities in, by code (the tree's order), with their authority (activityAuthority). */
export async function listActivityDistricts(
  prisma: Prisma,
  user: Actor,
): Promise<{ district: District; authority: Exclude<ActivityAuthority, "none"> }[]> {
  const subtree = new Set(
    user.role === "staff" && user.staffDistrictId
      ? await listDistrictSubtreeIds(prisma, user.staffDistrictId)
      : [],
  );
  const assignments =
    user.role === "representative" || user.role === "staff"
      ? await prisma.representativeAssignment.findMany({
          where: { userId: user.id },
          select: { districtId: true },
        })
      : [];
  const represented = new Set(assignments.map((a) => a.districtId));
  const candidates =
    user.role === "admin"
      ? await prisma.district.findMany()
      : await prisma.district.findMany({ where: { id: { in: [...subtree, ...represented] } } });
  return candidates
    .flatMap((district) => {
      const authority = activityAuthority({
        role: user.role,
        staffCovers: subtree.has(district.id),
        represents: represented.has(district.id),
      });
      return authority === "none" ? [] : [{ district, authority }];
    })
    .sort((a, b) => a.district.code.localeCompare(b.district.code));
}

/** The staff covering a district and the admins: who may decide on a proposal (activityApprovers). */
async function listApprovers(tx: TxClient, districtId: number, proposerId: number): Promise<number[]> {
  const staff = await listStaffCovering(tx as Prisma, districtId);
  const admins = staff.length > 0 ? [] : await tx.user.findMany({ where: { role: "admin" } });
  return activityApprovers({ staff, admins, proposerId });
}

async function notice(
  tx: TxClient,
  db: Database,
  kind: ActivityNoticeKind,
  activityId: number,
  recipientIds: number[],
  now: Date,
): Promise<void> {
  await enqueueMessages(
    tx,
    db.dialect,
    recipientIds.map((recipientId) => ({ kind, activityId, recipientId })),
    now,
  );
}

/** Hours before an activity that the deputies on duty are reminded of it. */
export const DUTY_REMINDER_HOURS = 24;

/**
 * Tells the deputies on duty at an approved activity that they are, and queues their reminder
 * DUTY_REMINDER_HOURS before it starts (not when that is past). Keyed per activity and deputy.
 */
async function queueDutyNotices(
  tx: TxClient,
  db: Database,
  activity: { id: number; startsAt: Date },
  now: Date,
): Promise<void> {
  const deputies = await tx.activityDeputy.findMany({
    where: { activityId: activity.id },
    select: { userId: true },
  });
  const ids = deputies.map((d) => d.userId);
  await notice(tx, db, "on_duty", activity.id, ids, now);
  const remindAt = new Date(activity.startsAt.getTime() - DUTY_REMINDER_HOURS * 3_600_000);
  if (remindAt > now)
    await enqueue(
      tx,
      db.dialect,
      ids.map((recipientId) =>
        messageJob({ kind: "duty_reminder", activityId: activity.id, recipientId }, remindAt),
      ),
      now,
    );
}

// --- creating and deciding -----------------------------------------------------------------

export interface CreateActivityInput {
  kind: ActivityKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  districtId: number;
  stationId: number | null;
  capacity: number | null;
  deputyIds: number[];
  createdById: number;
  /** Staff create approved activities; a representative's proposal waits for staff. */
  approved: boolean;
  now: Date;
  noticeDays: number;
}

/**
 * Creates an activity with its deputies on duty. An approved one is queued for announcement
 * at its publish time; a proposal is sent to the staff who may approve it. The same creator
 * confirming the same activity twice within a few minutes (a double tap) gets the first one.
 */
export async function createActivity(
  db: Database,
  input: CreateActivityInput,
): Promise<{ activity: Activity; created: boolean; approvers: number }> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const duplicate = await tx.activity.findFirst({
      where: {
        createdById: input.createdById,
        districtId: input.districtId,
        title: input.title,
        startsAt: input.startsAt,
        createdAt: { gte: new Date(now.getTime() - 10 * 60_000) },
      },
    });
    if (duplicate) return { activity: duplicate, created: false, approvers: 0 };
    const publishAt = input.approved ? publishTime(input.startsAt, now, input.noticeDays) : null;
    const activity = await tx.activity.create({
      data: {
        kind: input.kind,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        districtId: input.districtId,
        stationId: input.stationId,
        capacity: input.capacity,
        status: input.approved ? "approved" : "pending_approval",
        createdById: input.createdById,
        approvedById: input.approved ? input.createdById : null,
        publishAt,
        createdAt: now,
        updatedAt: now,
      },
    });
    for (const userId of new Set(input.deputyIds)) {
      await tx.activityDeputy.create({ data: { activityId: activity.id, userId } });
    }
    let approvers: number[] = [];
    if (publishAt) {
      await enqueue(
        tx,
        db.dialect,
        [activityPublishJob({ activityId: activity.id, afterUserId: 0 }, publishAt)],
        now,
      );
      await queueDutyNotices(tx, db, activity, now);
    } else {
      approvers = await listApprovers(tx, input.districtId, input.createdById);
      await notice(tx, db, "approval_request", activity.id, approvers, now);
    }
    return { activity, created: true, approvers: approvers.length };
  });
}

/** Approves or rejects a proposal, once: of two staff deciding at the same time, one wins. */
export async function decideActivity(
  db: Database,
  input: { activityId: number; deciderId: number; approve: boolean; now: Date; noticeDays: number },
): Promise<Activity> {
  const { activityId, now } = input;
  return db.prisma.$transaction(async (tx) => {
    const activity = await tx.activity.findUnique({ where: { id: activityId } });
    if (!activity) throw new ActivityNotFoundError(activityId);
    if (activity.status !== "pending_approval") throw new ActivityStateError(activityId, activity.status);
    if (input.approve && activity.startsAt <= now) throw new ActivityStateError(activityId, "started");
    const publishAt = input.approve ? publishTime(activity.startsAt, now, input.noticeDays) : null;
    const { count } = await tx.activity.updateMany({
      where: { id: activityId, status: "pending_approval" },
      // approvedById records who decided, either way; the status says which way.
      data: {
        status: input.approve ? "approved" : "rejected",
        approvedById: input.deciderId,
        publishAt,
        updatedAt: now,
      },
    });
    if (count !== 1) {
      const current = await tx.activity.findUniqueOrThrow({ where: { id: activityId } });
      throw new ActivityStateError(activityId, current.status);
    }
    if (publishAt) {
      await enqueue(tx, db.dialect, [activityPublishJob({ activityId, afterUserId: 0 }, publishAt)], now);
      await queueDutyNotices(tx, db, activity, now);
    }
    if (activity.createdById && activity.createdById !== input.deciderId) {
      await notice(tx, db, input.approve ? "approved" : "rejected", activityId, [activity.createdById], now);
    }
    return tx.activity.findUniqueOrThrow({ where: { id: activityId } });
  });
}

/** Calls an activity off before it begins; those who said they would come are told. */
export async function cancelActivity(
  db: Database,
  input: { activityId: number; now: Date },
): Promise<Activity> {
  const { activityId, now } = input;
  return db.prisma.$transaction(async (tx) => {
    const activity = await tx.activity.findUnique({ where: { id: activityId } });
    if (!activity) throw new ActivityNotFoundError(activityId);
    const { count } = await tx.activity.updateMany({
      where: {
        id: activityId,
        status: { in: ["pending_approval", "approved", "published"] },
        startsAt: { gt: now },
      },
      data: { status: "cancelled", updatedAt: now },
    });
    if (count !== 1) throw new ActivityStateError(activityId, activity.status);
    // Whoever said they would come hears of it, announced or only listed (approved).
    if (activity.status === "published" || activity.status === "approved") {
      const going = await tx.activityRsvp.findMany({ where: { activityId, answer: "going" } });
      await notice(
        tx,
        db,
        "cancelled",
        activityId,
        going.map((r) => r.userId),
        now,
      );
    }
    return tx.activity.findUniqueOrThrow({ where: { id: activityId } });
  });
}

// --- announcing ----------------------------------------------------------------------------

/**
 * One step of the announcement: the first marks the activity published; each queues a notice
 * for the next `batchSize` subscribers and, when there may be more, the next step. The
 * audience is the lead's "district_subscribers" (src/db/queries/audience.ts): subscribers of
 * the district, of any district inside it, or of one containing it; never opted-out,
 * inactive or banned users.
 */
export async function publishActivityBatch(
  db: Database,
  input: ActivityPublish & { now: Date; batchSize: number },
): Promise<{ queued: number; more: boolean }> {
  const { activityId, afterUserId, now, batchSize } = input;
  const prisma = db.prisma;
  const activity = await prisma.activity.findUnique({ where: { id: activityId } });
  if (!activity || !["approved", "published"].includes(activity.status)) return { queued: 0, more: false };
  if (activity.startsAt <= now) return { queued: 0, more: false };
  if (activity.status === "approved") {
    await prisma.activity.updateMany({
      where: { id: activityId, status: "approved" },
      data: { status: "published", publishedAt: now, updatedAt: now },
    });
  }
  const where = await audienceWhere(prisma, "district_subscribers", activity.districtId);
  const ids = await listAudienceBatch(prisma, where, afterUserId, batchSize);
  const more = ids.length === batchSize;
  await prisma.$transaction(async (tx) => {
    await notice(tx, db, "announce", activityId, ids, now);
    if (more) {
      await enqueue(tx, db.dialect, [activityPublishJob({ activityId, afterUserId: ids.at(-1)! }, now)], now);
    }
  });
  return { queued: ids.length, more };
}

// --- answers -------------------------------------------------------------------------------

export function findRsvp(prisma: Prisma, activityId: number, userId: number) {
  return prisma.activityRsvp.findUnique({ where: { activityId_userId: { activityId, userId } } });
}

// Plain SQL (src/db/direct.ts): many people answering one announcement at once is the
// busiest write the bot has, and each answer is one short transaction.
const rsvpSql = {
  // The activity, if still open for answers; on PostgreSQL its row stays locked to the end of
  // the transaction (FOR UPDATE), on SQLite BEGIN IMMEDIATE holds the database's write lock.
  open: `SELECT "startsAt", "capacity" FROM "Activity" WHERE "id" = ? AND "status" IN (${listedStatuses.map((st) => `'${st}'`).join(", ")}) AND "startsAt" > ?`,
  exists: `SELECT "id" FROM "Activity" WHERE "id" = ?`,
  state: `SELECT (SELECT "answer" FROM "ActivityRsvp" WHERE "activityId" = ? AND "userId" = ?) AS "existing",
    (SELECT count(*) FROM "ActivityRsvp" WHERE "activityId" = ? AND "answer" = 'going') AS "going"`,
  upsert: `INSERT INTO "ActivityRsvp" ("activityId","userId","answer","createdAt","updatedAt") VALUES (?,?,?,?,?)
    ON CONFLICT ("activityId","userId") DO UPDATE SET "answer" = excluded."answer", "updatedAt" = excluded."updatedAt"`,
};

/**
 * Records "going" (counted against capacity, with reminders queued) or "declined". Answers to
 * one activity are serialised (its row locked FOR UPDATE on PostgreSQL, the write lock taken
 * by BEGIN IMMEDIATE on SQLite): two people never both take the last place. The activity
 * itself is not written. Throws
 * ActivityNotFoundError, ActivityClosedError (not announced, or begun), ActivityFullError.
 */
export async function answerRsvp(
  db: Database,
  input: { activityId: number; userId: number; answer: "going" | "declined"; now: Date },
): Promise<{ going: number; capacity: number | null; changed: boolean }> {
  const { activityId, userId, answer, now } = input;
  return directTransaction(db, async (tx) => {
    const [open] = await tx.$queryRawUnsafe<{ startsAt: string | Date; capacity: number | null }[]>(
      db.dialect === "postgresql" ? `${rsvpSql.open} FOR UPDATE` : rsvpSql.open,
      activityId,
      now,
    );
    if (!open) {
      const found = await tx.$queryRawUnsafe<unknown[]>(rsvpSql.exists, activityId);
      if (found.length === 0) throw new ActivityNotFoundError(activityId);
      throw new ActivityClosedError(activityId);
    }
    const capacity = open.capacity === null ? null : Number(open.capacity);
    const [state] = await tx.$queryRawUnsafe<{ existing: string | null; going: number | bigint | string }[]>(
      rsvpSql.state,
      activityId,
      userId,
      activityId,
    );
    const existing = state?.existing ?? null;
    let going = Number(state?.going ?? 0);
    const changed = existing !== answer;
    if (answer === "going" && changed && !hasRoom(capacity, going)) {
      throw new ActivityFullError(activityId, capacity ?? 0);
    }
    await tx.$executeRawUnsafe(rsvpSql.upsert, activityId, userId, answer, now, now);
    if (changed && answer === "going") going += 1;
    if (changed && existing === "going") going -= 1;
    if (answer === "going") {
      // Keyed per person and activity: answering again queues nothing twice; a withdrawn
      // answer is checked when the reminder is due.
      const startsAt = open.startsAt instanceof Date ? open.startsAt : new Date(open.startsAt);
      await enqueue(
        tx,
        db.dialect,
        reminderTimes(startsAt, now).map((r) =>
          messageJob({ kind: r.kind, activityId, recipientId: userId }, r.at),
        ),
        now,
      );
    }
    return { going, capacity, changed };
  });
}

// --- lists ---------------------------------------------------------------------------------

/**
 * Activities still ahead in the district or a district containing it, soonest first: announced
 * ones and approved ones whose announcement day has not come (listedStatuses).
 */
export async function listUpcomingActivities(
  prisma: Prisma,
  districtId: number,
  now: Date,
  take: number,
): Promise<{ items: ActivityDetails[]; total: number }> {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return { items: [], total: 0 };
  const where = {
    status: { in: [...listedStatuses] },
    startsAt: { gt: now },
    districtId: { in: pathIds(district.path) },
  };
  const [items, total] = await Promise.all([
    prisma.activity.findMany({ where, include: activityInclude, orderBy: { startsAt: "asc" }, take }),
    prisma.activity.count({ where }),
  ]);
  return { items, total };
}

/** What staff and deputies manage: proposals waiting, and everything from the last 30 days on. */
export function listManagedActivities(prisma: Prisma, districtIds: number[], now: Date, take: number) {
  return prisma.activity.findMany({
    where: {
      districtId: { in: districtIds },
      OR: [
        { status: "pending_approval" },
        { startsAt: { gte: new Date(now.getTime() - 30 * 24 * 3_600_000) } },
      ],
    },
    orderBy: { startsAt: "asc" },
    take,
  });
}

// --- the record afterwards -----------------------------------------------------------------

const recordable = { status: { in: [...heldStatuses] } };

async function updateRecord(
  prisma: Prisma,
  activityId: number,
  now: Date,
  data: { attendance?: number; notes?: string },
): Promise<void> {
  const { count } = await prisma.activity.updateMany({
    where: { id: activityId, ...recordable, startsAt: { lte: now } },
    data: { ...data, status: "done", updatedAt: now },
  });
  if (count === 1) return;
  const activity = await prisma.activity.findUnique({ where: { id: activityId } });
  if (!activity) throw new ActivityNotFoundError(activityId);
  throw new ActivityStateError(activityId, activity.startsAt > now ? "not_started" : activity.status);
}

export function recordAttendance(prisma: Prisma, activityId: number, attendance: number, now: Date) {
  return updateRecord(prisma, activityId, now, { attendance });
}

export function recordNotes(prisma: Prisma, activityId: number, notes: string, now: Date) {
  return updateRecord(prisma, activityId, now, { notes });
}

export interface LinkResult {
  linked: string[];
  notFound: string[];
  /** Cases of a district outside the activity's district (and the districts inside it). */
  outside: string[];
}

/** Links the cases raised at an activity, by case number; only cases of its district's subtree. */
export async function linkConcerns(
  prisma: Prisma,
  activityId: number,
  caseNumbers: string[],
): Promise<LinkResult> {
  const activity = await prisma.activity.findUnique({ where: { id: activityId } });
  if (!activity) throw new ActivityNotFoundError(activityId);
  const inside = new Set(await listDistrictSubtreeIds(prisma, activity.districtId));
  const concerns = await prisma.concern.findMany({ where: { caseNo: { in: caseNumbers } } });
  const byNumber = new Map(concerns.map((c) => [c.caseNo, c]));
  const result: LinkResult = { linked: [], notFound: [], outside: [] };
  for (const caseNo of caseNumbers) {
    const concern = byNumber.get(caseNo);
    if (!concern) result.notFound.push(caseNo);
    else if (!inside.has(concern.districtId)) result.outside.push(caseNo);
    else {
      await prisma.activityConcern.upsert({
        where: { activityId_concernId: { activityId, concernId: concern.id } },
        create: { activityId, concernId: concern.id },
        update: {},
      });
      result.linked.push(caseNo);
    }
  }
  return result;
}

// --- deputies ------------------------------------------------------------------------------

/**
 * The deputies serving a district or a district containing it (nearest first), with their
 * stations, and the stations of those districts: what /deputies shows a citizen.
 */
export async function listDeputiesOfDistrict(prisma: Prisma, districtId: number) {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return undefined;
  const ids = pathIds(district.path);
  const depth = (id: number) => ids.indexOf(id);
  const [assignments, stations] = await Promise.all([
    prisma.representativeAssignment.findMany({
      where: { districtId: { in: ids } },
      include: { user: true, district: true, station: true },
      orderBy: { id: "asc" },
    }),
    prisma.liaisonStation.findMany({ where: { districtId: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  assignments.sort((a, b) => depth(b.districtId) - depth(a.districtId));
  stations.sort((a, b) => depth(b.districtId) - depth(a.districtId));
  // A deputy not grouped into a station is reached at the one covering their district.
  const grouped = assignments.map((a) => ({
    ...a,
    station: a.station ?? stations.find((s) => depth(s.districtId) <= depth(a.districtId)) ?? null,
  }));
  return { district, assignments: grouped, stations };
}

/** The station of a reception day: the district's own, else the nearest one above it. */
export async function findStationFor(prisma: Prisma, districtId: number) {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return null;
  const ids = pathIds(district.path).reverse();
  const stations = await prisma.liaisonStation.findMany({ where: { districtId: { in: ids } } });
  for (const id of ids) {
    const station = stations.find((s) => s.districtId === id);
    if (station) return station;
  }
  return null;
}

/**
 * Staff publish an approved activity now instead of on its announcement day: publishAt set
 * to now and the first batch of the announcement sent as publishActivityBatch does (the job
 * queued for the announcement day then finds it published and its notices queued once).
 */
export async function publishActivityNow(db: Database, input: { activityId: number; now: Date }) {
  await db.prisma.activity.updateMany({
    where: { id: input.activityId, status: "approved" },
    data: { publishAt: input.now, updatedAt: input.now },
  });
  return publishActivityBatch(db, {
    activityId: input.activityId,
    afterUserId: 0,
    now: input.now,
    batchSize: 500,
  });
}

/** Those who said they will come to an activity, in the order they answered, with their names. */
export function listAttendees(prisma: Prisma, activityId: number) {
  return prisma.activityRsvp.findMany({
    where: { activityId, answer: "going" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    include: { user: { select: { firstName: true, lastName: true, username: true, telegramId: true } } },
  });
}

export interface ActivityEdit {
  title?: string;
  startsAt?: Date;
  endsAt?: Date | null;
  place?: string;
}

/**
 * Staff edit an activity that has not begun (not cancelled or over): the fields given are
 * changed, its calendar SEQUENCE raised (the .ics keeps its UID, so calendars replace the
 * event), the reminders of those coming moved to the new time, and each of them queued an
 * activity_changed notice naming what changed, in one transaction. Returns the changed
 * fields (empty, and nothing written, when the values are the same). Throws
 * ActivityNotFoundError, ActivityStateError.
 */
export function editActivity(
  db: Database,
  input: { activityId: number; edit: ActivityEdit; now: Date },
): Promise<{ changes: ("title" | "time" | "place")[]; sequence: number }> {
  const { activityId, edit, now } = input;
  return db.prisma.$transaction(async (tx) => {
    const activity = await tx.activity.findUnique({ where: { id: activityId } });
    if (!activity) throw new ActivityNotFoundError(activityId);
    if (!["pending_approval", "approved", "published"].includes(activity.status) || activity.startsAt <= now)
      throw new ActivityStateError(activityId, activity.status);
    const changes: ("title" | "time" | "place")[] = [];
    if (edit.title !== undefined && edit.title !== activity.title) changes.push("title");
    const timeChanged =
      (edit.startsAt !== undefined && edit.startsAt.getTime() !== activity.startsAt.getTime()) ||
      (edit.endsAt !== undefined &&
        (edit.endsAt?.getTime() ?? null) !== (activity.endsAt?.getTime() ?? null));
    if (timeChanged) changes.push("time");
    if (edit.place !== undefined && edit.place !== activity.place) changes.push("place");
    const sequence = (activity.sequence ?? 0) + (changes.length > 0 ? 1 : 0);
    if (changes.length === 0) return { changes, sequence };
    const startsAt = edit.startsAt ?? activity.startsAt;
    await tx.activity.update({
      where: { id: activityId },
      data: {
        ...(edit.title !== undefined ? { title: edit.title } : {}),
        ...(edit.place !== undefined ? { place: edit.place } : {}),
        ...(timeChanged
          ? { startsAt, endsAt: edit.endsAt === undefined ? activity.endsAt : edit.endsAt }
          : {}),
        // A later time moves the announcement day with it, if it has not come yet.
        ...(timeChanged && activity.status !== "published" && activity.publishAt && activity.publishAt > now
          ? {
              publishAt: new Date(
                Math.max(
                  now.getTime(),
                  activity.publishAt.getTime() + (startsAt.getTime() - activity.startsAt.getTime()),
                ),
              ),
            }
          : {}),
        sequence,
        updatedAt: now,
      },
    });
    const going = await tx.activityRsvp.findMany({
      where: { activityId, answer: "going" },
      select: { userId: true },
    });
    if (timeChanged) {
      for (const { userId } of going)
        for (const r of reminderOffsets) {
          const key = messageKey({ kind: r.kind, activityId, recipientId: userId });
          const runAt = new Date(startsAt.getTime() - r.hours * 3_600_000);
          await tx.job.updateMany({ where: { key, status: "queued" }, data: { runAt, updatedAt: now } });
        }
      // The deputies on duty: their reminder moves too.
      const deputies = await tx.activityDeputy.findMany({ where: { activityId }, select: { userId: true } });
      const dutyAt = new Date(startsAt.getTime() - DUTY_REMINDER_HOURS * 3_600_000);
      for (const { userId } of deputies) {
        const key = messageKey({ kind: "duty_reminder", activityId, recipientId: userId });
        await tx.job.updateMany({
          where: { key, status: "queued" },
          data: { runAt: dutyAt, updatedAt: now },
        });
      }
    }
    await enqueueMessages(
      tx,
      db.dialect,
      going.map(({ userId }) => ({
        kind: "activity_changed" as const,
        recipientId: userId,
        activityId,
        sequence,
        changes,
      })),
      now,
    );
    return { changes, sequence };
  });
}
