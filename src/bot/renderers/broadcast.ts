// Renders one recipient's copy of a broadcast: its text with the sender's formatting, or its
// photo or document with the text as caption, and the one-tap "stop these notices" button.
// The preview the sender sees is made by the same function (src/bot/features/broadcast.ts).
import { InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { Database } from "../../db/client.js";
import { type Broadcast, findBroadcast } from "../../db/queries/broadcasts.js";
import { isNoticeRecipient } from "../../domain/audience.js";
import type { RenderedMessage, Renderer, Translate } from "../../jobs/delivery.js";
import { noticesData } from "../callback-data.js";

export type BroadcastContent = Pick<Broadcast, "text" | "entities" | "mediaKind" | "mediaFileId">;

export function stopNoticesKeyboard(t: Translate) {
  return new InlineKeyboard().text(
    t("notices-stop-button"),
    noticesData.pack({ action: "stop", districtId: 0 }),
  );
}

/** The broadcast as recipients (and the sender's preview) see it. */
export function broadcastMessage(content: BroadcastContent, t: Translate): RenderedMessage {
  const format = { entities: JSON.parse(content.entities) as MessageEntity[] };
  const keyboard = stopNoticesKeyboard(t);
  if ((content.mediaKind === "photo" || content.mediaKind === "document") && content.mediaFileId) {
    return {
      parts: [
        { type: content.mediaKind, fileId: content.mediaFileId, caption: content.text, format, keyboard },
      ],
    };
  }
  return { parts: [{ type: "text", text: content.text, format, keyboard }] };
}

/** Nothing goes out once the broadcast is cancelled, nor to whoever stopped notices or is banned. */
export function createBroadcastRenderer({ db }: { db: Database }): Renderer<"broadcast"> {
  return async (message, { recipient, t }) => {
    const broadcast = await findBroadcast(db.prisma, message.broadcastId);
    if (!broadcast || broadcast.status === "cancelled" || !isNoticeRecipient(recipient)) return undefined;
    return broadcastMessage(broadcast, t);
  };
}
