import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { privacyKeyboard } from "../keyboards/privacy.js";

/** Nothing past this point runs for someone who has not accepted the privacy notice. */
export const requireConsent: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.user?.consentedAt) return next();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("privacy-required"), show_alert: true });
  await ctx.reply(ctx.t("privacy-notice"), { parse_mode: "HTML", reply_markup: privacyKeyboard(ctx.t) });
};
