// A case waiting for the citizen's clarification: its referrals' clocks stand still
// (Concern.pausedAt; the supervision ladder takes no step meanwhile), and when the wait ends
// their deadlines move on by the working days it lasted (src/domain/referral.ts
// resumedReferralDeadlines), each with a timeline entry the citizen sees in summary.
import { parseReferralStatus, resumedReferralDeadlines } from "../../domain/referral.js";
import type { Database } from "../client.js";
import { ConcernNotFoundError } from "./concerns.js";
import type { ReferralTime } from "./referrals.js";

/** The case is not referred, or already waiting (pause) or not waiting (resume). */
export class ClockStateError extends Error {
  override name = "ClockStateError";
  constructor(
    readonly concernId: number,
    readonly wanted: "pause" | "resume",
  ) {
    super(`cannot ${wanted} the clock of case ${concernId}`);
  }
}

/**
 * Stops the clock of a referred case (once: a second pause is refused with ClockStateError).
 * Throws ConcernNotFoundError.
 */
export function pauseCaseClock(
  db: Database,
  input: { concernId: number; actorId: number; actorRole: string; now: Date },
): Promise<void> {
  return db.prisma.$transaction(async (tx) => {
    const concern = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!concern) throw new ConcernNotFoundError(input.concernId);
    const { count } = await tx.concern.updateMany({
      where: { id: concern.id, status: "referred", pausedAt: null },
      data: { pausedAt: input.now, updatedAt: input.now },
    });
    if (count !== 1) throw new ClockStateError(concern.id, "pause");
    await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        kind: "clock_paused",
        actorId: input.actorId,
        actorRole: input.actorRole,
        createdAt: input.now,
      },
    });
  });
}

/**
 * Starts the clock again: each referral the department still owes something on gets its
 * deadlines moved on by the working days of the wait, with its supervision ladder started
 * again. Returns how many referrals moved. Throws ConcernNotFoundError, ClockStateError.
 */
export function resumeCaseClock(
  db: Database,
  input: { concernId: number; actorId: number | null; actorRole: string; time: ReferralTime },
): Promise<number> {
  const { now, calendar, timeZone } = input.time;
  return db.prisma.$transaction(async (tx) => {
    const concern = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!concern) throw new ConcernNotFoundError(input.concernId);
    const pausedAt = concern.pausedAt;
    if (!pausedAt) throw new ClockStateError(concern.id, "resume");
    const { count } = await tx.concern.updateMany({
      where: { id: concern.id, pausedAt },
      data: { pausedAt: null, updatedAt: now },
    });
    if (count !== 1) throw new ClockStateError(concern.id, "resume");
    const referrals = await tx.referral.findMany({ where: { concernId: concern.id } });
    let moved = 0;
    for (const referral of referrals) {
      const next = resumedReferralDeadlines(
        {
          status: parseReferralStatus(referral.status),
          deadline: referral.deadline,
          acknowledgeBy: referral.acknowledgeBy,
        },
        pausedAt,
        now,
        calendar,
        timeZone,
      );
      if (!next) continue;
      await tx.referral.update({ where: { id: referral.id }, data: { ...next, updatedAt: now } });
      moved += 1;
    }
    await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        kind: "clock_resumed",
        actorId: input.actorId,
        actorRole: input.actorRole,
        createdAt: now,
      },
    });
    return moved;
  });
}
