// What is typed while a referral flow waits for it: a referral draft's deadline date or note,
// an extension's reason and date, an answer's text, contact person and promised date, a
// rework reason. The last step takes the action, which the domain checks again.
import { Composer } from "grammy";
import { addReferralNote } from "../../db/queries/referral-notes.js";
import { actOnReferral } from "../../db/queries/referrals.js";
import { checkFutureDate, promisingAnswerClasses, type ReferralCommand } from "../../domain/referral.js";
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

/** Runs the action the flow was collecting; the flow ends either way (the refusal says why). */
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
    const message = referralErrorMessage(ctx, error);
    if (!message) throw error;
    await ctx.reply(message);
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
        const message = referralErrorMessage(ctx, error);
        if (!message) throw error;
        await ctx.reply(message);
        return;
      }
      await ctx.reply(ctx.t("referral-note-saved"));
      return;
    }
    case "withdraw_reason":
      await finish(ctx, flow, { action: "withdraw", reason: typed }, "referral-withdrawn-done");
      return;
  }
}
