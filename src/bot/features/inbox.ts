// The deputies' side: /inbox lists the open cases of the districts one handles; the
// buttons on a case accept it, start a reply, resolve it with an outcome or decline it.
// Every action re-checks that the case is within the actor's scope.
import { InlineKeyboard } from "grammy";
import { loadHandlerScope, scopeDistrictIds } from "../../db/queries/access.js";
import { changeConcernStatus, findConcern, listOpenConcernsOfDistricts } from "../../db/queries/concerns.js";
import { handlerRole, isHandler } from "../../domain/access.js";
import { canApply, canExchangeMessages } from "../../domain/concern-status.js";
import { cancelFlowData, caseActionData, listPageData } from "../callback-data.js";
import { accessCaseAsHandler, caseErrorMessage } from "../case-access.js";
import { caseCard, withUnreachableWarning } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { handlerKeyboard } from "../keyboards/case.js";
import { caseListKeyboard, PAGE_SIZE } from "../keyboards/lists.js";
import { viewOptionsOf } from "../view-options.js";
import { replyPromptKeyboard } from "./canned-replies.js";
import { sendAttachments } from "./cases.js";
import { showInboxDesk } from "./inbox-desk.js";

export const inboxFeature = new Composer<BotContext>();
const feature = inboxFeature.chatType("private");

/**
 * Tells someone who just became a deputy or staff member of the open cases already waiting in
 * their scope (issue 7, item 5: cases raised before anyone could take them are not left
 * unseen); says nothing when there are none.
 */
export async function showOpenCasesOnJoining(ctx: BotContext): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const scope = await loadHandlerScope(prisma, ctx.user);
  if (!isHandler(scope)) return;
  const districtIds = await scopeDistrictIds(prisma, scope);
  const { items, total } = await listOpenConcernsOfDistricts(prisma, districtIds, 0, PAGE_SIZE);
  if (total === 0) return;
  await ctx.reply(ctx.t("invite-open-cases", { total }), {
    reply_markup: caseListKeyboard(ctx.t, "inbox", items, 0, total),
  });
}

// /inbox itself, its filters and pages: src/bot/features/inbox-desk.ts. Pages of an older
// inbox message (before the filters) open the same list.
feature.callbackQuery(listPageData.filter, async (ctx, next) => {
  const data = listPageData.unpack(ctx.callbackQuery.data);
  if (data?.list !== "inbox") return next();
  await ctx.answerCallbackQuery();
  await showInboxDesk(ctx, { filter: "all", districtId: 0, page: data.page }, true);
});

const cancelKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" }));

feature.callbackQuery(caseActionData.filter, async (ctx) => {
  const data = caseActionData.unpack(ctx.callbackQuery.data);
  const concern = data ? await accessCaseAsHandler(ctx, data.concernId) : undefined;
  if (!data || !concern) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const notAllowed = () =>
    ctx.answerCallbackQuery({
      text: ctx.t("case-action-not-allowed", { status: ctx.t(`status-${concern.status}`) }),
      show_alert: true,
    });
  switch (data.action) {
    case "files":
      await ctx.answerCallbackQuery();
      await sendAttachments(ctx, concern.id);
      return;
    case "reply": {
      if (!canExchangeMessages(concern.status)) return void (await notAllowed());
      ctx.session.flow = { kind: "message", concernId: concern.id };
      await ctx.answerCallbackQuery();
      // The canned replies of its category are offered under the prompt.
      const view = await viewOptionsOf(ctx);
      await ctx.reply(
        withUnreachableWarning(ctx.t("case-write-reply", { caseNo: concern.caseNo }), concern.citizen, view),
        {
          reply_markup: await replyPromptKeyboard(ctx, concern),
        },
      );
      return;
    }
    case "resolve":
    case "decline": {
      if (!canApply(concern.status, data.action)) return void (await notAllowed());
      ctx.session.flow = { kind: data.action, concernId: concern.id };
      await ctx.answerCallbackQuery();
      const prompt = ctx.t(`case-write-${data.action}`, { caseNo: concern.caseNo });
      await ctx.reply(withUnreachableWarning(prompt, concern.citizen, await viewOptionsOf(ctx)), {
        reply_markup: cancelKeyboard(ctx),
      });
      return;
    }
    case "accept":
      try {
        await changeConcernStatus(ctx.deps.db, {
          concernId: concern.id,
          action: "accept",
          actorId: ctx.user.id,
          actorRole: handlerRole(ctx.user.role),
          now: ctx.deps.now(),
        });
      } catch (error) {
        const message = caseErrorMessage(ctx, error);
        if (!message) throw error;
        await ctx.answerCallbackQuery({ text: message, show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery({ text: ctx.t("case-accepted-toast", { caseNo: concern.caseNo }) });
      await refreshCaseMessage(ctx, concern.id);
      return;
  }
});

/** Redraws the case message the button was on, so its buttons match the new status. */
export async function refreshCaseMessage(ctx: BotContext, concernId: number): Promise<void> {
  const concern = await findConcern(ctx.deps.db.prisma, concernId);
  if (!concern || !ctx.callbackQuery?.message) return;
  await ctx
    .editMessageText(caseCard(concern, "handler", await viewOptionsOf(ctx)), {
      parse_mode: "HTML",
      reply_markup: handlerKeyboard(ctx.t, { ...concern, attachmentCount: concern._count.attachments }),
    })
    .catch(() => undefined);
}
