// A broadcast's message in the sender's chat: the confirmation ("will go out at …", "started"),
// then delivered / total, edited in place as the sends go out (src/jobs/tasks/broadcast.ts),
// then the final report; stopped from anywhere, it says so, by whom and when, without buttons.
import type { I18n } from "@grammyjs/i18n";
import { type Api, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { User } from "../db/generated/sqlite/client.js";
import type { Broadcast, BroadcastCounts } from "../db/queries/broadcasts.js";
import type { ProgressPhase } from "../jobs/tasks/broadcast.js";
import { broadcastCancelData } from "./callback-data.js";
import type { BotContext } from "./context.js";
import { displayName, formatDateTime, type Translate } from "./format.js";

function progressBar(done: number, total: number, width = 12): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)}`;
}

/** How the broadcast's message speaks: the sender's words, language and the deployment's time zone. */
export interface BroadcastView {
  t: Translate;
  locale: string;
  timeZone: string;
}

/**
 * The text and buttons of broadcast `broadcast`'s message in its current state: scheduled
 * (when, a stop button), sending (progress, a stop button), done, or stopped (by `stopper`,
 * at cancelledAt; with the counts when it had started). `counts` is needed once it started.
 */
export function broadcastStateMessage(
  broadcast: Broadcast,
  counts: BroadcastCounts | undefined,
  stopper: User | null | undefined,
  { t, locale, timeZone }: BroadcastView,
): { text: string; reply_markup?: InlineKeyboard } {
  const stopButton = () =>
    new InlineKeyboard().text(
      t("broadcast-cancel-button"),
      broadcastCancelData.pack({ broadcastId: broadcast.id }),
    );
  const c = counts ?? { total: 0, sent: 0, blocked: 0, failed: 0, skipped: 0, pending: 0 };
  const done = c.sent + c.blocked + c.failed + c.skipped;
  const vars = {
    id: broadcast.id,
    bar: progressBar(done, c.total),
    sent: c.sent,
    total: c.total,
    blocked: c.blocked,
    failed: c.failed,
    skipped: c.skipped,
  };
  switch (broadcast.status) {
    case "scheduled":
      return {
        text: t("broadcast-scheduled", {
          id: broadcast.id,
          when: broadcast.scheduledAt ? formatDateTime(broadcast.scheduledAt, locale, timeZone) : "",
        }),
        reply_markup: stopButton(),
      };
    case "cancelled": {
      const by = t("broadcast-stopped-by", {
        who: stopper ? displayName(stopper) : t("broadcast-stopped-by-unknown"),
        when: broadcast.cancelledAt ? formatDateTime(broadcast.cancelledAt, locale, timeZone) : "",
      });
      const report = broadcast.startedAt
        ? t("broadcast-progress-cancelled", vars)
        : t("broadcast-stopped-unsent", { id: broadcast.id });
      return { text: `${report}\n${by}` };
    }
    case "done":
      return { text: t("broadcast-progress-done", vars) };
    default:
      return { text: t("broadcast-progress-running", vars), reply_markup: stopButton() };
  }
}

export interface BroadcastProgressDeps {
  api: Api;
  i18n: I18n<BotContext>;
  config: Config;
}

export function createBroadcastProgress({ api, i18n, config }: BroadcastProgressDeps) {
  const viewOf = (locale: string | null): BroadcastView => {
    const lang = locale ?? config.DEFAULT_LOCALE;
    return { t: (key, vars) => i18n.t(lang, key, vars), locale: lang, timeZone: config.TIME_ZONE };
  };

  return {
    async showProgress(
      broadcast: Broadcast & { createdBy?: User },
      counts: BroadcastCounts,
      phase: ProgressPhase,
      stopper?: User | null,
    ): Promise<number | undefined> {
      if (!broadcast.progressChatId) return undefined;
      const view = viewOf(broadcast.createdBy?.locale ?? null);
      const status = phase === "running" ? "sending" : phase === "done" ? "done" : "cancelled";
      const { text, reply_markup } = broadcastStateMessage({ ...broadcast, status }, counts, stopper, view);
      const chatId = Number(broadcast.progressChatId);
      if (broadcast.progressMessageId) {
        try {
          await api.editMessageText(chatId, broadcast.progressMessageId, text, { reply_markup });
        } catch (error) {
          // An unchanged text is not worth a failure; anything else is.
          if (!String(error).includes("message is not modified")) throw error;
        }
        return broadcast.progressMessageId;
      }
      const message = await api.sendMessage(chatId, text, { reply_markup });
      return message.message_id;
    },
  };
}
