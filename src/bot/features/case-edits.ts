// The citizen changing their own case (issue 11): editing a Telegram message they sent amends
// the open draft, or, once submitted, is added to the case as an amendment (never a new case);
// withdrawing an open case with a reason (its deputies are told); reopening a closed one
// within CITIZEN_REOPEN_DAYS, refused clearly after that.
import { InlineKeyboard } from "grammy";
import {
  addAmendment,
  ReopenTooLateError,
  reopenConcernByCitizen,
  withdrawConcern,
} from "../../db/queries/citizen-case-actions.js";
import { CaseClosedError, ConcernNotFoundError } from "../../db/queries/concerns.js";
import { CITIZEN_REOPEN_DAYS, canApply, citizenReopenCheck } from "../../domain/concern-status.js";
import { cancelFlowData, citizenCaseData } from "../callback-data.js";
import { caseErrorMessage } from "../case-access.js";
import { Composer } from "../composer.js";
import type { BotContext, Flow } from "../context.js";
import { formatDateTime } from "../format.js";
import { citizenCaseKeyboard } from "../keyboards/case.js";
import { describeKeyboard } from "../keyboards/concern-draft.js";

export const caseEditsFeature = new Composer<BotContext>();
const feature = caseEditsFeature.chatType("private");

/** Longest amendment, withdrawal or reopening reason, in characters. */
const MAX_TEXT = 2000;

feature.on("edited_message", async (ctx) => {
  const message = ctx.editedMessage;
  const text = message.text ?? message.caption ?? "";
  if (!text.trim() || message.text?.startsWith("/")) return;
  const flow = ctx.session.flow;
  if (flow?.kind === "concern") {
    const part = flow.parts?.find((p) => p.messageId === message.message_id);
    if (part) {
      const parts = flow.parts!.map((p) => (p === part ? { ...p, text } : p));
      const description = parts
        .map((p) => p.text)
        .filter(Boolean)
        .join("\n");
      const max = ctx.deps.config.MAX_CONCERN_LENGTH;
      if ([...description].length > max) {
        await ctx.reply(ctx.t("concern-too-long", { max, length: [...description].length }));
        return;
      }
      flow.parts = parts;
      flow.description = description;
      await ctx.reply(
        ctx.t("amend-draft-updated", { chars: [...description].length, files: flow.attachments.length }),
        flow.step === "describe" ? { reply_markup: describeKeyboard(ctx.t) } : {},
      );
      return;
    }
  }
  const concernId = await submittedCaseOf(ctx, message.chat.id, message.message_id);
  // An edit of anything else (a command, a message outside any case) changes nothing.
  if (!concernId) return;
  if ([...text].length > MAX_TEXT) {
    await ctx.reply(ctx.t("case-text-too-long", { max: MAX_TEXT }));
    return;
  }
  try {
    await addAmendment(ctx.deps.db, {
      concernId,
      citizenId: ctx.user.id,
      text,
      sourceKey: `edit:${message.chat.id}:${message.message_id}:${message.edit_date}`,
      now: ctx.deps.now(),
    });
  } catch (error) {
    if (error instanceof ConcernNotFoundError) return;
    if (error instanceof CaseClosedError) {
      const concern = await ctx.deps.db.prisma.concern.findUnique({ where: { id: concernId } });
      await ctx.reply(
        ctx.t("amend-case-closed", {
          caseNo: concern?.caseNo ?? "",
          status: ctx.t(`status-${error.status}`),
        }),
        { parse_mode: "HTML" },
      );
      return;
    }
    throw error;
  }
  const concern = await ctx.deps.db.prisma.concern.findUniqueOrThrow({ where: { id: concernId } });
  await ctx.reply(ctx.t("amend-added", { caseNo: concern.caseNo }), { parse_mode: "HTML" });
});

/** The case a message of this chat went into: a submitted draft's, or a message on a case. */
async function submittedCaseOf(ctx: BotContext, chatId: number, messageId: number): Promise<number | null> {
  const draft = ctx.session.submittedDrafts?.findLast((d) => d.messageIds.includes(messageId));
  if (draft) return draft.concernId;
  const event = await ctx.deps.db.prisma.concernEvent.findUnique({
    where: { sourceKey: `msg:${chatId}:${messageId}` },
    select: { concernId: true, actorId: true },
  });
  return event && event.actorId === ctx.user.id ? event.concernId : null;
}

feature.callbackQuery(citizenCaseData.filter, async (ctx) => {
  const data = citizenCaseData.unpack(ctx.callbackQuery.data);
  const concern = data
    ? await ctx.deps.db.prisma.concern.findUnique({ where: { id: data.concernId } })
    : null;
  // Only the case's own citizen: a forged id or someone else's case is not found.
  if (!data || !concern || concern.citizenId !== ctx.user.id) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const status = ctx.t(`status-${concern.status}`);
  if (data.action === "withdraw" && !canApply(concern.status, "withdraw")) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-action-not-allowed", { status }), show_alert: true });
    return;
  }
  if (data.action === "reopen") {
    const check = citizenReopenCheck(concern, ctx.deps.now());
    if (check !== "ok") {
      await ctx.answerCallbackQuery();
      await ctx.reply(
        check === "too_late"
          ? ctx.t("reopen-too-late", {
              caseNo: concern.caseNo,
              days: CITIZEN_REOPEN_DAYS,
              closed: formatDateTime(
                concern.closedAt!,
                await ctx.i18n.getLocale(),
                ctx.deps.config.TIME_ZONE,
              ),
            })
          : ctx.t("case-action-not-allowed", { status }),
        { parse_mode: "HTML" },
      );
      return;
    }
  }
  ctx.session.flow = { kind: data.action, concernId: concern.id };
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t(data.action === "withdraw" ? "withdraw-ask-reason" : "reopen-ask-reason", {
      caseNo: concern.caseNo,
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
    },
  );
});

type ReasonFlow = Extract<Flow, { kind: "withdraw" | "reopen" }>;

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if ((flow?.kind !== "withdraw" && flow?.kind !== "reopen") || ctx.message.text?.startsWith("/"))
    return next();
  await handleReason(ctx, flow);
});

async function handleReason(ctx: BotContext, flow: ReasonFlow): Promise<void> {
  const text = ctx.message?.text ?? "";
  if (!text.trim()) {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  if ([...text].length > MAX_TEXT) {
    await ctx.reply(ctx.t("case-text-too-long", { max: MAX_TEXT }));
    return;
  }
  const input = { concernId: flow.concernId, citizenId: ctx.user.id, reason: text, now: ctx.deps.now() };
  ctx.session.flow = undefined;
  try {
    const concern =
      flow.kind === "withdraw"
        ? await withdrawConcern(ctx.deps.db, input)
        : await reopenConcernByCitizen(ctx.deps.db, input);
    await ctx.reply(
      ctx.t(flow.kind === "withdraw" ? "withdraw-done" : "reopen-done", { caseNo: concern.caseNo }),
      {
        parse_mode: "HTML",
        reply_markup: citizenCaseKeyboard(ctx.t, concern),
      },
    );
  } catch (error) {
    const answer =
      error instanceof ReopenTooLateError
        ? ctx.t("reopen-too-late-short", { days: CITIZEN_REOPEN_DAYS })
        : caseErrorMessage(ctx, error);
    if (!answer) throw error;
    await ctx.reply(answer);
  }
}
