// Messages typed while a flow waits for them: a case description, a message on a case
// (either way), an outcome or a reason for declining. Commands never reach this point.
import { Composer } from "grammy";
import { addConcernMessage, changeConcernStatus } from "../../db/queries/concerns.js";
import { handlerRole } from "../../domain/access.js";
import { accessCase, caseErrorMessage } from "../case-access.js";
import type { BotContext, Flow } from "../context.js";
import { extractAttachment } from "../media.js";
import { handleDraftInput } from "./concern-intake.js";

export const caseInputFeature = new Composer<BotContext>();
const feature = caseInputFeature.chatType("private");

const MAX_MESSAGE_LENGTH = 2000;

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (!flow || ctx.message.text?.startsWith("/")) return next();
  switch (flow.kind) {
    case "concern":
      return handleDraftInput(ctx, flow);
    case "message":
    case "resolve":
    case "decline":
      return handleCaseInput(ctx, flow);
    default:
      // Flows of other features (broadcasts, activities) are handled by them.
      return next();
  }
});

type CaseFlow = Extract<Flow, { kind: "message" | "resolve" | "decline" }>;

async function handleCaseInput(ctx: BotContext, flow: CaseFlow): Promise<void> {
  const message = ctx.message!;
  const media = extractAttachment(message);
  const text = message.text ?? message.caption ?? "";
  if (media.kind === "too-large") {
    await ctx.reply(ctx.t("error-file-too-large", { mb: 20 }));
    return;
  }
  // Outcomes and reasons are words; messages may also carry a photo or file.
  if (!text.trim() && (flow.kind !== "message" || media.kind === "none")) {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    await ctx.reply(ctx.t("case-text-too-long", { max: MAX_MESSAGE_LENGTH }));
    return;
  }
  const access = await accessCase(ctx, flow.concernId);
  if (access.as === "none" || (flow.kind !== "message" && access.as !== "handler")) {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("case-not-found"));
    return;
  }
  const { db, now } = ctx.deps;
  const role = access.as === "citizen" ? "citizen" : handlerRole(ctx.user.role);
  try {
    if (flow.kind === "message") {
      await addConcernMessage(db, {
        concernId: flow.concernId,
        actorId: ctx.user.id,
        actorRole: role,
        text,
        attachments: media.kind === "attachment" ? [media.attachment] : [],
        sourceKey: `msg:${message.chat.id}:${message.message_id}`,
        now: now(),
      });
    } else {
      await changeConcernStatus(db, {
        concernId: flow.concernId,
        action: flow.kind,
        actorId: ctx.user.id,
        actorRole: role,
        text,
        now: now(),
      });
    }
  } catch (error) {
    const answer = caseErrorMessage(ctx, error);
    if (!answer) throw error;
    ctx.session.flow = undefined;
    await ctx.reply(answer);
    return;
  }
  ctx.session.flow = undefined;
  const key =
    flow.kind === "message"
      ? role === "citizen"
        ? "case-message-sent"
        : "case-reply-sent"
      : `case-${flow.kind}d`;
  await ctx.reply(ctx.t(key, { caseNo: access.concern.caseNo }), { parse_mode: "HTML" });
}
