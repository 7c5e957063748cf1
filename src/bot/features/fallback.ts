// Whatever no feature took: unknown commands, stale buttons, free text, unsupported input.
// Each gets a clear answer in the user's language.
import { Composer } from "../composer.js";
import { makeConcernOffer, offerForAlbum } from "../concern-offers.js";
import type { BotContext } from "../context.js";
import { extractAttachment, MAX_ATTACHMENTS } from "../media.js";

export const fallbackFeature = new Composer<BotContext>();

const privateChats = fallbackFeature.chatType("private");

privateChats.on("message:text", async (ctx) => {
  if (ctx.message.text.startsWith("/")) {
    await ctx.reply(ctx.t("error-unknown-command"));
    return;
  }
  // Free text is most likely a concern: offer to file it instead of ignoring it.
  const max = ctx.deps.config.MAX_CONCERN_LENGTH;
  if ([...ctx.message.text].length > max) {
    await ctx.reply(ctx.t("concern-too-long", { max, length: [...ctx.message.text].length }));
    return;
  }
  await makeConcernOffer(ctx, {
    text: ctx.message.text,
    attachments: [],
    sourceMessageIds: [ctx.message.message_id],
  });
});

// A photo, file, voice note or album sent outside /new gets the same offer as text, once per
// album; accepting starts a draft holding every item and the caption (issue 7, item 9).
privateChats.on("message", async (ctx) => {
  const media = extractAttachment(ctx.message);
  if (media.kind === "none") {
    await ctx.reply(ctx.t("error-unsupported-message"));
    return;
  }
  if (media.kind === "too-large") {
    await ctx.reply(ctx.t("error-file-too-large", { mb: 20 }));
    return;
  }
  const group = ctx.message.media_group_id;
  const caption = media.caption?.trim() ? media.caption : undefined;
  const offered = group ? offerForAlbum(ctx, group) : undefined;
  if (offered) {
    // Another item of the album already offered: it joins that offer, which is not repeated.
    if (offered.attachments.length < MAX_ATTACHMENTS) offered.attachments.push(media.attachment);
    if (caption) offered.text = [offered.text, caption].filter(Boolean).join("\n");
    offered.sourceMessageIds.push(ctx.message.message_id);
    return;
  }
  await makeConcernOffer(ctx, {
    text: caption,
    attachments: [media.attachment],
    groupId: group,
    sourceMessageIds: [ctx.message.message_id],
  });
});

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
});
