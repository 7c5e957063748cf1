// What is typed while a referral flow waits for it: a referral draft's deadline date or note,
// an extension's reason and date, an answer's text, contact person and promised date, a
// rework reason. The last step takes the action, which the domain checks again.
import { InlineKeyboard } from "grammy";
import { addReferralNote } from "../../db/queries/referral-notes.js";
import { actOnReferral } from "../../db/queries/referrals.js";
import { checkFutureDate, promisingAnswerClasses, type ReferralCommand } from "../../domain/referral.js";
import { isTypedInputRefusal, TextTooLongError } from "../../domain/referral-errors.js";
import { cancelFlowData } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import type { ReferralInputFlow } from "../referral-flows.js";
import {
  capacityFor,
  noteCapacity,
  referralActorOf,
  referralErrorMessage,
  referralTime,
} from "../referral-support.js";
import { handleReferDraftInput } from "./referral-refer.js";

export const referralInputFeature = new Composer<BotContext>();
const feature = referralInputFeature.chatType("private");

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  const text = ctx.message.text ?? ctx.message.caption ?? "";
  if (!flow || text.startsWith("/")) return next();
  if (flow.kind === "refer") return handleReferDraftInput(ctx, flow, text);
  if (flow.kind === "referral_input") return handleReferralInput(ctx, flow, text);
  return next();
});

/** The question each step asks (referral-actions.ts asks the first). */
const askKeys: Record<ReferralInputFlow["step"], string> = {
  return_department: "referral-ask-return-department",
  extension_reason: "referral-ask-extension-reason",
  extension_date: "referral-ask-extension-date",
  answer_text: "referral-ask-answer-text",
  answer_contact: "referral-ask-answer-contact",
  answer_date: "referral-ask-answer-date",
  review_reason: "referral-ask-rework-reason",
  withdraw_reason: "referral-ask-withdraw-reason",
  rate_reason: "referral-ask-unsatisfied-reason",
  note: "referral-ask-note",
};

/** The step whose typed text a refusal is about: a too long answer or contact is asked again. */
function stepToRetry(flow: ReferralInputFlow, error: unknown): ReferralInputFlow["step"] {
  if (error instanceof TextTooLongError) {
    if (error.field === "text" && flow.answerClass !== undefined) return "answer_text";
    if (error.field === "contactPerson") return "answer_contact";
    if (error.field === "reason" && flow.step === "extension_date") return "extension_reason";
  }
  return flow.step;
}

/**
 * Says why the typed text was refused; a refusal of what was typed keeps the prompt open on the
 * step it is about and asks that again, any other refusal (who acts, the referral's state)
 * ends it. Rethrows what is not a refusal.
 */
async function refuse(ctx: BotContext, flow: ReferralInputFlow, error: unknown): Promise<void> {
  const message = referralErrorMessage(ctx, error);
  if (!message) throw error;
  if (!isTypedInputRefusal(error)) {
    ctx.session.flow = undefined;
    await ctx.reply(message);
    return;
  }
  const step = stepToRetry(flow, error);
  ctx.session.flow = { ...flow, step };
  await ctx.reply(`${message}\n${ctx.t(askKeys[step])}`, {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
  });
}

/** Runs the action the flow was collecting; a refusal of the typed text asks for it again. */
async function finish(ctx: BotContext, flow: ReferralInputFlow, command: ReferralCommand, doneKey: string) {
  const actor = await referralActorOf(ctx, capacityFor(command.action, ctx.user));
  ctx.session.flow = undefined;
  try {
    await actOnReferral(ctx.deps.db, {
      referralId: flow.referralId,
      command,
      actor,
      time: await referralTime(ctx),
    });
  } catch (error) {
    await refuse(ctx, flow, error);
    return;
  }
  await ctx.reply(ctx.t(doneKey));
}

/** A typed date, checked at once so that a past date is asked for again. */
function dateOrAnswer(
  ctx: BotContext,
  field: "promisedDate" | "extensionDate",
  text: string,
): string | undefined {
  try {
    checkFutureDate(field, text.trim(), ctx.deps.now(), ctx.deps.config.TIME_ZONE);
    return undefined;
  } catch (error) {
    const message = referralErrorMessage(ctx, error);
    if (!message) throw error;
    return message;
  }
}

async function handleReferralInput(ctx: BotContext, flow: ReferralInputFlow, text: string): Promise<void> {
  const typed = text.trim();
  if (typed === "" && flow.step !== "return_department") {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  switch (flow.step) {
    case "return_department":
      await ctx.reply(ctx.t("refer-use-buttons"));
      return;
    case "extension_reason":
      ctx.session.flow = { ...flow, step: "extension_date", reason: typed };
      await ctx.reply(ctx.t("referral-ask-extension-date"));
      return;
    case "extension_date": {
      const refused = dateOrAnswer(ctx, "extensionDate", typed);
      if (refused) return void (await ctx.reply(refused));
      await finish(
        ctx,
        flow,
        { action: "request_extension", reason: flow.reason ?? "", date: typed },
        "referral-extension-requested",
      );
      return;
    }
    case "answer_text":
      ctx.session.flow = { ...flow, step: "answer_contact", text: typed };
      await ctx.reply(ctx.t("referral-ask-answer-contact"));
      return;
    case "answer_contact": {
      const promises = promisingAnswerClasses.includes((flow.answerClass ?? "") as never);
      if (promises) {
        ctx.session.flow = { ...flow, step: "answer_date", contactPerson: typed };
        await ctx.reply(ctx.t("referral-ask-answer-date"));
        return;
      }
      await finish(
        ctx,
        flow,
        {
          action: "answer",
          answerClass: flow.answerClass ?? "",
          text: flow.text ?? "",
          contactPerson: typed,
          promisedDate: null,
        },
        "referral-answered",
      );
      return;
    }
    case "answer_date": {
      const refused = dateOrAnswer(ctx, "promisedDate", typed);
      if (refused) return void (await ctx.reply(refused));
      await finish(
        ctx,
        flow,
        {
          action: "answer",
          answerClass: flow.answerClass ?? "",
          text: flow.text ?? "",
          contactPerson: flow.contactPerson ?? "",
          promisedDate: typed,
        },
        "referral-answered",
      );
      return;
    }
    case "review_reason":
      await finish(ctx, flow, { action: "review", accept: false, reason: typed }, "referral-rework-sent");
      return;
    case "note": {
      const actor = await referralActorOf(ctx, noteCapacity(ctx.user));
      ctx.session.flow = undefined;
      try {
        await addReferralNote(ctx.deps.db, {
          referralId: flow.referralId,
          actor,
          text: typed,
          sourceKey: `note:${ctx.chat?.id ?? 0}:${ctx.msg?.message_id ?? 0}`,
          now: ctx.deps.now(),
        });
      } catch (error) {
        await refuse(ctx, flow, error);
        return;
      }
      await ctx.reply(ctx.t("referral-note-saved"));
      return;
    }
    case "rate_reason":
      await finish(
        ctx,
        flow,
        { action: "rate", rating: "unsatisfied", note: typed },
        "referral-rated-unsatisfied-done",
      );
      return;
    case "withdraw_reason":
      await finish(ctx, flow, { action: "withdraw", reason: typed }, "referral-withdrawn-done");
      return;
  }
}
