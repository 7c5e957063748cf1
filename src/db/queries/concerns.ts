// Cases and their timelines. Every change of a case, its timeline event and the
// notifications it causes are written in one transaction (the outbox pattern), so a crash
// between the decision and the send loses nothing: the worker sends from the queue.

import { caseYear, dueDate, formatCaseNumber } from "../../domain/case-number.js";
import {
  type CaseChange,
  type CaseCircle,
  caseChangeMessages,
  caseHandlers,
  changeReachesHandlers,
  type NewCaseAudience,
  newCaseAudience,
} from "../../domain/case-recipients.js";
import {
  assigneeAfterAction,
  type ConcernAction,
  canExchangeMessages,
  canRate,
  closesCase,
  InvalidTransitionError,
  nextStatus,
  openStatuses,
  type Rating,
  reopensOnRating,
  statusAfterMessage,
} from "../../domain/concern-status.js";
import { raisesToStaff } from "../../domain/triage.js";
import type { Database, Prisma } from "../client.js";
import type { Concern, ConcernEvent } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { loadCaseCircle, loadCosignerIds, loadFiledCaseCircle } from "./case-people.js";
import { closeMergedDuplicates } from "./merge.js";

export type { Concern, ConcernEvent };

export type TxClient = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export class ConcernNotFoundError extends Error {
  constructor(readonly concernId: number) {
    super(`case ${concernId} does not exist`);
    this.name = "ConcernNotFoundError";
  }
}

/** Someone else changed the case between our read and our write. */
export class ConcurrentChangeError extends Error {
  constructor(readonly concernId: number) {
    super(`case ${concernId} changed meanwhile`);
    this.name = "ConcurrentChangeError";
  }
}

export class CaseClosedError extends Error {
  constructor(
    readonly concernId: number,
    readonly status: string,
  ) {
    super(`case ${concernId} is ${status}`);
    this.name = "CaseClosedError";
  }
}

export class AlreadyRatedError extends Error {
  constructor(readonly concernId: number) {
    super(`case ${concernId} cannot be rated now`);
    this.name = "AlreadyRatedError";
  }
}

export interface AttachmentInput {
  kind: "photo" | "document" | "voice" | "video" | "audio";
  fileId: string;
  fileUniqueId?: string | undefined;
  fileName?: string | undefined;
  mimeType?: string | undefined;
  fileSize?: number | undefined;
}

export interface CreateConcernInput {
  citizenId: number;
  districtId: number;
  categoryId: number | null;
  description: string;
  anonymous: boolean;
  attachments: AttachmentInput[];
  /** Idempotency key of the act that submits it. */
  sourceKey: string;
  now: Date;
  timeZone: string;
  dueDays: number;
  /** Only with the citizen's separate consent to share their location. */
  location?: { latitude: number; longitude: number } | undefined;
  /** Staff entering the case on someone's behalf (walk-in, phone, letter): the timeline's actor. */
  enteredBy?: { id: number; role: "staff" | "representative" | "admin" } | undefined;
  /** Held for moderation review (src/domain/moderation.ts): status "held", deputies not told. */
  held?: boolean | undefined;
}

/**
 * Who on the deputies' side hears about a case now (user ids; src/domain/case-recipients.ts):
 * its assignee, else the district's active deputies, else the active staff covering it.
 */
export async function loadCaseHandlers(
  tx: TxClient,
  concern: Pick<Concern, "id" | "citizenId" | "assigneeId" | "districtId">,
): Promise<number[]> {
  return caseHandlers(await loadCaseCircle(tx as Prisma, concern));
}

/** Queues the messages a change of a case causes (who hears of it: src/domain/case-recipients.ts). */
export async function notify(
  tx: TxClient,
  db: Database,
  change: CaseChange,
  concern: Pick<Concern, "id" | "citizenId" | "assigneeId" | "districtId"> & {
    raisedToStaffAt?: Date | null;
  },
  eventId: number,
  now: Date,
  runAt?: Date,
): Promise<void> {
  const circle = changeReachesHandlers(change)
    ? await loadCaseCircle(tx as Prisma, concern)
    : {
        citizenId: concern.citizenId,
        assigneeId: concern.assigneeId,
        cosignerIds: await loadCosignerIds(tx as Prisma, concern.id),
        deputies: [],
        staff: [],
      };
  await enqueueCaseChange(tx, db, change, circle, { concernId: concern.id, eventId }, now, runAt);
}

/** Queues what `change` tells each of `circle` (src/domain/case-recipients.ts), in the caller's transaction. */
async function enqueueCaseChange(
  tx: TxClient,
  db: Database,
  change: CaseChange,
  circle: CaseCircle,
  ids: { concernId: number; eventId: number },
  now: Date,
  runAt?: Date,
): Promise<void> {
  await enqueueMessages(tx, db.dialect, caseChangeMessages(change, circle, ids), now, runAt);
}

/** Files stay on Telegram's servers: a case keeps their file_id, with the event they came with. */
async function addAttachments(
  tx: TxClient,
  concernId: number,
  eventId: number,
  attachments: AttachmentInput[],
  now: Date,
): Promise<void> {
  if (attachments.length === 0) return;
  await tx.attachment.createMany({
    data: attachments.map((a) => ({
      concernId,
      eventId,
      kind: a.kind,
      fileId: a.fileId,
      fileUniqueId: a.fileUniqueId ?? null,
      fileName: a.fileName ?? null,
      mimeType: a.mimeType ?? null,
      fileSize: a.fileSize ?? null,
      createdAt: now,
    })),
  });
}

/** Creates a case with its number, timeline and the deputies' notifications; once per sourceKey. */
export function createConcern(
  db: Database,
  input: CreateConcernInput,
): Promise<{ concern: Concern; created: boolean }> {
  return db.prisma.$transaction((tx) => insertConcern(tx, db, input));
}

/**
 * `createConcern` inside the caller's transaction, for callers that write more rows with the
 * case (a walk-in case's intake record, a moderation hold). A held case is created as "held"
 * and its deputies are not told (they are when it is released). When it created the case and
 * told its handlers, `audience` says who was told (src/domain/case-recipients.ts
 * newCaseAudience, from the same read that chose the recipients).
 */
export async function insertConcern(
  tx: TxClient,
  db: Database,
  input: CreateConcernInput,
): Promise<{ concern: Concern; created: boolean; audience?: NewCaseAudience }> {
  const existing = await tx.concern.findUnique({ where: { sourceKey: input.sourceKey } });
  if (existing) return { concern: existing, created: false };
  return insertNewConcern(tx, db, input);
}

/**
 * insertConcern once the caller has seen that no case has `input.sourceKey` yet (in this
 * transaction): the case, its number, its "created" entry, its files and, unless held, its
 * handlers' notifications. Returns who was told (`audience`) when they were.
 */
export async function insertNewConcern(
  tx: TxClient,
  db: Database,
  input: CreateConcernInput,
): Promise<{ concern: Concern; created: true; audience?: NewCaseAudience }> {
  const { now } = input;
  const status = input.held ? "held" : "new";
  const year = caseYear(now, input.timeZone);
  const counter = await tx.caseCounter.upsert({
    where: { scope: year },
    create: { scope: year, value: 1 },
    update: { value: { increment: 1 } },
  });
  const concern = await tx.concern.create({
    data: {
      caseNo: formatCaseNumber(year, counter.value),
      citizenId: input.citizenId,
      districtId: input.districtId,
      categoryId: input.categoryId,
      description: input.description,
      anonymous: input.anonymous,
      status,
      dueAt: dueDate(now, input.dueDays),
      sourceKey: input.sourceKey,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      createdAt: now,
      updatedAt: now,
    },
  });
  const event = await tx.concernEvent.create({
    data: {
      concernId: concern.id,
      kind: "created",
      actorId: input.enteredBy?.id ?? input.citizenId,
      actorRole: input.enteredBy?.role ?? "citizen",
      toStatus: status,
      text: input.description,
      createdAt: now,
    },
  });
  await addAttachments(tx, concern.id, event.id, input.attachments, now);
  if (input.location) {
    await tx.attachment.create({
      data: {
        concernId: concern.id,
        eventId: event.id,
        kind: "location",
        ...input.location,
        createdAt: now,
      },
    });
  }
  if (input.held) return { concern, created: true };
  if (input.enteredBy) {
    // Entered by a handler: they are one of the case's workers (loadCaseCircle reads them).
    await notify(tx, db, { kind: "submitted" }, concern, event.id, now);
    return { concern, created: true };
  }
  // Filed by the citizen in this transaction: its circle is its district's people alone.
  const circle = await loadFiledCaseCircle(tx as Prisma, concern);
  await enqueueCaseChange(
    tx,
    db,
    { kind: "submitted" },
    circle,
    { concernId: concern.id, eventId: event.id },
    now,
  );
  return { concern, created: true, audience: newCaseAudience(circle) };
}

export function findConcern(prisma: Prisma, id: number) {
  return prisma.concern.findUnique({
    where: { id },
    include: {
      category: true,
      district: true,
      citizen: true,
      assignee: true,
      _count: { select: { attachments: true, parties: true } },
    },
  });
}
export type ConcernDetails = NonNullable<Awaited<ReturnType<typeof findConcern>>>;

/** A case's id and current status (what its citizen's buttons depend on); null when it does not exist. One statement. */
export function findConcernStatus(
  prisma: Prisma,
  id: number,
): Promise<{ id: number; status: string } | null> {
  return prisma.concern.findUnique({ where: { id }, select: { id: true, status: true } });
}

export async function listConcernsOfCitizen(
  prisma: Prisma,
  citizenId: number,
  page: number,
  pageSize: number,
) {
  const where = { citizenId };
  const [items, total] = await Promise.all([
    prisma.concern.findMany({ where, orderBy: { createdAt: "desc" }, skip: page * pageSize, take: pageSize }),
    prisma.concern.count({ where }),
  ]);
  return { items, total };
}

/** The open cases of some districts, oldest first: what a deputy's inbox shows. */
export async function listOpenConcernsOfDistricts(
  prisma: Prisma,
  districtIds: number[],
  page: number,
  pageSize: number,
) {
  const where = { districtId: { in: districtIds }, status: { in: [...openStatuses] } };
  const [items, total] = await Promise.all([
    prisma.concern.findMany({ where, orderBy: { createdAt: "asc" }, skip: page * pageSize, take: pageSize }),
    prisma.concern.count({ where }),
  ]);
  return { items, total };
}

export function listTimeline(prisma: Prisma, concernId: number, take = 20) {
  return prisma.concernEvent.findMany({
    where: { concernId },
    orderBy: { id: "desc" },
    take,
    include: { actor: { select: { firstName: true, lastName: true, username: true, telegramId: true } } },
  });
}

export function listAttachments(prisma: Prisma, concernId: number) {
  return prisma.attachment.findMany({ where: { concernId }, orderBy: { id: "asc" } });
}

/**
 * Moves `current` to status `to` only if nobody changed its status meanwhile (compare and set),
 * writing `data` with it, and records the "status" timeline event. Returns the event. Throws
 * ConcurrentChangeError when the status had already changed.
 */
export async function transitionConcern(
  tx: TxClient,
  current: Concern,
  change: {
    to: string;
    /** Written with the status, besides updatedAt. */
    data: Parameters<TxClient["concern"]["updateMany"]>[0]["data"];
    actorId: number;
    actorRole: string;
    text: string | null;
    now: Date;
  },
): Promise<ConcernEvent> {
  const { count } = await tx.concern.updateMany({
    where: { id: current.id, status: current.status },
    data: { ...change.data, status: change.to, updatedAt: change.now },
  });
  if (count !== 1) throw new ConcurrentChangeError(current.id);
  return tx.concernEvent.create({
    data: {
      concernId: current.id,
      kind: "status",
      actorId: change.actorId,
      actorRole: change.actorRole,
      fromStatus: current.status,
      toStatus: change.to,
      text: change.text,
      createdAt: change.now,
    },
  });
}

export interface StatusChangeInput {
  concernId: number;
  action: Extract<ConcernAction, "accept" | "resolve" | "decline">;
  actorId: number;
  actorRole: string;
  /** Outcome (resolve) or reason (decline). */
  text?: string;
  now: Date;
}

/** Accept, resolve or decline a case; the citizen is told through the queue. */
export async function changeConcernStatus(db: Database, input: StatusChangeInput): Promise<Concern> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!current) throw new ConcernNotFoundError(input.concernId);
    const to = nextStatus(current.status, input.action);
    const closing = closesCase(input.action);
    const event = await transitionConcern(tx, current, {
      to,
      data: {
        assigneeId: assigneeAfterAction(current.assigneeId, input.actorId),
        ...(closing ? { outcome: input.text ?? null, closedAt: now, rating: null, ratedAt: null } : {}),
      },
      actorId: input.actorId,
      actorRole: input.actorRole,
      text: input.text ?? null,
      now,
    });
    await notify(tx, db, { kind: "status", action: input.action }, current, event.id, now);
    if (input.action !== "accept")
      await closeMergedDuplicates(tx, db, current, {
        toStatus: to,
        outcome: input.text ?? null,
        actorId: input.actorId,
        actorRole: input.actorRole,
        action: input.action,
        now,
      });
    return (await tx.concern.findUnique({ where: { id: current.id } })) as Concern;
  });
}

export interface MessageInput {
  concernId: number;
  actorId: number;
  actorRole: "citizen" | "representative" | "staff" | "admin";
  text: string;
  attachments?: AttachmentInput[];
  /** Idempotency key: the Telegram message it came from. */
  sourceKey: string;
  now: Date;
  /**
   * How long its notifications wait before going out, in ms (the first item of an album: the
   * rest of it joins the message meanwhile, see addEventAttachments); at once when omitted.
   */
  holdMs?: number;
}

/** A message on a case, either way; forwarded to the other side through the queue. */
export async function addConcernMessage(db: Database, input: MessageInput): Promise<ConcernEvent> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const existing = await tx.concernEvent.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return existing;
    const concern = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!concern) throw new ConcernNotFoundError(input.concernId);
    if (!canExchangeMessages(concern.status)) throw new CaseClosedError(concern.id, concern.status);
    const event = await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        kind: "message",
        actorId: input.actorId,
        actorRole: input.actorRole,
        text: input.text,
        sourceKey: input.sourceKey,
        createdAt: now,
      },
    });
    await addAttachments(tx, concern.id, event.id, input.attachments ?? [], now);
    const from = input.actorRole === "citizen" ? "citizen" : "handler";
    const takenOn = statusAfterMessage(concern.status, from);
    if (takenOn) {
      await tx.concern.updateMany({
        where: { id: concern.id, status: concern.status },
        data: { status: takenOn, assigneeId: input.actorId, updatedAt: now },
      });
    }
    const runAt = input.holdMs ? new Date(now.getTime() + input.holdMs) : undefined;
    await notify(tx, db, { kind: "message", from }, concern, event.id, now, runAt);
    return event;
  });
}

/**
 * Adds files to a message already on a case (a later item of the album it came with),
 * once per Telegram message (`sourceKey`, kept on the attachment's event by its first item):
 * the message's notifications, not yet sent, carry them. Resolves to how many were added.
 */
export async function addEventAttachments(
  db: Database,
  input: { concernId: number; eventId: number; attachments: AttachmentInput[]; now: Date },
): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    const event = await tx.concernEvent.findUnique({ where: { id: input.eventId } });
    if (!event || event.concernId !== input.concernId) return 0;
    const known = await tx.attachment.findMany({
      where: { eventId: event.id },
      select: { fileUniqueId: true, fileId: true },
    });
    const fresh = input.attachments.filter(
      (a) =>
        !known.some((k) => (a.fileUniqueId && k.fileUniqueId === a.fileUniqueId) || k.fileId === a.fileId),
    );
    await addAttachments(tx, event.concernId, event.id, fresh, input.now);
    return fresh.length;
  });
}

/**
 * The citizen's rating; 不满意 re-opens the case and tells its handlers. `onReopened`, when
 * given, runs inside the same transaction after a re-opening (the referral loop sends the
 * case's answered referrals back to their departments there) and may name the status the
 * case takes instead of "reopened".
 */
export async function rateConcern(
  db: Database,
  input: {
    concernId: number;
    citizenId: number;
    rating: Rating;
    now: Date;
    onReopened?: (tx: TxClient, concern: Concern) => Promise<string | undefined>;
  },
): Promise<{ concern: Concern; reopened: boolean }> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!current || current.citizenId !== input.citizenId) throw new ConcernNotFoundError(input.concernId);
    if (!canRate(current.status, current.rating)) throw new AlreadyRatedError(current.id);
    const reopened = reopensOnRating(input.rating);
    const to = reopened ? nextStatus(current.status, "reopen") : current.status;
    // Declined then 不满意, or 不满意 again: up to the staff covering it (src/domain/triage.ts).
    const raised =
      reopened &&
      raisesToStaff(
        {
          wasDeclined: current.status === "declined",
          earlierUnsatisfied: await tx.concernEvent.count({
            where: { concernId: current.id, kind: "rating", text: "unsatisfied" },
          }),
        },
        input.rating,
      );
    const { count } = await tx.concern.updateMany({
      where: { id: current.id, status: current.status, rating: null },
      data: {
        rating: input.rating,
        ratedAt: now,
        status: to,
        updatedAt: now,
        ...(reopened ? { closedAt: null } : {}),
        ...(raised ? { assigneeId: null, raisedToStaffAt: now } : {}),
      },
    });
    if (count !== 1) throw new AlreadyRatedError(current.id);
    const event = await tx.concernEvent.create({
      data: {
        concernId: current.id,
        kind: "rating",
        actorId: input.citizenId,
        actorRole: "citizen",
        fromStatus: current.status,
        toStatus: to,
        text: input.rating,
        createdAt: now,
      },
    });
    const circleOf = raised ? { ...current, assigneeId: null, raisedToStaffAt: now } : current;
    await notify(tx, db, { kind: "rated", reopened }, circleOf, event.id, now);
    if (reopened && input.onReopened) {
      const status = await input.onReopened(tx, current);
      if (status) await tx.concern.update({ where: { id: current.id }, data: { status, updatedAt: now } });
    }
    const concern = (await tx.concern.findUnique({ where: { id: current.id } })) as Concern;
    return { concern, reopened };
  });
}

export { InvalidTransitionError };
