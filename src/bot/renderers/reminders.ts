// Renders the scheduled reminders at send time — a case still not accepted, a supervision
// warning (三色督办: one list per person and level, each case with a button to open it), the daily digest, a request to rate an outcome — and drops one that no
// longer applies (the case was accepted, closed or rated meanwhile; nothing is open any more).
import { InlineKeyboard } from "grammy";
import type { Database } from "../../db/client.js";
import { findConcern } from "../../db/queries/concerns.js";
import { countOpenWork, loadEscalatedCases } from "../../db/queries/reminders.js";
import { type ConcernStatus, canRate, isOpen } from "../../domain/concern-status.js";
import type { MessageOf } from "../../domain/messages.js";
import { escalatedCaseStatuses, hasOpenWork } from "../../domain/reminders.js";
import type { Renderer, Translate } from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { openCaseData } from "../callback-data.js";
import { caseCard, localName } from "../case-view.js";
import { escapeHtml, formatDateTime } from "../format.js";
import { handlerKeyboard, ratingKeyboard } from "../keyboards/case.js";
import { splitHtml } from "../split-text.js";
import { htmlMessage } from "./parts.js";

export interface ReminderRendererDeps {
  db: Database;
  timeZone: string;
  remindAfterHours: number;
}

type ReminderRenderers = {
  [K in "unaccepted" | "escalation" | "escalations" | "digest" | "follow_up"]: Renderer<K>;
};

const DAY_MS = 86_400_000;
/** Cases listed in one Telegram message of a grouped escalation (each with its button). */
const CASES_PER_PART = 30;
const BUTTONS_PER_ROW = 3;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

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

    async escalations(message, { t, locale, now }) {
      // Closed meanwhile, or referred (the referral ladder chases it now): not listed; none left, nothing sent.
      const open = (await loadEscalatedCases(db.prisma, message.concernIds)).filter((concern) =>
        escalatedCaseStatuses.includes(concern.status as ConcernStatus),
      );
      if (open.length === 0) return undefined;
      const level = message.level;
      const line = (concern: (typeof open)[number]) =>
        t(`escalations-case-${level}`, {
          caseNo: concern.caseNo,
          district: escapeHtml(localName(concern.district, locale)),
          time: concern.dueAt ? formatDateTime(concern.dueAt, locale, timeZone) : "—",
          days: concern.dueAt
            ? Math.max(0, Math.floor((now.getTime() - concern.dueAt.getTime()) / DAY_MS))
            : 0,
        });
      const title = t(`escalations-${level}-title`, { count: open.length });
      const chunks = chunked(open, CASES_PER_PART);
      const parts = chunks.flatMap((chunk, index) => {
        const head =
          chunks.length > 1
            ? `${title} (${t("escalations-continued", { part: index + 1, parts: chunks.length })})`
            : title;
        const body = [head, "", ...chunk.map((concern) => `• ${line(concern)}`), "", t("escalations-open")];
        const keyboard = new InlineKeyboard();
        chunk.forEach((concern, i) => {
          if (i > 0 && i % BUTTONS_PER_ROW === 0) keyboard.row();
          keyboard.text(concern.caseNo, openCaseData.pack({ concernId: concern.id }));
        });
        // Never cut: a text too long for one message is split, its buttons under the last piece.
        const pieces = splitHtml(body.join("\n"));
        return pieces.flatMap(
          (text, i) => htmlMessage(text, i === pieces.length - 1 ? keyboard : undefined).parts,
        );
      });
      return { parts };
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
