// A blocked citizen's messages and taps are ignored (src/domain/moderation.ts inboundDecision):
// they are told so once per block, then nothing is answered; a tap is still acknowledged,
// silently, so that their app stops waiting.
import type { MiddlewareFn } from "grammy";
import { claimBlockNotice } from "../../db/queries/moderation.js";
import { inboundDecision } from "../../domain/moderation.js";
import type { BotContext } from "../context.js";

export const rejectBanned: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.user) return next();
  const decision = inboundDecision(ctx.user);
  if (decision === "accept") return next();
  const tell =
    decision === "tell_blocked" && (await claimBlockNotice(ctx.deps.db.prisma, ctx.user.id, ctx.deps.now()));
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery(tell ? { text: ctx.t("moderation-banned"), show_alert: true } : {});
  else if (tell) await ctx.reply(ctx.t("moderation-banned"));
};
