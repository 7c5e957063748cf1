// The error boundary: an update that fails is logged with its id and the user gets a short
// apology in their language; nothing an update does can crash the process.
import { BotError } from "grammy";
import type { BotContext } from "./context.js";

export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  logger?.error({ err: error.error, updateId: ctx.update.update_id }, "update failed");
  const text = safeTranslate(ctx);
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(text);
  } catch (replyError) {
    logger?.warn({ err: replyError }, "could not send the apology");
  }
}

function safeTranslate(ctx: BotContext): string {
  try {
    if (typeof ctx.t === "function") return ctx.t("error-internal");
  } catch {
    // fall through: the failure may have happened before i18n was installed
  }
  const locale = ctx.user?.locale ?? ctx.deps?.config.DEFAULT_LOCALE ?? "zh-CN";
  return ctx.deps.i18n.t(locale, "error-internal");
}

export { BotError };
