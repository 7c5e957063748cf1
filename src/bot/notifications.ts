// Renders and sends the "notify" jobs: the message about a case that one person receives
// because someone else acted. Rendered at send time in the recipient's language.
import type { I18n } from "@grammyjs/i18n";
import type { Api, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { findConcern } from "../db/queries/concerns.js";
import { markUserInactive } from "../db/queries/users.js";
import { PermanentJobError, RetryLaterError } from "../jobs/errors.js";
import type { Notification, NotificationSender } from "../jobs/tasks/notify.js";
import { caseCard, citizenLabel } from "./case-view.js";
import type { BotContext } from "./context.js";
import { displayName, escapeHtml, type Translate, truncate } from "./format.js";
import { citizenCaseKeyboard, handlerKeyboard, ratingKeyboard } from "./keyboards/case.js";
import { classifySendError } from "./telegram-errors.js";

export interface NotificationDeps {
  api: Api;
  db: Database;
  i18n: I18n<BotContext>;
  config: Config;
}

export function createNotificationSender({ api, db, i18n, config }: NotificationDeps): NotificationSender {
  return async (notification: Notification) => {
    const prisma = db.prisma;
    const [recipient, concern, event] = await Promise.all([
      prisma.user.findUnique({ where: { id: notification.recipientId } }),
      findConcern(prisma, notification.concernId),
      prisma.concernEvent.findUnique({ where: { id: notification.eventId }, include: { actor: true } }),
    ]);
    if (!recipient || !concern || !event)
      throw new PermanentJobError("recipient, case or event no longer exists");
    if (recipient.inactiveAt) throw new PermanentJobError("recipient is inactive");
    const locale = recipient.locale ?? config.DEFAULT_LOCALE;
    const t: Translate = (key, vars) => i18n.t(locale, key, vars);
    const view = { t, locale, timeZone: config.TIME_ZONE };
    const handlerButtons = () =>
      handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });
    const actorName = escapeHtml(event.actor ? displayName(event.actor) : "");
    const caseNo = concern.caseNo;
    let text: string;
    let keyboard: InlineKeyboard;
    switch (notification.kind) {
      case "concern_new":
        text = `${t("notify-new-case")}\n\n${caseCard(concern, "handler", view)}`;
        keyboard = handlerButtons();
        break;
      case "concern_accepted":
        text = t("notify-accepted", { caseNo, name: actorName });
        keyboard = citizenCaseKeyboard(t, concern);
        break;
      case "concern_message_to_citizen":
        text = t("notify-reply-to-citizen", {
          caseNo,
          name: actorName,
          text: escapeHtml(truncate(event.text ?? "", 3500)),
        });
        keyboard = citizenCaseKeyboard(t, concern);
        break;
      case "concern_message_to_handlers":
        text = t("notify-message-to-handlers", {
          caseNo,
          citizen: citizenLabel(t, concern),
          text: escapeHtml(truncate(event.text ?? "", 3500)),
        });
        keyboard = handlerButtons();
        break;
      case "concern_outcome":
        text = t(event.toStatus === "declined" ? "notify-declined" : "notify-resolved", {
          caseNo,
          name: actorName,
          text: escapeHtml(truncate(event.text ?? "", 3000)),
        });
        keyboard = ratingKeyboard(t, concern.id);
        break;
      case "concern_reopened":
        text = t("notify-reopened", { caseNo, citizen: citizenLabel(t, concern) });
        keyboard = handlerButtons();
        break;
      case "concern_rated":
        text = t("notify-rated", { caseNo, rating: t(`rating-${event.text ?? ""}`) });
        keyboard = handlerButtons();
        break;
    }
    try {
      await api.sendMessage(Number(recipient.telegramId), text.slice(0, 4096), {
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
    } catch (error) {
      const failure = classifySendError(error);
      switch (failure.kind) {
        case "recipient-gone":
          await markUserInactive(prisma, recipient.id, failure.reason, new Date());
          throw new PermanentJobError(failure.reason);
        case "bad-request":
          throw new PermanentJobError(failure.reason);
        case "rate-limited":
          throw new RetryLaterError("rate limited", failure.retryAfterMs);
        case "transient":
          throw error;
      }
    }
  };
}
