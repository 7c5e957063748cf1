// The "send-reminder" task: renders a scheduled reminder at send time, in the recipient's
// language, and drops it when it no longer applies (the case was accepted, closed or rated
// meanwhile; nothing is open any more). None is urgent, none is re-sent after an uncertain
// attempt: the schedules themselves bring the same matter back (src/bot/notifications.ts).
import type { Database } from "../db/client.js";
import { findConcern } from "../db/queries/concerns.js";
import { countOpenWork, hasOpenWork } from "../db/queries/reminders.js";
import { canRate, isOpen } from "../domain/concern-status.js";
import { PermanentJobError } from "../jobs/errors.js";
import type { Reminder, ReminderSender } from "../jobs/tasks/send-reminder.js";
import { caseCard, localName } from "./case-view.js";
import { escapeHtml, formatDateTime } from "./format.js";
import { handlerKeyboard, ratingKeyboard } from "./keyboards/case.js";
import type { Delivery, OutgoingMessage, RenderMessage } from "./notifications.js";

export interface ReminderDeps {
  db: Database;
  timeZone: string;
  remindAfterHours: number;
}

const policy: Pick<OutgoingMessage, "urgent" | "ifUncertain"> = {
  urgent: false,
  ifUncertain: "assume-delivered",
};

async function renderer(deps: ReminderDeps, reminder: Reminder, now: Date): Promise<RenderMessage> {
  const { db, timeZone } = deps;
  if (reminder.kind === "digest") {
    const user = await db.prisma.user.findUnique({ where: { id: reminder.recipientId } });
    if (!user) throw new PermanentJobError("recipient no longer exists");
    const work = await countOpenWork(db.prisma, user, now);
    return (t) => {
      if (!hasOpenWork(work)) return undefined;
      const lines = [t("digest-title", { date: reminder.date })];
      if (work.newCases > 0) lines.push(t("digest-new-cases", { count: work.newCases }));
      if (work.assignedCases > 0) lines.push(t("digest-assigned-cases", { count: work.assignedCases }));
      if (work.overdueCases > 0) lines.push(t("digest-overdue-cases", { count: work.overdueCases }));
      if (work.overdueReferrals > 0)
        lines.push(t("digest-overdue-referrals", { count: work.overdueReferrals }));
      lines.push("", t("digest-open-inbox"));
      return { ...policy, text: lines.join("\n") };
    };
  }
  const concern = await findConcern(db.prisma, reminder.concernId);
  if (!concern) throw new PermanentJobError("case no longer exists");
  const caseNo = concern.caseNo;
  const buttons = (t: Parameters<RenderMessage>[0]) =>
    handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });
  switch (reminder.kind) {
    case "unaccepted":
      return (t, locale) => {
        if (concern.status !== "new") return undefined;
        const header = t("reminder-unaccepted", { caseNo, hours: deps.remindAfterHours });
        const card = caseCard(concern, "handler", { t, locale, timeZone });
        return { ...policy, text: `${header}\n\n${card}`, keyboard: buttons(t) };
      };
    case "escalation": {
      const referral = reminder.referralId
        ? await db.prisma.referral.findUnique({
            where: { id: reminder.referralId },
            include: { department: true },
          })
        : null;
      return (t, locale) => {
        if (!isOpen(concern.status) || (referral && referral.status !== "open")) return undefined;
        const district = escapeHtml(localName(concern.district, locale));
        const level = reminder.level;
        const text = referral
          ? t(`escalation-referral-${level}`, {
              caseNo,
              district,
              department: escapeHtml(localName(referral.department, locale)),
              time: formatDateTime(referral.deadline, locale, timeZone),
            })
          : t(`escalation-case-${level}`, {
              caseNo,
              district,
              time: concern.dueAt ? formatDateTime(concern.dueAt, locale, timeZone) : "—",
            });
        return { ...policy, text, keyboard: buttons(t) };
      };
    }
    case "follow_up":
      return (t, locale) => {
        if (!canRate(concern.status, concern.rating) || !concern.closedAt) return undefined;
        const text = t("follow-up-rate", {
          caseNo,
          time: formatDateTime(concern.closedAt, locale, timeZone),
        });
        return { ...policy, text, keyboard: ratingKeyboard(t, concern.id) };
      };
  }
}

export function createReminderSender(delivery: Delivery, deps: ReminderDeps): ReminderSender {
  return async (reminder, job, context) => {
    const recipient = await deps.db.prisma.user.findUnique({ where: { id: reminder.recipientId } });
    if (!recipient) throw new PermanentJobError("recipient no longer exists");
    return delivery.deliver(recipient, await renderer(deps, reminder, context.now()), job, context);
  };
}
