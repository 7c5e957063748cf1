// A broadcast's progress message in the sender's chat: delivered / total, edited in place
// as the sends go out (src/jobs/tasks/broadcast.ts), then the final report.
import type { I18n } from "@grammyjs/i18n";
import { type Api, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { User } from "../db/generated/sqlite/client.js";
import type { Broadcast, BroadcastCounts } from "../db/queries/broadcasts.js";
import type { ProgressPhase } from "../jobs/tasks/broadcast.js";
import { broadcastCancelData } from "./callback-data.js";
import type { BotContext } from "./context.js";
import type { Translate } from "./format.js";

function progressBar(done: number, total: number, width = 12): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)}`;
}

export interface BroadcastProgressDeps {
  api: Api;
  i18n: I18n<BotContext>;
  config: Config;
}

export function createBroadcastProgress({ api, i18n, config }: BroadcastProgressDeps) {
  const translator =
    (locale: string | null): Translate =>
    (key, vars) =>
      i18n.t(locale ?? config.DEFAULT_LOCALE, key, vars);

  return {
    async showProgress(
      broadcast: Broadcast & { createdBy?: User },
      counts: BroadcastCounts,
      phase: ProgressPhase,
    ): Promise<number | undefined> {
      if (!broadcast.progressChatId) return undefined;
      const t = translator(broadcast.createdBy?.locale ?? null);
      const done = counts.sent + counts.blocked + counts.failed + counts.skipped;
      const text = t(`broadcast-progress-${phase}`, {
        id: broadcast.id,
        bar: progressBar(done, counts.total),
        sent: counts.sent,
        total: counts.total,
        blocked: counts.blocked,
        failed: counts.failed,
        skipped: counts.skipped,
      });
      const reply_markup =
        phase === "running"
          ? new InlineKeyboard().text(
              t("broadcast-cancel-button"),
              broadcastCancelData.pack({ broadcastId: broadcast.id }),
            )
          : undefined;
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
