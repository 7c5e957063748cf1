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
 * One step of one referral, inside the caller's transaction: sets the step's column to `now`
 * only while it is still null (another instance, or an earlier pass, may have taken it) and,
 * for a supervision step (red), records the 督办 entry on the case's timeline. Returns the ids
 * of the people the step tells (each once), or null when the step was already taken.
 */
async function claimStep(tx: Prisma, row: LadderRow, step: DueStep, now: Date): Promise<number[] | null> {
  const { count } = await tx.referral.updateMany({
    where: { id: row.id, [step.column]: null },
    data: { [step.column]: now },
  });
  if (count !== 1) return null;
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
  const circle = await loadReferralCircle(tx, { ...row.concern, departmentId: row.departmentId });
  return [...new Set(step.recipients.flatMap((r) => ladderRecipients(r, circle)))];
}

/** Most referrals one grouped supervision message lists, and one transaction takes. */
export const SUPERVISIONS_PER_MESSAGE = 200;

/**
 * Takes the amber and red steps due in one pass, each once (as takeLadderStep), in rounds of
 * SUPERVISIONS_PER_MESSAGE: per round one transaction sets each step's column while still
 * null, records red's 督办 entries, and queues ONE message per person and step listing every
 * referral it was taken for (issue 7: not one per referral) — a "supervisions" list, or the
 * referral's own "supervision" card when it is the person's only one. Returns the steps taken
 * and the messages queued.
 */
export async function takeGroupedLadderSteps(
  db: Database,
  due: readonly { row: LadderRow; step: DueStep }[],
  now: Date,
): Promise<{ taken: number; messages: number }> {
  const result = { taken: 0, messages: 0 };
  // Most overdue first, in every list.
  const ordered = [...due].sort((a, b) => a.step.dueAt.getTime() - b.step.dueAt.getTime());
  for (let start = 0; start < ordered.length; start += SUPERVISIONS_PER_MESSAGE) {
    const round = ordered.slice(start, start + SUPERVISIONS_PER_MESSAGE);
    const outcome = await db.prisma.$transaction(async (tx) => {
      const lists = new Map<
        string,
        { recipientId: number; step: "amber" | "red"; taken: { row: LadderRow; step: DueStep }[] }
      >();
      let taken = 0;
      for (const item of round) {
        const { row, step } = item;
        if (step.step !== "amber" && step.step !== "red") continue;
        const recipients = await claimStep(tx as Prisma, row, step, now);
        if (!recipients) continue;
        taken++;
        for (const recipientId of recipients) {
          const key = `${recipientId}:${step.step}`;
          const list = lists.get(key) ?? { recipientId, step: step.step, taken: [] };
          list.taken.push(item);
          lists.set(key, list);
        }
      }
      const messages = [...lists.values()].map(({ recipientId, step, taken: items }) =>
        items.length === 1
          ? {
              kind: "supervision" as const,
              recipientId,
              referralId: items[0]!.row.id,
              step,
              dueAt: items[0]!.step.dueAt.toISOString(),
            }
          : {
              kind: "supervisions" as const,
              recipientId,
              step,
              at: now.toISOString(),
              referralIds: items.map((item) => item.row.id),
            },
      );
      return { taken, messages: await enqueueMessages(tx, db.dialect, messages, now) };
    });
    result.taken += outcome.taken;
    result.messages += outcome.messages;
  }
  return result;
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
    const recipients = await claimStep(tx as Prisma, row, step, now);
    if (!recipients) return { taken: false, messages: 0 };
    const messages = recipients.map((recipientId) => ({
      kind: "supervision" as const,
      recipientId,
      referralId: row.id,
      step: step.step,
      dueAt: step.dueAt.toISOString(),
    }));
    return { taken: true, messages: await enqueueMessages(tx, db.dialect, messages, now) };
  });
}
