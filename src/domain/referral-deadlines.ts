// How many working days a department has to acknowledge (签收) and to answer (答复) a referral,
// by priority, with per-category overrides (Category.acknowledgeDays … urgentAnswerDays).
import type { Priority } from "./triage.js";

/** Working days to acknowledge and to answer, counted as `addWorkingDays` counts them. */
export interface ReferralDeadlineDays {
  acknowledgeDays: number;
  answerDays: number;
}

/**
 * The defaults, in working days. Source: the "typical local rules" of the project's domain
 * notes (shared/docs/domain.md: "a department acknowledges within a week and answers within a
 * month; 周办结、月督办、季汇办"); the seeds themselves only ask that referrals be made, supervised
 * and answered "及时" (seed 002: "依法交办、转办、督办 … 及时将办理情况向代表、人民群众进行反馈")
 * and give no figures. So: a week is 5 working days and a month 20 (four working weeks; a
 * calendar month holds 20–23); an urgent case is acknowledged within 1 working day and answered
 * within a week, 5 (周办结). Categories override them.
 */
export const defaultReferralDeadlineDays: Readonly<Record<Priority, ReferralDeadlineDays>> = {
  normal: { acknowledgeDays: 5, answerDays: 20 },
  urgent: { acknowledgeDays: 1, answerDays: 5 },
};

/** A category's overrides, as the Category columns hold them (null: the default). */
export interface CategoryDeadlineOverrides {
  acknowledgeDays: number | null;
  answerDays: number | null;
  urgentAcknowledgeDays: number | null;
  urgentAnswerDays: number | null;
}

/**
 * The working days for a referral of that priority and category (null: no category). The
 * acknowledgement is never due after the answer: an acknowledgement period longer than the
 * answer period is cut to it.
 */
export function referralDeadlineDays(
  priority: Priority,
  category: CategoryDeadlineOverrides | null,
  defaults: Readonly<Record<Priority, ReferralDeadlineDays>> = defaultReferralDeadlineDays,
): ReferralDeadlineDays {
  const base = defaults[priority];
  const answerDays =
    (priority === "urgent" ? category?.urgentAnswerDays : category?.answerDays) ?? base.answerDays;
  const acknowledgeDays =
    (priority === "urgent" ? category?.urgentAcknowledgeDays : category?.acknowledgeDays) ??
    base.acknowledgeDays;
  return { acknowledgeDays: Math.min(acknowledgeDays, answerDays), answerDays };
}
