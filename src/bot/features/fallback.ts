// Whatever no feature took: unknown commands, stale buttons, free text, unsupported input.
// Each gets a clear answer in the user's language.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { newConcernOfferKeyboard } from "../keyboards/concern-offer.js";
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
  ctx.session.pendingText = ctx.message.text;
  ctx.session.pendingMedia = undefined;
  await offerAsConcern(ctx);
});

/** "File this as a new concern?", always with a "no". */
async function offerAsConcern(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("fallback-offer-concern"), { reply_markup: newConcernOfferKeyboard(ctx.t) });
}

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
  const pending = ctx.session.pendingMedia;
  const caption = media.caption?.trim() ? media.caption : undefined;
  if (group && pending?.groupId === group) {
    // Another item of the album already offered: it joins the offer, which is not repeated.
    if (pending.attachments.length < MAX_ATTACHMENTS) pending.attachments.push(media.attachment);
    if (caption) ctx.session.pendingText = [ctx.session.pendingText, caption].filter(Boolean).join("\n");
    return;
  }
  ctx.session.pendingMedia = { attachments: [media.attachment], groupId: group };
  ctx.session.pendingText = caption;
  await offerAsConcern(ctx);
});

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
});
