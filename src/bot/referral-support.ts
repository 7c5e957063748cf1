// What every referral handler in the bot needs: the clock and working-day calendar deadlines are
// counted on, and the clear, localized answer to each refusal.

import { loadWorkingCalendar } from "../db/queries/calendar.js";
import { ConcernNotFoundError } from "../db/queries/concerns.js";
import { loadReferralActor, type ReferralCapacity } from "../db/queries/referral-people.js";
import type { ReferralTime } from "../db/queries/referrals.js";
import { parseReferralStatus, type ReferralAction } from "../domain/referral.js";
import {
  DateNotInFutureError,
  InvalidDateError,
  InvalidReferralTransitionError,
  ReferralError,
  TextTooLongError,
} from "../domain/referral-errors.js";
import { refuseIfSuspended } from "./case-access.js";
import type { BotContext } from "./context.js";

/** Now, the working-day calendar (shipped and loaded years) and TIME_ZONE. */
export async function referralTime(ctx: BotContext): Promise<ReferralTime> {
  const { calendar } = await loadWorkingCalendar(ctx.deps.db.prisma);
  return { now: ctx.deps.now(), calendar, timeZone: ctx.deps.config.TIME_ZONE };
}

/** The capacity each action is taken in (withdraw: see `capacityFor`). */
const capacityOf: Record<ReferralAction, ReferralCapacity> = {
  acknowledge: "department",
  return: "department",
  request_extension: "department",
  answer: "department",
  decide_extension: "staff",
  review: "staff",
  refuse_return: "staff",
  reroute: "staff",
  rate: "representative",
  withdraw: "staff",
  citizen_unsatisfied: "staff",
  ask_again: "staff",
};

/**
 * The capacity `user` takes `action` in: the action's own, except a withdrawal (撤回), which
 * staff and administrators take as staff and anyone else as a deputy (whoever referred it).
 * The domain then decides whether the actor may (src/domain/referral.ts).
 */
export function capacityFor(action: ReferralAction, user: { role: string }): ReferralCapacity {
  if (action === "withdraw")
    return user.role === "staff" || user.role === "admin" ? "staff" : "representative";
  return capacityOf[action];
}

/**
 * The capacity `user` writes an internal note on a referral in (src/domain/referral.ts
 * mayNoteOnReferral): a department contact as their department, staff and administrators as
 * staff, anyone else as a deputy.
 */
export function noteCapacity(user: { role: string }): ReferralCapacity {
  if (user.role === "department") return "department";
  return user.role === "staff" || user.role === "admin" ? "staff" : "representative";
}

/** The answer to an expected refusal of a referral action, or undefined for anything else. */
export function referralErrorMessage(ctx: BotContext, error: unknown): string | undefined {
  if (error instanceof ConcernNotFoundError) return ctx.t("case-not-found");
  if (!(error instanceof ReferralError)) return undefined;
  if (error instanceof InvalidReferralTransitionError) {
    let status = error.status;
    try {
      status = parseReferralStatus(error.status);
    } catch {}
    return ctx.t("referral-error-invalid_transition", { status: ctx.t(`referral-status-${status}`) });
  }
  if (error instanceof DateNotInFutureError || error instanceof InvalidDateError)
    return ctx.t(`referral-error-${error.code}`, {
      date: error instanceof InvalidDateError ? error.value : error.date,
    });
  if (error instanceof TextTooLongError) return ctx.t("referral-error-text_too_long", { max: error.max });
  return ctx.t(`referral-error-${error.code}`);
}

/**
 * The user as a ReferralActor in `capacity` (src/db/queries/referral-people.ts loadReferralActor);
 * throws SuspendedError for a suspended deputy or staff member acting as one (a department
 * contact's capacity is not theirs to lose by a suspension).
 */
export function referralActorOf(ctx: BotContext, capacity: ReferralCapacity) {
  if (capacity !== "department") refuseIfSuspended(ctx);
  return loadReferralActor(ctx.deps.db.prisma, ctx.user, capacity);
}
