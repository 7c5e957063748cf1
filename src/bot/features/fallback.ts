// Whatever no feature took: unknown commands, stale buttons, free text, unsupported input.
// Each gets a clear answer in the user's language.
import { Composer, InlineKeyboard } from "grammy";
import { newConcernData } from "../callback-data.js";
import type { BotContext } from "../context.js";

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
  await ctx.reply(ctx.t("fallback-offer-concern"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("button-file-as-concern"), newConcernData.pack({ source: "text" }))
      .text(ctx.t("button-not-concern"), newConcernData.pack({ source: "no" })),
  });
});

privateChats.on("message", async (ctx) => {
  await ctx.reply(ctx.t("error-unsupported-message"));
});

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
});
