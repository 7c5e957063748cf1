// How a broadcast looks on a recipient's screen, and the sender's progress message.
// The preview the sender sees is made by the same function as what recipients receive.
import type { I18n } from "@grammyjs/i18n";
import { type Api, InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { Config } from "../config.js";
import type { User } from "../db/generated/sqlite/client.js";
import type { Broadcast, BroadcastCounts } from "../db/queries/broadcasts.js";
import type { ProgressPhase } from "../jobs/tasks/broadcast.js";
import { broadcastCancelData, noticesData } from "./callback-data.js";
import type { BotContext } from "./context.js";
import type { Translate } from "./format.js";

export type BroadcastContent = Pick<Broadcast, "text" | "entities" | "mediaKind" | "mediaFileId">;

export function stopNoticesKeyboard(t: Translate) {
  return new InlineKeyboard().text(
    t("notices-stop-button"),
    noticesData.pack({ action: "stop", districtId: 0 }),
  );
}

/** Sends the broadcast's text (with its formatting), photo or document, and the stop button. */
export async function sendBroadcastContent(
  api: Api,
  chatId: number,
  content: BroadcastContent,
  t: Translate,
) {
  const entities = JSON.parse(content.entities) as MessageEntity[];
  const reply_markup = stopNoticesKeyboard(t);
  if (content.mediaKind === "photo" && content.mediaFileId) {
    return api.sendPhoto(chatId, content.mediaFileId, {
      caption: content.text,
      caption_entities: entities,
      reply_markup,
    });
  }
  if (content.mediaKind === "document" && content.mediaFileId) {
    return api.sendDocument(chatId, content.mediaFileId, {
      caption: content.text,
      caption_entities: entities,
      reply_markup,
    });
  }
  return api.sendMessage(chatId, content.text, { entities, reply_markup });
}

function progressBar(done: number, total: number, width = 12): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)}`;
}

export interface BroadcastDeliveryDeps {
  api: Api;
  i18n: I18n<BotContext>;
  config: Config;
}

export function createBroadcastDelivery({ api, i18n, config }: BroadcastDeliveryDeps) {
  const translator =
    (locale: string | null): Translate =>
    (key, vars) =>
      i18n.t(locale ?? config.DEFAULT_LOCALE, key, vars);

  return {
    async deliver(broadcast: Broadcast, user: User): Promise<void> {
      await sendBroadcastContent(api, Number(user.telegramId), broadcast, translator(user.locale));
    },

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
