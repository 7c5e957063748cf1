// Referrals (交办/转办) of cases to departments: referring a case, and every action on a
// referral afterwards, each in one transaction with its timeline entries and the messages it
// causes (the outbox). The rules — who may act, in which state, what it writes — are the
// domain's (src/domain/referral.ts); who hears of it is src/domain/referral-recipients.ts.
import { assigneeAfterAction } from "../../domain/concern-status.js";
import {
  type AnswerClass,
  applyReferralCommand,
  finishedReferralStatuses,
  parseReferralStatus,
  planReferral,
  type ReferralActor,
  type ReferralChange,
  type ReferralCommand,
  type ReferralContext,
  type ReferralFacts,
} from "../../domain/referral.js";
import { referralDeadlineDays } from "../../domain/referral-deadlines.js";
import {
  ConcurrentReferralChangeError,
  NoDepartmentChosenError,
  ReferralNotFoundError,
  UnknownDepartmentError,
} from "../../domain/referral-errors.js";
import {
  type ReferralAnswerLine,
  referralOutcome,
  storedOutcomeWords,
} from "../../domain/referral-outcome.js";
import {
  type ReferralAudience,
  referralChangeAudiences,
  referralRecipients,
} from "../../domain/referral-recipients.js";
import { priorityOf } from "../../domain/triage.js";
import { addWorkingDays, type LocalDate, type WorkingCalendar } from "../../domain/working-days.js";
import type { Database, Prisma } from "../client.js";
import type { Referral } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { ConcernNotFoundError, notify, type TxClient } from "./concerns.js";
import { closeMergedDuplicates } from "./merge.js";
import { loadReferralCircle } from "./referral-people.js";

export type { Referral };

/** The clock and calendar deadlines are counted on. */
export interface ReferralTime {
  now: Date;
  calendar: WorkingCalendar;
  timeZone: string;
}

/** The role an actor is recorded in on the timeline (ConcernEvent.actorRole). */
function actorRole(actor: ReferralActor): string {
  return actor.kind;
}

function actorId(actor: ReferralActor): number | null {
  return actor.kind === "system" ? null : actor.userId;
}

const unfinished = { notIn: [...finishedReferralStatuses] };

/** The case facts a referral's deadline days and messages need. */
const concernForReferral = {
  select: {
    id: true,
    status: true,
    priority: true,
    districtId: true,
    assigneeId: true,
    citizenId: true,
    category: {
      select: {
        acknowledgeDays: true,
        answerDays: true,
        urgentAcknowledgeDays: true,
        urgentAnswerDays: true,
      },
    },
  },
} as const;

type ConcernForReferral = {
  id: number;
  status: string;
  priority: number;
  districtId: number;
  assigneeId: number | null;
  citizenId: number;
  category: Parameters<typeof referralDeadlineDays>[1];
};

function contextOf(concern: ConcernForReferral, time: ReferralTime): ReferralContext {
  return { ...time, days: referralDeadlineDays(priorityOf(concern.priority), concern.category) };
}

/** Queues one referral message per recipient of each audience, about the event `eventId`. */
async function queueReferralMessages(
  tx: TxClient,
  db: Database,
  referral: { id: number; departmentId: number },
  concern: Pick<ConcernForReferral, "id" | "citizenId" | "assigneeId" | "districtId">,
  eventId: number,
  audiences: readonly ReferralAudience[],
  now: Date,
): Promise<void> {
  if (audiences.length === 0) return;
  const circle = await loadReferralCircle(tx as Prisma, { ...concern, departmentId: referral.departmentId });
  const messages = audiences.flatMap((audience) =>
    referralRecipients(audience, circle).map((recipientId) => ({
      kind: "referral" as const,
      recipientId,
      concernId: concern.id,
      referralId: referral.id,
      eventId,
      audience,
    })),
  );
  await enqueueMessages(tx, db.dialect, messages, now);
}

async function createReferralRow(
  tx: TxClient,
  db: Database,
  concern: ConcernForReferral,
  openDepartmentIds: Set<number>,
  input: {
    departmentId: number;
    actor: ReferralActor;
    deadlineDate?: LocalDate | null;
    note?: string | null;
  },
  time: ReferralTime,
  audiences: readonly ReferralAudience[],
): Promise<Referral> {
  const plan = planReferral(
    input.actor,
    {
      concern,
      departmentId: input.departmentId,
      openDepartmentIds,
      deadlineDate: input.deadlineDate,
      note: input.note,
    },
    contextOf(concern, time),
  );
  const referral = await tx.referral.create({ data: plan.row });
  openDepartmentIds.add(input.departmentId);
  const event = await tx.concernEvent.create({
    data: {
      concernId: concern.id,
      kind: plan.event.kind,
      actorId: actorId(input.actor),
      actorRole: actorRole(input.actor),
      referralId: referral.id,
      text: plan.event.text,
      createdAt: time.now,
    },
  });
  await queueReferralMessages(tx, db, referral, concern, event.id, audiences, time.now);
  return referral;
}

export interface ReferCaseInput {
  concernId: number;
  departmentIds: readonly number[];
  actor: ReferralActor;
  /** A deadline chosen instead of the default (a calendar date in the zone), or null. */
  deadlineDate?: LocalDate | null;
  /** A note to the department(s), or null. */
  note?: string | null;
  time: ReferralTime;
}

/**
 * Refers (交办/转办) a case to one or more departments, each with its own referral, deadline
 * (the category's and priority's working days unless a later date is chosen) and timeline
 * entry; the departments' contacts get the card and the citizen hears once that the case was
 * referred. The case becomes "referred" (whoever refers an untaken case takes it on). All or
 * nothing. Throws ConcernNotFoundError, NoDepartmentChosenError, UnknownDepartmentError and the
 * domain's refusals (planReferral: forbidden, not open, duplicate, a date not in the future).
 */
export function referCase(db: Database, input: ReferCaseInput): Promise<Referral[]> {
  const { time } = input;
  return db.prisma.$transaction(async (tx) => {
    if (input.departmentIds.length === 0) throw new NoDepartmentChosenError();
    const concern = await tx.concern.findUnique({ where: { id: input.concernId }, ...concernForReferral });
    if (!concern) throw new ConcernNotFoundError(input.concernId);
    const departments = await tx.department.findMany({
      where: { id: { in: [...input.departmentIds] } },
      select: { id: true },
    });
    const known = new Set(departments.map((d) => d.id));
    for (const id of input.departmentIds) if (!known.has(id)) throw new UnknownDepartmentError(id);
    const open = await tx.referral.findMany({
      where: { concernId: concern.id, status: unfinished },
      select: { departmentId: true },
    });
    const openDepartmentIds = new Set(open.map((r) => r.departmentId));
    const created: Referral[] = [];
    for (const [index, departmentId] of [...new Set(input.departmentIds)].entries()) {
      // The citizen hears once per referring, not once per department.
      const audiences: ReferralAudience[] = index === 0 ? ["department", "citizen"] : ["department"];
      created.push(
        await createReferralRow(
          tx,
          db,
          concern,
          openDepartmentIds,
          { ...input, departmentId },
          time,
          audiences,
        ),
      );
    }
    const actor = actorId(input.actor);
    if (["new", "accepted", "reopened"].includes(concern.status)) {
      const { count } = await tx.concern.updateMany({
        where: { id: concern.id, status: concern.status },
        data: {
          status: "referred",
          assigneeId: actor === null ? concern.assigneeId : assigneeAfterAction(concern.assigneeId, actor),
          assignedAt: concern.assigneeId === null && actor !== null ? time.now : undefined,
          updatedAt: time.now,
        },
      });
      if (count !== 1) throw new ConcurrentReferralChangeError(created[0]!.id);
    }
    return created;
  });
}

/** A referral with what its card shows: the case, the department, a pending extension. */
export async function findReferral(prisma: Prisma, id: number) {
  const row = await prisma.referral.findUnique({
    where: { id },
    include: {
      department: true,
      concern: {
        include: { category: true, district: true, citizen: true, _count: { select: { attachments: true } } },
      },
      extensions: { where: { status: "pending" }, orderBy: { id: "desc" }, take: 1 },
    },
  });
  if (!row) return null;
  // The department a returning department named (no relation: read apart), for the card.
  const suggestedDepartment = row.suggestedDepartmentId
    ? await prisma.department.findUnique({ where: { id: row.suggestedDepartmentId } })
    : null;
  return { ...row, suggestedDepartment };
}
export type ReferralDetails = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

/** The facts the domain's rules read, from a referral row and its case. */
function factsOf(
  row: Referral & {
    concern: { id: number; districtId: number; assigneeId: number | null; citizenId: number };
    extensions: { requestedDeadline: Date; reason: string }[];
  },
  earlierReturns: number,
): ReferralFacts {
  const pending = row.extensions[0];
  return {
    id: row.id,
    status: parseReferralStatus(row.status),
    departmentId: row.departmentId,
    deadline: row.deadline,
    acknowledgedAt: row.acknowledgedAt,
    answerClass: (row.answerClass as AnswerClass | null) ?? null,
    promisedAt: row.promisedAt,
    reworkCount: row.reworkCount ?? 0,
    redoCount: row.redoCount ?? 0,
    pendingExtension: pending
      ? { requestedDeadline: pending.requestedDeadline, reason: pending.reason }
      : null,
    earlierReturns,
    createdById: row.createdById,
    concern: {
      id: row.concern.id,
      districtId: row.concern.districtId,
      assigneeId: row.concern.assigneeId,
      citizenId: row.concern.citizenId,
    },
  };
}

/**
 * The facts the domain's rules read about one referral (for checking an action before asking
 * the user for its details), or null when it does not exist.
 */
export async function loadReferralFacts(prisma: Prisma, referralId: number): Promise<ReferralFacts | null> {
  const row = await prisma.referral.findUnique({
    where: { id: referralId },
    include: {
      concern: concernForReferral,
      extensions: { where: { status: "pending" }, orderBy: { id: "desc" }, take: 1 },
    },
  });
  if (!row) return null;
  const earlierReturns = await prisma.concernEvent.count({
    where: { concernId: row.concernId, kind: "referral_returned" },
  });
  return factsOf(row, earlierReturns);
}

/**
 * The default deadline of a new referral of this case: the category's and priority's working
 * days from now (referral-deadlines.ts), with those days; null when the case does not exist.
 */
export async function defaultReferralDeadline(
  prisma: Prisma,
  concernId: number,
  time: ReferralTime,
): Promise<{ deadline: Date; answerDays: number } | null> {
  const concern = await prisma.concern.findUnique({ where: { id: concernId }, ...concernForReferral });
  if (!concern) return null;
  const { days } = contextOf(concern, time);
  return {
    deadline: addWorkingDays(time.calendar, time.now, days.answerDays, time.timeZone),
    answerDays: days.answerDays,
  };
}

export interface ActOnReferralInput {
  referralId: number;
  command: ReferralCommand;
  actor: ReferralActor;
  time: ReferralTime;
}

/**
 * Takes one action on a referral (applyReferralCommand decides), writing the row, its timeline
 * entries, what the action's effects ask for (an extension request and its decision, a new
 * referral after a re-route, the case's outcome once its last referral is closed) and the
 * messages it causes, in one transaction. Bad input changes nothing. Throws
 * ReferralNotFoundError, ConcurrentReferralChangeError and the domain's ReferralErrors.
 */
export function actOnReferral(
  db: Database,
  input: ActOnReferralInput,
): Promise<{ referral: Referral; change: ReferralChange }> {
  return db.prisma.$transaction((tx) => actInTransaction(tx, db, input));
}

async function actInTransaction(
  tx: TxClient,
  db: Database,
  { referralId, command, actor, time }: ActOnReferralInput,
): Promise<{ referral: Referral; change: ReferralChange }> {
  const { now } = time;
  const row = await tx.referral.findUnique({
    where: { id: referralId },
    include: {
      concern: concernForReferral,
      extensions: { where: { status: "pending" }, orderBy: { id: "desc" }, take: 1 },
    },
  });
  if (!row) throw new ReferralNotFoundError(referralId);
  const earlierReturns = await tx.concernEvent.count({
    where: { concernId: row.concernId, kind: "referral_returned" },
  });
  const change = applyReferralCommand(
    factsOf(row, earlierReturns),
    command,
    actor,
    contextOf(row.concern, time),
  );
  const { count } = await tx.referral.updateMany({
    where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
    data: change.update,
  });
  if (count !== 1) throw new ConcurrentReferralChangeError(row.id);
  let lastEventId = 0;
  for (const event of change.events) {
    const created = await tx.concernEvent.create({
      data: {
        concernId: row.concernId,
        kind: event.kind,
        actorId: actorId(actor),
        actorRole: actorRole(actor),
        referralId: row.id,
        text: event.text,
        createdAt: now,
      },
    });
    lastEventId = created.id;
  }
  for (const effect of change.effects) {
    switch (effect.kind) {
      case "create_extension_request":
        await tx.referralExtension.create({
          data: {
            referralId: row.id,
            requestedById: actorId(actor),
            reason: effect.reason,
            requestedDeadline: effect.requestedDeadline,
            previousDeadline: effect.previousDeadline,
            createdAt: now,
          },
        });
        break;
      case "decide_extension_request":
        await tx.referralExtension.updateMany({
          where: { referralId: row.id, status: "pending" },
          data: {
            status: effect.approved ? "approved" : "refused",
            decidedById: actorId(actor),
            decidedAt: now,
            decisionNote: effect.note,
          },
        });
        break;
      case "refer_to": {
        const open = await tx.referral.findMany({
          where: { concernId: row.concernId, status: unfinished },
          select: { departmentId: true },
        });
        await createReferralRow(
          tx,
          db,
          row.concern,
          new Set(open.map((r) => r.departmentId)),
          // The new department reads the same 交办说明 as the one that returned it.
          { departmentId: effect.departmentId, actor, note: row.note },
          time,
          ["department"],
        );
        break;
      }
      case "send_outcome_to_citizen":
        await closeCaseWhenAnswered(tx, db, row.concernId, actor, now);
        break;
      case "hand_case_back":
        await handCaseBack(tx, db, row.concernId, actor, now);
        break;
      case "tell_citizen_new_deadline":
      case "escalate_to_staff_above":
        break; // told through the audiences below
    }
  }
  // The case's due date follows a referral's deadline moved later (an approved extension, a
  // rework), so that the case card, /inbox and the citizen's words agree; it never moves earlier.
  if (change.update.deadline)
    await tx.concern.updateMany({
      where: { id: row.concernId, OR: [{ dueAt: null }, { dueAt: { lt: change.update.deadline } }] },
      data: { dueAt: change.update.deadline },
    });
  // A department owing a new answer means the case is with a department again (after the
  // citizen's 不满意 the rating left it "reopened").
  if (change.update.status === "rework" && row.concern.status !== "referred")
    await tx.concern.updateMany({
      where: { id: row.concernId, status: { in: ["reopened", "accepted", "new"] } },
      data: { status: "referred", updatedAt: now },
    });
  await queueReferralMessages(
    tx,
    db,
    row,
    row.concern,
    lastEventId,
    referralChangeAudiences(command.action, change),
    now,
  );
  const referral = (await tx.referral.findUnique({ where: { id: row.id } })) as Referral;
  return { referral, change };
}

/**
 * After a withdrawal: when the case has no unfinished referral left and is still "referred",
 * either another department's answer was accepted and rated (a closed referral with an
 * answer), and the case closes with those answers as the loop would (closeCaseWhenAnswered:
 * the citizen gets the outcome), or it is back in hand ("accepted"), with a status entry on
 * its timeline; its assignee (whoever referred it took it on) carries on, and the 三色
 * escalation supervises it again.
 */
async function handCaseBack(
  tx: TxClient,
  db: Database,
  concernId: number,
  actor: ReferralActor,
  now: Date,
): Promise<void> {
  const remaining = await tx.referral.count({ where: { concernId, status: unfinished } });
  if (remaining > 0) return;
  const answered = await tx.referral.count({ where: { concernId, status: "closed", answer: { not: null } } });
  if (answered > 0) {
    await closeCaseWhenAnswered(tx, db, concernId, actor, now);
    return;
  }
  const { count } = await tx.concern.updateMany({
    where: { id: concernId, status: "referred" },
    data: { status: "accepted", updatedAt: now },
  });
  if (count !== 1) return;
  await tx.concernEvent.create({
    data: {
      concernId,
      kind: "status",
      actorId: actorId(actor),
      actorRole: actorRole(actor),
      fromStatus: "referred",
      toStatus: "accepted",
      createdAt: now,
    },
  });
}

/**
 * Once the last unfinished referral of a case is closed (its answer accepted and rated
 * acceptable by the deputy), the case is resolved with the departments' answers as its
 * outcome, and the citizen gets it with the rating buttons, as for any outcome; each case
 * merged into it (并案) is closed with the same outcome, which its own citizen receives.
 */
async function closeCaseWhenAnswered(
  tx: TxClient,
  db: Database,
  concernId: number,
  actor: ReferralActor,
  now: Date,
): Promise<void> {
  const remaining = await tx.referral.count({
    where: { concernId, status: { notIn: [...finishedReferralStatuses] } },
  });
  if (remaining > 0) return;
  const concern = await tx.concern.findUnique({ where: { id: concernId } });
  if (concern?.status !== "referred") return;
  const outcome = referralOutcome(await listAnsweredReferrals(tx as Prisma, concernId), storedOutcomeWords);
  const { count } = await tx.concern.updateMany({
    where: { id: concernId, status: "referred" },
    data: { status: "resolved", outcome, closedAt: now, rating: null, ratedAt: null, updatedAt: now },
  });
  if (count !== 1) return;
  const event = await tx.concernEvent.create({
    data: {
      concernId,
      kind: "status",
      actorId: actorId(actor),
      actorRole: actor.kind === "system" ? "system" : actor.kind,
      fromStatus: "referred",
      toStatus: "resolved",
      text: outcome,
      createdAt: now,
    },
  });
  await notify(tx, db, { kind: "status", action: "resolve" }, concern, event.id, now);
  await closeMergedDuplicates(tx, db, concern, {
    toStatus: "resolved",
    outcome,
    actorId: actorId(actor),
    actorRole: actor.kind === "system" ? "system" : actor.kind,
    action: "resolve",
    now,
  });
}

/**
 * The case's closed referrals that carry an answer, oldest first: the lines of the outcome the
 * departments gave (referralOutcome), with both names of each department.
 */
export async function listAnsweredReferrals(
  prisma: Prisma,
  concernId: number,
): Promise<ReferralAnswerLine[]> {
  const rows = await prisma.referral.findMany({
    where: { concernId, status: "closed", answer: { not: null } },
    select: {
      answer: true,
      contactPerson: true,
      department: { select: { nameZh: true, nameEn: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    department: r.department,
    answer: r.answer ?? "",
    contactPerson: r.contactPerson,
  }));
}

/**
 * 不满意 from the citizen after an outcome the departments answered: each of the case's closed
 * referrals goes back to its department (重办, counted), inside the rating's transaction.
 * Returns how many went back; the caller keeps the case "referred" when any did.
 */
export async function redoReferralsAfterCitizen(
  tx: TxClient,
  db: Database,
  concernId: number,
  time: ReferralTime,
): Promise<number> {
  const closed = await tx.referral.findMany({
    where: { concernId, status: "closed" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of closed)
    await actInTransaction(tx, db, {
      referralId: id,
      command: { action: "citizen_unsatisfied" },
      actor: { kind: "system" },
      time,
    });
  return closed.length;
}

/** The referrals of some departments that are not finished, oldest deadline first, a page at a time. */
export async function listDepartmentReferrals(
  prisma: Prisma,
  departmentIds: readonly number[],
  page: number,
  pageSize: number,
) {
  const where = { departmentId: { in: [...departmentIds] }, status: unfinished };
  const [items, total] = await Promise.all([
    prisma.referral.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      skip: page * pageSize,
      take: pageSize,
      include: { concern: { select: { caseNo: true } }, department: true },
    }),
    prisma.referral.count({ where }),
  ]);
  return { items, total };
}

/** A case's referrals, oldest first, with their departments. */
export function listCaseReferrals(prisma: Prisma, concernId: number) {
  return prisma.referral.findMany({
    where: { concernId },
    orderBy: { id: "asc" },
    include: { department: true },
  });
}

/** Every department, for choosing where to refer a case. */
export function listDepartments(prisma: Prisma) {
  return prisma.department.findMany({ orderBy: { id: "asc" } });
}
