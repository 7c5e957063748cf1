// Referring (交办/转办) a case to one or more departments, from the 转办 button on a case: choose
// the departments, keep the default deadline (working days by category and priority) or type
// a later date, add an optional note, confirm. Deputies of the district, its assignee and staff
// covering it may; every step checks the case again and the last one is the domain's.
import { InlineKeyboard } from "grammy";
import { loadReferralActor } from "../../db/queries/referral-people.js";
import { defaultReferralDeadline, listDepartments, referCase } from "../../db/queries/referrals.js";
import { isOpen } from "../../domain/concern-status.js";
import { checkFutureDate } from "../../domain/referral.js";
import { accessCaseAsHandler } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { referDraftData } from "../referral-callback-data.js";
import type { ReferDraftFlow } from "../referral-flows.js";
import { referralErrorMessage, referralTime } from "../referral-support.js";
import { formatDeadline } from "../referral-view.js";

export const referralReferFeature = new Composer<BotContext>();
const feature = referralReferFeature.chatType("private");

type DraftAction = Parameters<typeof referDraftData.pack>[0]["action"];
const draftButton = (action: DraftAction, concernId: number, value = 0) =>
  referDraftData.pack({ action, concernId, value });

async function departmentKeyboard(ctx: BotContext, flow: ReferDraftFlow): Promise<InlineKeyboard> {
  const locale = await ctx.i18n.getLocale();
  const kb = new InlineKeyboard();
  for (const d of await listDepartments(ctx.deps.db.prisma)) {
    const chosen = flow.departmentIds.includes(d.id);
    kb.text(`${chosen ? "✅ " : ""}${localName(d, locale)}`, draftButton("dept", flow.concernId, d.id)).row();
  }
  kb.text(ctx.t("refer-button-next"), draftButton("next", flow.concernId));
  kb.text(ctx.t("button-cancel"), draftButton("cancel", flow.concernId));
  return kb;
}

/** The draft in the session for this case, or undefined (stale or forged button). */
function draftOf(ctx: BotContext, concernId: number): ReferDraftFlow | undefined {
  const flow = ctx.session.flow;
  return flow?.kind === "refer" && flow.concernId === concernId ? flow : undefined;
}

async function askNote(ctx: BotContext, flow: ReferDraftFlow): Promise<void> {
  flow.step = "note";
  ctx.session.flow = flow;
  await ctx.reply(ctx.t("refer-ask-note"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("refer-button-no-note"), draftButton("note_skip", flow.concernId))
      .text(ctx.t("button-cancel"), draftButton("cancel", flow.concernId)),
  });
}

async function askConfirm(ctx: BotContext, flow: ReferDraftFlow): Promise<void> {
  flow.step = "confirm";
  ctx.session.flow = flow;
  const locale = await ctx.i18n.getLocale();
  const departments = (await listDepartments(ctx.deps.db.prisma)).filter((d) =>
    flow.departmentIds.includes(d.id),
  );
  const time = await referralTime(ctx);
  const fallback = await defaultReferralDeadline(ctx.deps.db.prisma, flow.concernId, time);
  const deadline = flow.deadlineDate ?? (fallback ? formatDeadline(fallback.deadline, time.timeZone) : "");
  await ctx.reply(
    ctx.t("refer-confirm", {
      departments: escapeHtml(departments.map((d) => localName(d, locale)).join("、")),
      deadline: escapeHtml(deadline),
      note: escapeHtml(flow.note ?? ctx.t("refer-no-note")),
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("refer-button-confirm"), draftButton("confirm", flow.concernId))
        .text(ctx.t("button-cancel"), draftButton("cancel", flow.concernId)),
    },
  );
}

feature.callbackQuery(referDraftData.filter, async (ctx) => {
  const data = referDraftData.unpack(ctx.callbackQuery.data);
  const concern = data ? await accessCaseAsHandler(ctx, data.concernId) : undefined;
  if (!data || !concern) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  if (data.action === "start") {
    if (!isOpen(concern.status)) {
      await ctx.answerCallbackQuery({
        text: ctx.t("case-action-not-allowed", { status: ctx.t(`status-${concern.status}`) }),
        show_alert: true,
      });
      return;
    }
    const flow: ReferDraftFlow = {
      kind: "refer",
      concernId: concern.id,
      departmentIds: [],
      step: "departments",
      deadlineDate: null,
      note: null,
    };
    ctx.session.flow = flow;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("refer-choose-departments", { caseNo: concern.caseNo }), {
      parse_mode: "HTML",
      reply_markup: await departmentKeyboard(ctx, flow),
    });
    return;
  }
  const flow = draftOf(ctx, concern.id);
  if (!flow) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  switch (data.action) {
    case "dept": {
      const at = flow.departmentIds.indexOf(data.value);
      if (at >= 0) flow.departmentIds.splice(at, 1);
      else flow.departmentIds.push(data.value);
      ctx.session.flow = flow;
      await ctx.answerCallbackQuery();
      await ctx
        .editMessageReplyMarkup({ reply_markup: await departmentKeyboard(ctx, flow) })
        .catch(() => undefined);
      return;
    }
    case "next": {
      if (flow.departmentIds.length === 0) {
        await ctx.answerCallbackQuery({ text: ctx.t("referral-error-no_department"), show_alert: true });
        return;
      }
      flow.step = "deadline";
      ctx.session.flow = flow;
      await ctx.answerCallbackQuery();
      const time = await referralTime(ctx);
      const fallback = await defaultReferralDeadline(ctx.deps.db.prisma, concern.id, time);
      if (!fallback) return;
      await ctx.reply(
        ctx.t("refer-ask-deadline", {
          deadline: formatDeadline(fallback.deadline, time.timeZone),
          days: fallback.answerDays,
        }),
        {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("refer-button-default-deadline"), draftButton("dl_default", concern.id))
            .text(ctx.t("refer-button-other-deadline"), draftButton("dl_other", concern.id)),
        },
      );
      return;
    }
    case "dl_default":
      flow.deadlineDate = null;
      await ctx.answerCallbackQuery();
      await askNote(ctx, flow);
      return;
    case "dl_other":
      flow.step = "deadline_date";
      ctx.session.flow = flow;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("refer-ask-deadline-date"));
      return;
    case "note_skip":
      flow.note = null;
      await ctx.answerCallbackQuery();
      await askConfirm(ctx, flow);
      return;
    case "cancel":
      ctx.session.flow = undefined;
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("flow-cancelled")).catch(() => undefined);
      return;
    case "confirm":
      await confirmReferral(ctx, flow, concern.caseNo);
      return;
  }
});

async function confirmReferral(ctx: BotContext, flow: ReferDraftFlow, caseNo: string): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const actor = await loadReferralActor(
    prisma,
    ctx.user,
    ctx.user.role === "staff" || ctx.user.role === "admin" ? "staff" : "representative",
  );
  try {
    const time = await referralTime(ctx);
    const referrals = await referCase(ctx.deps.db, {
      concernId: flow.concernId,
      departmentIds: flow.departmentIds,
      actor,
      deadlineDate: flow.deadlineDate,
      note: flow.note,
      time,
    });
    ctx.session.flow = undefined;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const locale = await ctx.i18n.getLocale();
    const departments = (await listDepartments(prisma)).filter((d) => flow.departmentIds.includes(d.id));
    await ctx.reply(
      ctx.t("refer-done", {
        caseNo,
        departments: escapeHtml(departments.map((d) => localName(d, locale)).join("、")),
        deadline: formatDeadline(referrals[0]!.deadline, time.timeZone),
      }),
      { parse_mode: "HTML" },
    );
  } catch (error) {
    const message = referralErrorMessage(ctx, error);
    if (!message) throw error;
    ctx.session.flow = undefined;
    await ctx.answerCallbackQuery({ text: message, show_alert: true });
    await ctx.reply(message);
  }
}

/** Typed input of a referral draft: a deadline date or the note. Returns false when not for it. */
export async function handleReferDraftInput(
  ctx: BotContext,
  flow: ReferDraftFlow,
  text: string,
): Promise<void> {
  if (flow.step === "deadline_date") {
    const date = text.trim();
    try {
      checkFutureDate("deadline", date, ctx.deps.now(), ctx.deps.config.TIME_ZONE);
    } catch (error) {
      const message = referralErrorMessage(ctx, error);
      if (!message) throw error;
      await ctx.reply(message);
      return;
    }
    flow.deadlineDate = date;
    await askNote(ctx, flow);
    return;
  }
  if (flow.step === "note") {
    flow.note = text.trim() || null;
    await askConfirm(ctx, flow);
    return;
  }
  await ctx.reply(ctx.t("refer-use-buttons"));
}
