// Sends queued messages: the one place where a job becomes a Telegram message. Messages are
// rendered at send time in the recipient's language, paced by the pacer, and every failure
// is turned into what the queue should do next (src/bot/telegram-errors.ts).
//
// A send that times out (or a worker that dies mid-send) leaves the outcome unknown, and the
// Bot API has no idempotency key to ask "did you get it?". Just before each send the job
// is marked (Job.sendStartedAt); an attempt that finds the mark knows an earlier one may
// have delivered the message, and then does what the message's kind asks:
// - "assume-delivered" (the default): do not send again, finish the job with a note. A lost
//   message costs little where something else repeats it: deputies and staff have the 24-hour
//   reminder, escalations, the daily digest and /inbox; citizens have /my.
// - "resend-with-note": send again, headed "you may have received this already". For the
//   words people wrote to each other and for outcomes, where a loss is worse than a labelled
//   repeat.
import type { I18n } from "@grammyjs/i18n";
import { Api, type InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { findConcern } from "../db/queries/concerns.js";
import { findDeliveryPause, recordDeliveryPause } from "../db/queries/delivery-pause.js";
import { markUserInactive, type User } from "../db/queries/users.js";
import {
  DeliveryUncertainError,
  LeaseLostError,
  PermanentJobError,
  RetryLaterError,
} from "../jobs/errors.js";
import { type Pacer, pacerTransformer } from "../jobs/pacer.js";
import type { JobRow } from "../jobs/queue.js";
import { isQuietTime, parseQuietHours, quietHoursEnd } from "../jobs/quiet-hours.js";
import type { Notification, NotificationKind, NotificationSender } from "../jobs/tasks/notify.js";
import type { JobContext, JobResult } from "../jobs/worker.js";
import { caseCard, citizenLabel } from "./case-view.js";
import type { BotContext } from "./context.js";
import { displayName, escapeHtml, type Translate, truncate } from "./format.js";
import { citizenCaseKeyboard, handlerKeyboard, ratingKeyboard } from "./keyboards/case.js";
import { classifySendError } from "./telegram-errors.js";

export interface OutgoingMessage {
  /** HTML. */
  text: string;
  keyboard?: InlineKeyboard;
  /** Sent with sound even in quiet hours. */
  urgent: boolean;
  /** What to do when an earlier attempt may already have delivered it (see above). */
  ifUncertain: "assume-delivered" | "resend-with-note";
}

/** Renders a message in the recipient's language; undefined when there is nothing to say any more. */
export type RenderMessage = (
  t: Translate,
  locale: string,
) => OutgoingMessage | undefined | Promise<OutgoingMessage | undefined>;

export interface Delivery {
  deliver(
    recipient: User,
    render: RenderMessage,
    job: JobRow,
    context: JobContext,
  ): Promise<JobResult | undefined>;
}

export interface DeliveryDeps {
  /**
   * An Api of its own (see createDeliveryApi): queued sends are paced here rather than by the
   * interactive transformer, and give up after SEND_TIMEOUT_SECONDS rather than grammY's 500 s.
   */
  api: Api;
  db: Database;
  i18n: I18n<BotContext>;
  config: Config;
  pacer: Pacer;
}

export function createDeliveryApi(config: Config): Api {
  return new Api(config.BOT_TOKEN, {
    apiRoot: config.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    timeoutSeconds: config.SEND_TIMEOUT_SECONDS,
  });
}

/** For queued tasks that call the Api themselves (broadcasts): every send paced on the bulk lane. */
export function createBulkApi(config: Config, pacer: Pacer): Api {
  const api = createDeliveryApi(config);
  api.config.use(pacerTransformer(pacer, { lane: "bulk", maxRetryAfterMs: 60_000 }));
  return api;
}

// How often a process looks up the pause another instance may have recorded after a 429.
const PAUSE_LOOKUP_MS = 1000;

export function createDelivery({ api, db, i18n, config, pacer }: DeliveryDeps): Delivery {
  const quietHours = parseQuietHours(config.QUIET_HOURS, config.TIME_ZONE);
  let pauseLookedUpAt = Number.NEGATIVE_INFINITY;
  // The end of the latest pause already applied to the pacer (each pause also halves its rate).
  let pausedUntil = 0;

  function pauseUntil(until: Date, now: Date): void {
    if (until.getTime() <= pausedUntil) return;
    pausedUntil = until.getTime();
    pacer.pause(until.getTime() - now.getTime());
  }

  async function followSharedPause(now: Date): Promise<void> {
    if (performance.now() - pauseLookedUpAt < PAUSE_LOOKUP_MS) return;
    pauseLookedUpAt = performance.now();
    const until = await findDeliveryPause(db.prisma, now);
    if (until) pauseUntil(until, now);
  }

  async function recordFailure(error: unknown, recipient: User, now: Date): Promise<never> {
    const failure = classifySendError(error);
    switch (failure.kind) {
      case "recipient-gone":
        await markUserInactive(db.prisma, recipient.id, failure.reason, now);
        throw new PermanentJobError(failure.reason);
      case "bad-request":
        throw new PermanentJobError(failure.reason);
      case "rate-limited": {
        const until = new Date(now.getTime() + failure.retryAfterMs);
        pauseUntil(until, now);
        await recordDeliveryPause(db.prisma, until, now);
        throw new RetryLaterError("rate limited (429)", failure.retryAfterMs);
      }
      case "uncertain":
        throw new DeliveryUncertainError(
          `no answer within ${config.SEND_TIMEOUT_SECONDS} s: ${failure.reason}`,
        );
      case "transient":
        throw error;
    }
  }

  return {
    async deliver(recipient, render, job, context) {
      if (recipient.inactiveAt) throw new PermanentJobError("recipient is inactive");
      const locale = recipient.locale ?? config.DEFAULT_LOCALE;
      const t: Translate = (key, vars) => i18n.t(locale, key, vars);
      const message = await render(t, locale);
      if (!message) return { note: "nothing to send any more" };
      let text = message.text;
      if (job.sendStartedAt) {
        const when = job.sendStartedAt.toISOString();
        if (message.ifUncertain === "assume-delivered")
          return { note: `not resent: the attempt of ${when} may have delivered it` };
        text = `${t("delivery-resent-note")}\n\n${text}`;
      }
      const now = context.now();
      const quiet = !message.urgent && isQuietTime(quietHours, now);
      if (quiet && quietHours && config.QUIET_HOURS_MODE === "defer") {
        const end = quietHoursEnd(quietHours, now);
        throw new RetryLaterError(`quiet hours until ${end.toISOString()}`, end.getTime() - now.getTime());
      }
      await followSharedPause(now);
      const permit = await pacer.acquire(Number(recipient.telegramId), {
        lane: "bulk",
        signal: context.signal,
      });
      let outcome: "ok" | "failed" = "failed";
      try {
        if (!(await context.markSending())) throw new LeaseLostError(job.id);
        await api.sendMessage(Number(recipient.telegramId), text.slice(0, 4096), {
          parse_mode: "HTML",
          reply_markup: message.keyboard,
          ...(quiet ? { disable_notification: true } : {}),
        });
        outcome = "ok";
      } catch (error) {
        if (error instanceof LeaseLostError) throw error;
        await recordFailure(error, recipient, context.now());
      } finally {
        permit.done(outcome);
      }
    },
  };
}

// Urgent: the words people write to each other while a case is open (someone is waiting for
// an answer and chose to write at this hour). Everything else, including every scheduled
// reminder, respects quiet hours.
const notificationPolicy: Record<NotificationKind, Pick<OutgoingMessage, "urgent" | "ifUncertain">> = {
  concern_new: { urgent: false, ifUncertain: "assume-delivered" },
  concern_accepted: { urgent: false, ifUncertain: "assume-delivered" },
  concern_message_to_citizen: { urgent: true, ifUncertain: "resend-with-note" },
  concern_message_to_handlers: { urgent: true, ifUncertain: "resend-with-note" },
  concern_outcome: { urgent: false, ifUncertain: "resend-with-note" },
  concern_reopened: { urgent: false, ifUncertain: "assume-delivered" },
  concern_rated: { urgent: false, ifUncertain: "assume-delivered" },
};

/** The "notify" task: one message to one person because someone else acted on a case. */
export function createNotificationSender(
  delivery: Delivery,
  { db, config }: Pick<DeliveryDeps, "db" | "config">,
): NotificationSender {
  return async (notification: Notification, job, context) => {
    const prisma = db.prisma;
    const [recipient, concern, event] = await Promise.all([
      prisma.user.findUnique({ where: { id: notification.recipientId } }),
      findConcern(prisma, notification.concernId),
      prisma.concernEvent.findUnique({ where: { id: notification.eventId }, include: { actor: true } }),
    ]);
    if (!recipient || !concern || !event)
      throw new PermanentJobError("recipient, case or event no longer exists");
    const render: RenderMessage = (t, locale) => {
      const view = { t, locale, timeZone: config.TIME_ZONE };
      const handlerButtons = () =>
        handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });
      const actorName = escapeHtml(event.actor ? displayName(event.actor) : "");
      const caseNo = concern.caseNo;
      const policy = notificationPolicy[notification.kind];
      switch (notification.kind) {
        case "concern_new":
          return {
            ...policy,
            text: `${t("notify-new-case")}\n\n${caseCard(concern, "handler", view)}`,
            keyboard: handlerButtons(),
          };
        case "concern_accepted":
          return {
            ...policy,
            text: t("notify-accepted", { caseNo, name: actorName }),
            keyboard: citizenCaseKeyboard(t, concern),
          };
        case "concern_message_to_citizen":
          return {
            ...policy,
            text: t("notify-reply-to-citizen", {
              caseNo,
              name: actorName,
              text: escapeHtml(truncate(event.text ?? "", 3500)),
            }),
            keyboard: citizenCaseKeyboard(t, concern),
          };
        case "concern_message_to_handlers":
          return {
            ...policy,
            text: t("notify-message-to-handlers", {
              caseNo,
              citizen: citizenLabel(t, concern),
              text: escapeHtml(truncate(event.text ?? "", 3500)),
            }),
            keyboard: handlerButtons(),
          };
        case "concern_outcome":
          return {
            ...policy,
            text: t(event.toStatus === "declined" ? "notify-declined" : "notify-resolved", {
              caseNo,
              name: actorName,
              text: escapeHtml(truncate(event.text ?? "", 3000)),
            }),
            keyboard: ratingKeyboard(t, concern.id),
          };
        case "concern_reopened":
          return {
            ...policy,
            text: t("notify-reopened", { caseNo, citizen: citizenLabel(t, concern) }),
            keyboard: handlerButtons(),
          };
        case "concern_rated":
          return {
            ...policy,
            text: t("notify-rated", { caseNo, rating: t(`rating-${event.text ?? ""}`) }),
            keyboard: handlerButtons(),
          };
      }
    };
    return delivery.deliver(recipient, render, job, context);
  };
}
