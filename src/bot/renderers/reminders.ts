// Renders the scheduled reminders at send time — a case still not accepted, a supervision
// warning (三色督办), the daily digest, a request to rate an outcome — and drops one that no
// longer applies (the case was accepted, closed or rated meanwhile; nothing is open any more).
import type { Database } from "../../db/client.js";
import { findConcern } from "../../db/queries/concerns.js";
import { countOpenWork } from "../../db/queries/reminders.js";
import { canRate, isOpen } from "../../domain/concern-status.js";
import type { MessageOf } from "../../domain/messages.js";
import { hasOpenWork } from "../../domain/reminders.js";
import type { Renderer, Translate } from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { caseCard, localName } from "../case-view.js";
import { escapeHtml, formatDateTime } from "../format.js";
import { handlerKeyboard, ratingKeyboard } from "../keyboards/case.js";
import { htmlMessage } from "./parts.js";

export interface ReminderRendererDeps {
  db: Database;
  timeZone: string;
  remindAfterHours: number;
}

type ReminderRenderers = {
  [K in "unaccepted" | "escalation" | "digest" | "follow_up"]: Renderer<K>;
};

export function createReminderRenderers(deps: ReminderRendererDeps): ReminderRenderers {
  const { db, timeZone } = deps;

  async function caseOf(message: MessageOf<"unaccepted" | "escalation" | "follow_up">) {
    const concern = await findConcern(db.prisma, message.concernId);
    if (!concern) throw new PermanentJobError("case no longer exists");
    return concern;
  }
  const buttons = (t: Translate, concern: Awaited<ReturnType<typeof caseOf>>) =>
    handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });

  return {
    async digest(message, { recipient, t, now }) {
      const work = await countOpenWork(db.prisma, recipient, now);
      if (!hasOpenWork(work)) return undefined;
      const lines = [t("digest-title", { date: message.date })];
      if (work.newCases > 0) lines.push(t("digest-new-cases", { count: work.newCases }));
      if (work.assignedCases > 0) lines.push(t("digest-assigned-cases", { count: work.assignedCases }));
      if (work.overdueCases > 0) lines.push(t("digest-overdue-cases", { count: work.overdueCases }));
      if (work.overdueReferrals > 0)
        lines.push(t("digest-overdue-referrals", { count: work.overdueReferrals }));
      lines.push("", t("digest-open-inbox"));
      return htmlMessage(lines.join("\n"));
    },

    async unaccepted(message, { t, locale }) {
      const concern = await caseOf(message);
      if (concern.status !== "new") return undefined;
      const header = t("reminder-unaccepted", { caseNo: concern.caseNo, hours: deps.remindAfterHours });
      const card = caseCard(concern, "handler", { t, locale, timeZone });
      return htmlMessage(`${header}\n\n${card}`, buttons(t, concern));
    },

    async escalation(message, { t, locale }) {
      const concern = await caseOf(message);
      const referral = message.referralId
        ? await db.prisma.referral.findUnique({
            where: { id: message.referralId },
            include: { department: true },
          })
        : null;
      if (!isOpen(concern.status) || (referral && referral.status !== "open")) return undefined;
      const caseNo = concern.caseNo;
      const district = escapeHtml(localName(concern.district, locale));
      const level = message.level;
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
      return htmlMessage(text, buttons(t, concern));
    },

    async follow_up(message, { t, locale }) {
      const concern = await caseOf(message);
      if (!canRate(concern.status, concern.rating) || !concern.closedAt) return undefined;
      const text = t("follow-up-rate", {
        caseNo: concern.caseNo,
        time: formatDateTime(concern.closedAt, locale, timeZone),
      });
      return htmlMessage(text, ratingKeyboard(t, concern.id));
    },
  };
}
