// The buttons on a referral (交办件): the department's 签收, 退回, 申请延期 and 答复; the staff's
// decisions on an extension, review of an answer, re-routing or refusing a return; the
// deputy's rating of the answer. /referrals lists a department contact's open referrals. Every
// press loads the actor in the capacity the action needs and the domain decides; a forged or
// stale button gets a localized answer and changes nothing.

import { InlineKeyboard } from "grammy";
import { listReferralNotes } from "../../db/queries/referral-notes.js";
import { loadDepartmentIds, type ReferralCapacity } from "../../db/queries/referral-people.js";
import {
  actOnReferral,
  findReferral,
  listDepartmentReferrals,
  listDepartments,
  loadReferralFacts,
} from "../../db/queries/referrals.js";
import {
  answerClasses,
  deputyRatings,
  mayNoteOnReferral,
  mayTakeReferralAction,
  type ReferralAction,
  type ReferralCommand,
  referralActionAllowed,
  returnReasons,
  returnReasonsNamingDepartment,
} from "../../domain/referral.js";
import { InvalidReferralTransitionError, ReferralForbiddenError } from "../../domain/referral-errors.js";
import type { ReferralAudience } from "../../domain/referral-recipients.js";
import { cancelFlowData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { referralActionData, referralListData, shareContactData } from "../referral-callback-data.js";
import type { ReferralInputFlow } from "../referral-flows.js";
import {
  capacityFor,
  noteCapacity,
  referralActorOf,
  referralErrorMessage,
  referralTime,
} from "../referral-support.js";
import {
  answerClassKeyboard,
  departmentChoiceKeyboard,
  referralCard,
  referralKeyboard,
  returnReasonKeyboard,
} from "../referral-view.js";
import { replyInPieces } from "../reply-in-pieces.js";
import { splitHtml } from "../split-text.js";
import { viewOptionsOf } from "../view-options.js";

export const referralActionsFeature = new Composer<BotContext>();
const feature = referralActionsFeature.chatType("private");

const PAGE_SIZE = 8;

const audienceOf: Record<ReferralCapacity, ReferralAudience> = {
  department: "department",
  staff: "staff",
  representative: "handlers",
};

function actorFor(ctx: BotContext, action: ReferralAction) {
  return referralActorOf(ctx, capacityFor(action, ctx.user));
}

/** Sends (or redraws, after a button) the card of a referral as `audience` sees it. */
async function showCard(ctx: BotContext, referralId: number, audience: ReferralAudience, edit: boolean) {
  const referral = await findReferral(ctx.deps.db.prisma, referralId);
  if (!referral) return;
  const view = await viewOptionsOf(ctx);
  const notes = await listReferralNotes(ctx.deps.db.prisma, referralId);
  const text = referralCard(referral, audience, view, notes);
  const reply_markup = referralKeyboard(view.t, referral, audience);
  // A card too long for one message is sent anew, in pieces (src/bot/split-text.ts).
  if (edit && ctx.callbackQuery?.message && splitHtml(text).length === 1)
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup }).catch(() => undefined);
  else await replyInPieces(ctx, text, reply_markup);
}

/**
 * Checks, before asking for an action's details, that this user may take it now: the answer
 * to give when not (forged, out of scope, wrong state), else undefined.
 */
async function refusal(
  ctx: BotContext,
  referralId: number,
  action: ReferralAction,
): Promise<string | undefined> {
  const facts = await loadReferralFacts(ctx.deps.db.prisma, referralId);
  if (!facts) return ctx.t("referral-error-not_found");
  const actor = await actorFor(ctx, action);
  if (!mayTakeReferralAction(actor, action, facts))
    return referralErrorMessage(ctx, new ReferralForbiddenError(referralId, action, actor.kind, ctx.user.id));
  if (!referralActionAllowed(facts.status, action))
    return referralErrorMessage(ctx, new InvalidReferralTransitionError(referralId, action, facts.status));
  if (action === "request_extension" && facts.pendingExtension)
    return ctx.t("referral-error-extension_pending");
  return undefined;
}

/** Takes an action; answers the button with a toast and redraws the card, or with the refusal. */
async function act(ctx: BotContext, referralId: number, command: ReferralCommand, doneKey: string) {
  const actor = await actorFor(ctx, command.action);
  try {
    await actOnReferral(ctx.deps.db, { referralId, command, actor, time: await referralTime(ctx) });
  } catch (error) {
    const message = referralErrorMessage(ctx, error);
    if (!message) throw error;
    await ctx.answerCallbackQuery({ text: message, show_alert: true });
    return false;
  }
  await ctx.answerCallbackQuery({ text: ctx.t(doneKey) });
  await showCard(ctx, referralId, audienceOf[capacityFor(command.action, ctx.user)], true);
  return true;
}

/** Starts a typed step of an action (an extension, an answer, a rework reason). */
async function ask(ctx: BotContext, flow: ReferralInputFlow, key: string) {
  ctx.session.flow = flow;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(key), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
  });
}

feature.callbackQuery(referralActionData.filter, async (ctx) => {
  const data = referralActionData.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const { referralId, value } = data;
  const alert = (text: string) => ctx.answerCallbackQuery({ text, show_alert: true });
  const check = async (action: ReferralAction) => {
    const refused = await refusal(ctx, referralId, action);
    if (refused) await alert(refused);
    return refused === undefined;
  };
  switch (data.action) {
    case "op": {
      const facts = await loadReferralFacts(ctx.deps.db.prisma, referralId);
      let audience: ReferralAudience | undefined;
      if (facts)
        for (const capacity of ["department", "staff", "representative"] as const) {
          const actor = await referralActorOf(ctx, capacity);
          const sample: ReferralAction =
            capacity === "department" ? "answer" : capacity === "staff" ? "review" : "rate";
          if (mayTakeReferralAction(actor, sample, facts)) {
            audience = audienceOf[capacity];
            break;
          }
        }
      if (!audience) return void (await alert(ctx.t("referral-error-not_found")));
      await ctx.answerCallbackQuery();
      await showCard(ctx, referralId, audience, false);
      return;
    }
    case "ack":
      await act(ctx, referralId, { action: "acknowledge" }, "referral-acknowledged-toast");
      return;
    case "ret":
      if (!(await check("return"))) return;
      ctx.session.flow = { kind: "referral_input", referralId, step: "return_department" };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("referral-ask-return-reason"), {
        reply_markup: returnReasonKeyboard(ctx.t, referralId),
      });
      return;
    case "rr": {
      const reason = returnReasons[value];
      if (!reason) return void (await alert(ctx.t("referral-error-unknown_choice")));
      if (!(await check("return"))) return;
      const facts = await loadReferralFacts(ctx.deps.db.prisma, referralId);
      ctx.session.flow = { kind: "referral_input", referralId, step: "return_department", reason };
      await ctx.answerCallbackQuery();
      const locale = await ctx.i18n.getLocale();
      const optional = !returnReasonsNamingDepartment.includes(reason);
      await ctx.reply(
        ctx.t(optional ? "referral-ask-return-department-optional" : "referral-ask-return-department"),
        {
          reply_markup: departmentChoiceKeyboard(
            await listDepartments(ctx.deps.db.prisma),
            locale,
            { id: referralId, departmentId: facts?.departmentId ?? 0 },
            "rd",
            optional ? ctx.t("referral-button-no-department") : undefined,
          ),
        },
      );
      return;
    }
    case "rd": {
      const flow = ctx.session.flow;
      // A return whose reason was never chosen (or a forged press) reaches the domain without
      // one, and is refused there: "a return without a reason changes nothing".
      const reason =
        flow?.kind === "referral_input" && flow.referralId === referralId && flow.step === "return_department"
          ? (flow.reason ?? "")
          : "";
      const done = await act(
        ctx,
        referralId,
        { action: "return", reason, suggestedDepartmentId: value === 0 ? null : value },
        "referral-returned-toast",
      );
      if (done || reason === "") ctx.session.flow = undefined;
      return;
    }
    case "ext":
      if (!(await check("request_extension"))) return;
      await ask(
        ctx,
        { kind: "referral_input", referralId, step: "extension_reason" },
        "referral-ask-extension-reason",
      );
      return;
    case "ans":
      if (!(await check("answer"))) return;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("referral-ask-answer-class"), {
        reply_markup: answerClassKeyboard(ctx.t, referralId),
      });
      return;
    case "ac": {
      const answerClass = answerClasses[value];
      if (!answerClass) return void (await alert(ctx.t("referral-error-unknown_choice")));
      if (!(await check("answer"))) return;
      await ask(
        ctx,
        { kind: "referral_input", referralId, step: "answer_text", answerClass },
        "referral-ask-answer-text",
      );
      return;
    }
    case "xa":
    case "xr":
      await act(
        ctx,
        referralId,
        { action: "decide_extension", approve: data.action === "xa" },
        data.action === "xa" ? "referral-extension-approved-toast" : "referral-extension-refused-toast",
      );
      return;
    case "va":
      await act(ctx, referralId, { action: "review", accept: true }, "referral-review-accepted-toast");
      return;
    case "vr":
      if (!(await check("review"))) return;
      await ask(
        ctx,
        { kind: "referral_input", referralId, step: "review_reason" },
        "referral-ask-rework-reason",
      );
      return;
    case "ro": {
      if (value === 0) {
        if (!(await check("reroute"))) return;
        const facts = await loadReferralFacts(ctx.deps.db.prisma, referralId);
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("referral-ask-reroute-department"), {
          reply_markup: departmentChoiceKeyboard(
            await listDepartments(ctx.deps.db.prisma),
            await ctx.i18n.getLocale(),
            { id: referralId, departmentId: facts?.departmentId ?? 0 },
            "ro",
          ),
        });
        return;
      }
      await act(ctx, referralId, { action: "reroute", departmentId: value }, "referral-rerouted-toast");
      return;
    }
    case "rn":
      await act(ctx, referralId, { action: "refuse_return" }, "referral-return-refused-toast");
      return;
    case "nt": {
      const facts = await loadReferralFacts(ctx.deps.db.prisma, referralId);
      const actor = await referralActorOf(ctx, noteCapacity(ctx.user));
      if (!facts) return void (await alert(ctx.t("referral-error-not_found")));
      if (!mayNoteOnReferral(actor, facts)) return void (await alert(ctx.t("referral-error-forbidden")));
      await ask(ctx, { kind: "referral_input", referralId, step: "note" }, "referral-ask-note");
      return;
    }
    case "wd":
      if (!(await check("withdraw"))) return;
      await ask(
        ctx,
        { kind: "referral_input", referralId, step: "withdraw_reason" },
        "referral-ask-withdraw-reason",
      );
      return;
    case "rt": {
      const rating = deputyRatings[value];
      if (!rating) return void (await alert(ctx.t("referral-error-unknown_choice")));
      // 不满意 sends the case back to the department: the deputy says why first.
      if (rating === "unsatisfied") {
        if (!(await check("rate"))) return;
        await ask(
          ctx,
          { kind: "referral_input", referralId, step: "rate_reason" },
          "referral-ask-unsatisfied-reason",
        );
        return;
      }
      await act(ctx, referralId, { action: "rate", rating }, "referral-rated-toast");
      return;
    }
  }
});

async function showDepartmentList(ctx: BotContext, page: number, edit: boolean): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const departmentIds = [...(await loadDepartmentIds(prisma, ctx.user.id))];
  if (departmentIds.length === 0) {
    await ctx.reply(ctx.t("referrals-not-department"));
    return;
  }
  const { items, total } = await listDepartmentReferrals(prisma, departmentIds, page, PAGE_SIZE);
  const view = await viewOptionsOf(ctx);
  const kb = new InlineKeyboard();
  for (const r of items)
    kb.text(
      `${r.concern.caseNo} · ${ctx.t(`referral-status-${r.status === "open" ? "sent" : r.status}`)}${departmentIds.length > 1 ? ` · ${localName(r.department, view.locale)}` : ""}`,
      referralActionData.pack({ action: "op", referralId: r.id, value: 0 }),
    ).row();
  if (page > 0) kb.text("◀", referralListData.pack({ page: page - 1 }));
  if ((page + 1) * PAGE_SIZE < total) kb.text("▶", referralListData.pack({ page: page + 1 }));
  const text = total === 0 ? ctx.t("referrals-empty") : ctx.t("referrals-title", { total });
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => undefined);
  else await ctx.reply(text, { reply_markup: kb });
}

feature.command("referrals", (ctx) => showDepartmentList(ctx, 0, false));

feature.callbackQuery(referralListData.filter, async (ctx) => {
  const data = referralListData.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (data) await showDepartmentList(ctx, data.page, true);
});

// The citizen agrees, for this case, that the departments handling it may see their name and
// contact (Concern.contactSharedAt); only the case's own, named citizen can.
feature.callbackQuery(shareContactData.filter, async (ctx) => {
  const data = shareContactData.unpack(ctx.callbackQuery.data);
  const prisma = ctx.deps.db.prisma;
  const concern = data ? await prisma.concern.findUnique({ where: { id: data.concernId } }) : null;
  if (!concern || concern.citizenId !== ctx.user.id || concern.anonymous) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  if (concern.contactSharedAt === null)
    await prisma.concern.updateMany({
      where: { id: concern.id, contactSharedAt: null },
      data: { contactSharedAt: ctx.deps.now() },
    });
  await ctx.answerCallbackQuery({ text: ctx.t("referral-share-contact-done") });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
});
