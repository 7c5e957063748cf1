// A Telegram reply (swipe-reply, reply_to_message) to a message the bot sent about a case goes
// to that case (issue 7, item 2): a citizen's words are added to it for the people handling it;
// a deputy's or staff member's go to the citizen through the same Send / Edit / Cancel check as
// the Reply button (src/bot/features/case-input.ts). Which case a message was about is what the
// delivery engine recorded when it sent it (CaseMessageRef); for the bot's direct answers, the
// one case number the message quotes. Access is checked as for every action on a case.

import type { Message } from "grammy/types";
import { findCaseOfMessage } from "../../db/queries/case-message-refs.js";
import { caseNumbersIn } from "../../domain/case-number.js";
import { canExchangeMessages } from "../../domain/concern-status.js";
import { accessCase } from "../case-access.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { takeCaseText } from "./case-input.js";

export const caseRepliesFeature = new Composer<BotContext>();
const feature = caseRepliesFeature.chatType("private");

/** The case the replied-to message of the bot is about, if one can be told. */
async function caseOfReply(ctx: BotContext, replied: Message): Promise<number | undefined> {
  const prisma = ctx.deps.db.prisma;
  const recorded = await findCaseOfMessage(prisma, BigInt(ctx.chat!.id), replied.message_id);
  if (recorded !== undefined) return recorded;
  const quoted = caseNumbersIn(replied.text ?? replied.caption ?? "");
  if (quoted.length !== 1) return undefined;
  const concern = await prisma.concern.findUnique({ where: { caseNo: quoted[0]! }, select: { id: true } });
  return concern?.id;
}

feature.on("message", async (ctx, next) => {
  const replied = ctx.message.reply_to_message;
  if (!replied || replied.from?.id !== ctx.me.id || ctx.message.text?.startsWith("/")) return next();
  const concernId = await caseOfReply(ctx, replied);
  if (concernId === undefined) return next();
  const access = await accessCase(ctx, concernId);
  if (access.as === "none") return next();
  if (!canExchangeMessages(access.concern.status)) {
    await ctx.reply(ctx.t("case-reply-closed", { caseNo: access.concern.caseNo }), { parse_mode: "HTML" });
    return;
  }
  await takeCaseText(ctx, { action: "message", concernId });
});
