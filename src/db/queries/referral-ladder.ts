// The supervision ladder's reads and writes (src/domain/supervision-ladder.ts decides): the
// referrals that may have a step due, and taking one step — its column set once, its messages
// queued and, for red, a 督办 entry on the case's timeline — in one transaction.
import { type AnswerClass, awaitingDepartment, parseReferralStatus } from "../../domain/referral.js";
import { ladderRecipients } from "../../domain/referral-recipients.js";
import type { DueStep, LadderFacts } from "../../domain/supervision-ladder.js";
import type { Database, Prisma } from "../client.js";
import { enqueueMessages } from "../outbox.js";
import { loadReferralCircle } from "./referral-people.js";

/** A referral with the facts the ladder reads. */
export interface LadderRow {
  id: number;
  concernId: number;
  departmentId: number;
  concern: { citizenId: number; assigneeId: number | null; districtId: number };
  facts: LadderFacts;
}

/**
 * The referrals after `afterId` (id order) that may have a step due: those the department owes
 * something on, returned ones waiting to be re-routed, and answers B and C whose promised date
 * has not yet been asked about.
 */
export async function findLadderCandidates(
  prisma: Prisma,
  afterId: number,
  take: number,
): Promise<LadderRow[]> {
  const rows = await prisma.referral.findMany({
    where: {
      id: { gt: afterId },
      OR: [
        // "open": rows made before the loop (sent), supervised here like any other and no longer
        // by the 三色 case escalation.
        { status: { in: [...awaitingDepartment, "open", "returned"] } },
        { status: { in: ["accepted", "closed"] }, promisedAt: { not: null }, promiseAskedAt: null },
      ],
    },
    orderBy: { id: "asc" },
    take,
    include: { concern: { select: { citizenId: true, assigneeId: true, districtId: true, pausedAt: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    concernId: r.concernId,
    departmentId: r.departmentId,
    concern: r.concern,
    facts: {
      status: parseReferralStatus(r.status),
      deadline: r.deadline,
      acknowledgeBy: r.acknowledgeBy,
      returnedAt: r.returnedAt,
      answerClass: (r.answerClass as AnswerClass | null) ?? null,
      promisedAt: r.promisedAt,
      pausedAt: r.concern.pausedAt,
      taken: {
        acknowledgeReminderSentAt: r.acknowledgeReminderSentAt,
        reminderSentAt: r.reminderSentAt,
        amberSentAt: r.amberSentAt,
        redSentAt: r.redSentAt,
        rerouteReminderSentAt: r.rerouteReminderSentAt,
        promiseAskedAt: r.promiseAskedAt,
      },
    },
  }));
}

/**
 * Takes one step of a referral's ladder, once: sets its column to `now` only while it is still
 * null (another instance, or an earlier pass, may have taken it), then queues the step's
 * messages and, for a supervision step (red), records a "supervision" entry (督办) on the case's
 * timeline. Returns whether it was taken now, and how many messages were queued.
 */
export function takeLadderStep(
  db: Database,
  row: LadderRow,
  step: DueStep,
  now: Date,
): Promise<{ taken: boolean; messages: number }> {
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.referral.updateMany({
      where: { id: row.id, [step.column]: null },
      data: { [step.column]: now },
    });
    if (count !== 1) return { taken: false, messages: 0 };
    const circle = await loadReferralCircle(tx as Prisma, { ...row.concern, departmentId: row.departmentId });
    const recipients = [...new Set(step.recipients.flatMap((r) => ladderRecipients(r, circle)))];
    const messages = recipients.map((recipientId) => ({
      kind: "supervision" as const,
      recipientId,
      referralId: row.id,
      step: step.step,
      dueAt: step.dueAt.toISOString(),
    }));
    if (step.supervision)
      await tx.concernEvent.create({
        data: {
          concernId: row.concernId,
          kind: "supervision",
          actorRole: "system",
          referralId: row.id,
          text: step.step,
          createdAt: now,
        },
      });
    return { taken: true, messages: await enqueueMessages(tx, db.dialect, messages, now) };
  });
}
