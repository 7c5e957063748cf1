// A suspended deputy or staff member (src/domain/roles.ts isSuspended) is refused every case
// action and handler's list in one localized line: the access layer (src/bot/case-access.ts)
// throws SuspendedError wherever a case or a handler's scope is reached for, and this answers
// it — a button with an alert, a message with a reply. What they do as a citizen goes on.
import type { MiddlewareFn } from "grammy";
import { SuspendedError } from "../case-access.js";
import type { BotContext } from "../context.js";

export const answerSuspended: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof SuspendedError)) throw error;
    const text = ctx.t("suspended-refused");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
  }
};
