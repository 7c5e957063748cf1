// The triage desk's writes (分诊): a case's category and priority, who it is assigned to, and
// internal notes. Each change, its timeline entry (with who did it) and the messages it causes
// are written in one transaction; the rules are src/domain/triage.ts, checked here again inside
// the transaction on the row as it is now.
import type { HandlerScope } from "../../domain/access.js";
import { caseHandlers } from "../../domain/case-recipients.js";
import type { ConcernEventKind } from "../../domain/event-kinds.js";
import type { TriageMessage } from "../../domain/messages.js";
import { personName as displayName } from "../../domain/person-name.js";
import {
  checkAssignee,
  checkTriage,
  type Priority,
  priorityColumn,
  priorityOf,
  type TriageAction,
  type TriageActor,
  TriageRefusedError,
} from "../../domain/triage.js";
import type { Database, Prisma } from "../client.js";
import type { Concern, ConcernEvent } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { loadCaseCircle, toldHandlers } from "./case-people.js";
import { ConcernNotFoundError, ConcurrentChangeError, type TxClient } from "./concerns.js";

export { TriageRefusedError };

/** Who acts, with the role the timeline records them in. */
export interface TriageInput {
  concernId: number;
  actor: TriageActor;
  actorRole: "representative" | "staff" | "admin";
  now: Date;
}

async function loadChecked(tx: TxClient, input: TriageInput, action: TriageAction): Promise<Concern> {
  const concern = await tx.concern.findUnique({ where: { id: input.concernId } });
  if (!concern) throw new ConcernNotFoundError(input.concernId);
  checkTriage(action, input.actor, concern);
  return concern;
}

async function record(
  tx: TxClient,
  input: TriageInput,
  kind: ConcernEventKind,
  text: string | null,
  extra: { internal?: boolean; sourceKey?: string } = {},
): Promise<ConcernEvent> {
  return tx.concernEvent.create({
    data: {
      concernId: input.concernId,
      kind,
      actorId: input.actor.id,
      actorRole: input.actorRole,
      text,
      internal: extra.internal ?? null,
      sourceKey: extra.sourceKey ?? null,
      createdAt: input.now,
    },
  });
}

/** Guarded write: the row must still be as it was read (someone else may have triaged it meanwhile). */
async function update(tx: TxClient, current: Concern, data: Record<string, unknown>, now: Date) {
  const { count } = await tx.concern.updateMany({
    where: { id: current.id, updatedAt: current.updatedAt, assigneeId: current.assigneeId },
    data: { ...data, updatedAt: now },
  });
  if (count !== 1) throw new ConcurrentChangeError(current.id);
}

/**
 * Sets a case's category (the timeline entry's text is the category id). Unchanged when it
 * already has it. Throws TriageRefusedError (out of scope, not open, unknown category),
 * ConcernNotFoundError, ConcurrentChangeError.
 */
export function setCategory(
  db: Database,
  input: TriageInput & { categoryId: number },
): Promise<{ concern: Concern; changed: boolean }> {
  return db.prisma.$transaction(async (tx) => {
    const current = await loadChecked(tx, input, "categorize");
    const category = await tx.category.findUnique({ where: { id: input.categoryId } });
    if (!category) throw new TriageRefusedError("unknown_category", current.id);
    if (current.categoryId === category.id) return { concern: current, changed: false };
    await update(tx, current, { categoryId: category.id }, input.now);
    await record(tx, input, "categorized", String(category.id));
    return { concern: await reload(tx, current.id), changed: true };
  });
}

/** Sets 一般 or 紧急 (the timeline entry's text is the priority). Throws as setCategory. */
export function setPriority(
  db: Database,
  input: TriageInput & { priority: Priority },
): Promise<{ concern: Concern; changed: boolean }> {
  return db.prisma.$transaction(async (tx) => {
    const current = await loadChecked(tx, input, "prioritize");
    if (priorityOf(current.priority) === input.priority) return { concern: current, changed: false };
    await update(tx, current, { priority: priorityColumn(input.priority) }, input.now);
    await record(tx, input, "prioritized", input.priority);
    return { concern: await reload(tx, current.id), changed: true };
  });
}

/**
 * Assigns a case to a deputy of its district (staff and admins), or to the actor themself
 * (claim: `assigneeId` = the actor, any handler in scope while nobody holds it). The timeline
 * entry's actor is who assigned, its text the assignee's name; the assignee is told unless
 * they assigned it themself. The status does not change: the assignee still accepts it.
 * Throws TriageRefusedError, ConcernNotFoundError, ConcurrentChangeError.
 */
export function assignConcern(db: Database, input: TriageInput & { assigneeId: number }): Promise<Concern> {
  const claim = input.assigneeId === input.actor.id;
  return db.prisma.$transaction(async (tx) => {
    const current = await loadChecked(tx, input, claim ? "claim" : "assign");
    const assignee = await tx.user.findUnique({
      where: { id: input.assigneeId },
      include: { representativeOf: { where: { districtId: current.districtId }, select: { id: true } } },
    });
    // Claiming: staff and admins may take a case of their scope without being its deputy.
    const deputyOfDistrict = Boolean(assignee && (assignee.representativeOf.length > 0 || claim));
    checkAssignee(
      current,
      assignee && { id: assignee.id, deputyOfDistrict, inactive: assignee.inactiveAt !== null },
    );
    await update(tx, current, { assigneeId: input.assigneeId, assignedAt: input.now }, input.now);
    // A claim's entry reads 认领 on the timeline: "claim|<name>".
    const event = await record(
      tx,
      input,
      "assigned",
      claim ? `claim|${displayName(assignee!)}` : displayName(assignee!),
    );
    if (!claim) {
      const message: TriageMessage = {
        kind: "concern_assigned",
        recipientId: input.assigneeId,
        concernId: current.id,
        eventId: event.id,
      };
      const messages = [message];
      // Reassigned: the deputy who held it is told it is no longer theirs.
      const former = current.assigneeId;
      if (former !== null && former !== input.assigneeId && former !== input.actor.id)
        messages.push({
          kind: "concern_unassigned",
          recipientId: former,
          concernId: current.id,
          eventId: event.id,
        });
      await enqueueMessages(tx, db.dialect, messages, input.now);
    }
    return reload(tx, current.id);
  });
}

/** Longest internal note, in characters. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Adds an internal note (ConcernEvent kind "note", internal): seen by the case's handlers on
 * its timeline, told to its other handlers (src/domain/case-recipients.ts caseHandlers, less
 * the author), never shown or sent to a citizen — the delivery engine refuses it. Once per
 * `sourceKey` (the Telegram message it came from). Throws TriageRefusedError (out of scope),
 * ConcernNotFoundError.
 */
export function addNote(
  db: Database,
  input: TriageInput & { text: string; sourceKey: string },
): Promise<ConcernEvent> {
  return db.prisma.$transaction(async (tx) => {
    const existing = await tx.concernEvent.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return existing;
    const current = await loadChecked(tx, input, "note");
    const event = await record(tx, input, "note", input.text, { internal: true, sourceKey: input.sourceKey });
    const circle = await loadCaseCircle(tx as Prisma, current);
    const messages: TriageMessage[] = caseHandlers(circle)
      .filter((id) => id !== input.actor.id && id !== current.citizenId)
      .map((recipientId) => ({
        kind: "concern_note",
        recipientId,
        concernId: current.id,
        eventId: event.id,
      }));
    await enqueueMessages(tx, db.dialect, messages, input.now);
    return event;
  });
}

/**
 * The deputies a case of `districtId` may be assigned to: the deputies of exactly that district
 * who are active and not held back (toldHandlers: suspended, or their notice not accepted).
 */
export function listAssignableDeputies(prisma: Prisma, districtId: number) {
  return prisma.user.findMany({
    where: { ...toldHandlers, representativeOf: { some: { districtId } } },
    orderBy: { id: "asc" },
    select: { id: true, firstName: true, lastName: true, username: true },
  });
}

async function reload(tx: TxClient, id: number): Promise<Concern> {
  return (await tx.concern.findUnique({ where: { id } })) as Concern;
}

export type { HandlerScope };
