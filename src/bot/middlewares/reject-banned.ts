import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

export const rejectBanned: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.user?.bannedAt) return next();
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: ctx.t("moderation-banned"), show_alert: true });
  else await ctx.reply(ctx.t("moderation-banned"));
};
