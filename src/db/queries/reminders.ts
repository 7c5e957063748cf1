// What the schedule passes read and write. Each pass reads a batch of due rows (no
// transaction), then in ONE short transaction records on the rows that they have been dealt
// with and queues the messages (outbox): a crash in between leaves the rows due for the next
// pass, never reminded without a message or messaged twice. The state lives on the rows
// (Concern.remindedAt / escalation / followedUpAt) rather than in the
// keys of finished jobs, which housekeeping purges.
import { inHandStatuses, openStatuses, ratableStatuses } from "../../domain/concern-status.js";
import type { OutgoingMessage } from "../../domain/messages.js";
import type { OpenWork } from "../../domain/reminders.js";
import { escalatedCaseStatuses } from "../../domain/reminders.js";
import { handlerRoles } from "../../domain/roles.js";
import type { Database, Prisma } from "../client.js";
import type { User } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { loadHandlerScope, scopeDistrictIds } from "./access.js";
import { toldHandlers } from "./case-people.js";

type TxClient = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

/** Records what a batch did and queues its messages, in one transaction. */
export async function markAndQueue(
  db: Database,
  mark: (tx: TxClient) => Promise<unknown>,
  messages: OutgoingMessage[],
  now: Date,
): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await mark(tx);
    await enqueueMessages(tx, db.dialect, messages, now);
  });
}

// --- not accepted in time --------------------------------------------------------------

// The due queries below take no cursor: the pass marks what it gets, so the next call
// returns the next rows. They are ordered by the last column of the index that matches their
// condition, so that the database reads due rows only: without an explicit order Prisma adds
// ORDER BY id, and PostgreSQL then walks the whole primary key.

export function findUnremindedNewConcerns(prisma: Prisma, createdBefore: Date, take: number) {
  return prisma.concern.findMany({
    where: { status: "new", remindedAt: null, createdAt: { lte: createdBefore } },
    select: { id: true, districtId: true },
    orderBy: { createdAt: "asc" },
    take,
  });
}

export function markConcernsReminded(tx: TxClient, ids: number[], now: Date) {
  return tx.concern.updateMany({
    where: { id: { in: ids }, remindedAt: null },
    data: { remindedAt: now },
  });
}

// --- supervision (三色督办) --------------------------------------------------------------

/**
 * Open cases not referred to a department, due by `dueBefore`, whose escalation level is
 * `level` (null: never escalated).
 */
export function findConcernsToEscalate(prisma: Prisma, level: "amber" | null, dueBefore: Date, take: number) {
  return prisma.concern.findMany({
    where: { status: { in: [...escalatedCaseStatuses] }, escalation: level, dueAt: { lte: dueBefore } },
    select: { id: true, districtId: true, dueAt: true },
    orderBy: { dueAt: "asc" },
    take,
  });
}

export function markConcernsEscalated(
  tx: TxClient,
  ids: number[],
  from: "amber" | null,
  to: "amber" | "red",
) {
  return tx.concern.updateMany({ where: { id: { in: ids }, escalation: from }, data: { escalation: to } });
}

/** The cases of a grouped escalation, with their districts, in the order given; a case gone is left out. */
export async function loadEscalatedCases(prisma: Prisma, concernIds: readonly number[]) {
  const concerns = await prisma.concern.findMany({
    where: { id: { in: [...concernIds] } },
    include: { district: true },
  });
  const byId = new Map(concerns.map((c) => [c.id, c]));
  return concernIds.flatMap((id) => byId.get(id) ?? []);
}

// --- asking for a rating -----------------------------------------------------------------

/** Outcomes closed between `closedAfter` and `closedBefore`, still unrated, never followed up. */
export function findUnratedOutcomes(prisma: Prisma, closedAfter: Date, closedBefore: Date, take: number) {
  return prisma.concern.findMany({
    where: {
      followedUpAt: null,
      closedAt: { gt: closedAfter, lte: closedBefore },
      status: { in: [...ratableStatuses] },
      rating: null,
    },
    select: { id: true, citizenId: true, citizen: { select: { inactiveAt: true } } },
    orderBy: { closedAt: "asc" },
    take,
  });
}

export function markConcernsFollowedUp(tx: TxClient, ids: number[], now: Date) {
  return tx.concern.updateMany({
    where: { id: { in: ids }, followedUpAt: null },
    data: { followedUpAt: now },
  });
}

// --- the daily digest --------------------------------------------------------------------

/** Deputies, staff and admins who can still be reached and are not held back (toldHandlers). */
export function findDigestRecipients(prisma: Prisma, afterId: number, take: number): Promise<User[]> {
  return prisma.user.findMany({
    where: { id: { gt: afterId }, role: { in: [...handlerRoles] }, ...toldHandlers },
    orderBy: { id: "asc" },
    take,
  });
}

/** What is open for one deputy or staff member: the districts they handle, as in /inbox. */
export async function countOpenWork(prisma: Prisma, user: User, now: Date): Promise<OpenWork> {
  const scope = await loadHandlerScope(prisma, user);
  const inScope = scope.kind === "all" ? {} : { districtId: { in: await scopeDistrictIds(prisma, scope) } };
  const [newCases, overdueCases, assignedCases, overdueReferrals] = await Promise.all([
    prisma.concern.count({ where: { ...inScope, status: "new" } }),
    prisma.concern.count({ where: { ...inScope, status: { in: [...openStatuses] }, dueAt: { lt: now } } }),
    prisma.concern.count({ where: { assigneeId: user.id, status: { in: [...inHandStatuses] } } }),
    prisma.referral.count({ where: { status: "open", deadline: { lt: now }, concern: inScope } }),
  ]);
  return { newCases, overdueCases, assignedCases, overdueReferrals };
}

// --- housekeeping ------------------------------------------------------------------------

/** Deletes up to `limit` processed-update records finished before `before`; returns how many. */
export async function deleteProcessedUpdates(prisma: Prisma, before: Date, limit: number): Promise<number> {
  const rows = await prisma.processedUpdate.findMany({
    where: { status: "done", startedAt: { lt: before } },
    select: { updateId: true },
    orderBy: { updateId: "asc" },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const { count } = await prisma.processedUpdate.deleteMany({
    where: { updateId: { in: rows.map((r) => r.updateId) }, status: "done" },
  });
  return count;
}
