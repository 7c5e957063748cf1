// Canned replies (常用答复): staff and administrators keep them per category with /replies
// (add: category, title, body; edit the body; remove), in their own language, with the
// variables {caseNo}, {dueDate} and {department} (src/domain/canned-reply.ts). Deputies and
// staff are offered the ones of a case's category when they reply; the chosen one is filled in
// for that case and shown back with Send / Edit / Cancel like a typed reply.
import { InlineKeyboard } from "grammy";
import {
  addCannedReply,
  caseDepartmentNames,
  editCannedReply,
  findCannedReply,
  listCannedReplies,
  listCannedRepliesFor,
  removeCannedReply,
} from "../../db/queries/canned-replies.js";
import { CannedReplyError, cannedReplyVariables, renderCannedReply } from "../../domain/canned-reply.js";
import { canExchangeMessages } from "../../domain/concern-status.js";
import { cancelFlowData, cannedData } from "../callback-data.js";
import { accessCaseAsHandler } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml, truncate } from "../format.js";
import { confirmPreparedText } from "./case-input.js";

export const cannedRepliesFeature = new Composer<BotContext>();
const feature = cannedRepliesFeature.chatType("private");

const managesReplies = (ctx: BotContext) => ctx.user.role === "staff" || ctx.user.role === "admin";

const cancelButton = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" }));

function cannedErrorMessage(ctx: BotContext, error: unknown): string | undefined {
  if (!(error instanceof CannedReplyError)) return undefined;
  return ctx.t(`canned-error-${error.code.replace("_", "-")}`, {
    detail: String(error.detail ?? ""),
    variables: cannedReplyVariables.map((v) => `{${v}}`).join(" "),
  });
}

/** The list of canned replies, with a button per reply and one to add another. */
async function showList(ctx: BotContext, edit: boolean): Promise<void> {
  const replies = await listCannedReplies(ctx.deps.db.prisma);
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.t("canned-list-title", { count: replies.length })];
  const kb = new InlineKeyboard();
  for (const reply of replies) {
    const category = reply.category ? localName(reply.category, locale) : ctx.t("canned-all-categories");
    lines.push(`• <b>${escapeHtml(reply.title)}</b> · ${escapeHtml(category)} · ${reply.locale}`);
    kb.text(
      `✏️ ${truncate(reply.title, 20)}`,
      cannedData.pack({ action: "open", id: reply.id, value: 0 }),
    ).row();
  }
  kb.text(ctx.t("canned-button-add"), cannedData.pack({ action: "newcat", id: 0, value: 0 }));
  const text = lines.join("\n");
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

feature.command("replies", async (ctx) => {
  if (!managesReplies(ctx)) return void (await ctx.reply(ctx.t("canned-staff-only")));
  await showList(ctx, false);
});

/** Offers the canned replies of a case's category under the reply prompt (none: only Cancel). */
export async function replyPromptKeyboard(
  ctx: BotContext,
  concern: { id: number; categoryId: number | null },
): Promise<InlineKeyboard> {
  const locale = await ctx.i18n.getLocale();
  const replies = await listCannedRepliesFor(ctx.deps.db.prisma, concern.categoryId, locale);
  const kb = new InlineKeyboard();
  for (const reply of replies)
    kb.text(
      `📝 ${truncate(reply.title, 24)}`,
      cannedData.pack({ action: "use", id: reply.id, value: concern.id }),
    ).row();
  return kb.text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" }));
}

function formatDay(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

feature.callbackQuery(cannedData.filter, async (ctx) => {
  const data = cannedData.unpack(ctx.callbackQuery.data);
  const prisma = ctx.deps.db.prisma;
  const alert = (text: string) => ctx.answerCallbackQuery({ text, show_alert: true });
  if (!data) return void (await alert(ctx.t("error-stale-button")));
  if (data.action === "use") {
    // A deputy or staff member replying on a case they handle.
    const concern = await accessCaseAsHandler(ctx, data.value);
    if (!concern) return void (await alert(ctx.t("case-not-found")));
    if (!canExchangeMessages(concern.status))
      return void (await alert(
        ctx.t("case-action-not-allowed", { status: ctx.t(`status-${concern.status}`) }),
      ));
    const reply = await findCannedReply(prisma, data.id);
    if (!reply) return void (await alert(ctx.t("canned-gone")));
    const locale = await ctx.i18n.getLocale();
    const departments = await caseDepartmentNames(prisma, concern.id);
    const text = renderCannedReply(reply.body, {
      caseNo: concern.caseNo,
      dueDate: concern.dueAt ? formatDay(concern.dueAt, locale, ctx.deps.config.TIME_ZONE) : null,
      department: departments ? departments.map((d) => localName(d, locale)).join("、") : null,
    });
    await ctx.answerCallbackQuery();
    await confirmPreparedText(
      ctx,
      { action: "message", concernId: concern.id, caseNo: concern.caseNo },
      text,
      `canned:${reply.id}:${ctx.callbackQuery.id}`,
    );
    return;
  }
  // Everything else is managing the replies: staff and administrators only.
  if (!managesReplies(ctx)) return void (await alert(ctx.t("canned-staff-only")));
  switch (data.action) {
    case "list":
      await ctx.answerCallbackQuery();
      await showList(ctx, true);
      return;
    case "open": {
      const reply = await findCannedReply(prisma, data.id);
      if (!reply) return void (await alert(ctx.t("canned-gone")));
      await ctx.answerCallbackQuery();
      await ctx.reply(
        ctx.t("canned-show", { title: escapeHtml(reply.title), body: escapeHtml(reply.body) }),
        {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard()
            .text(ctx.t("canned-button-edit"), cannedData.pack({ action: "edit", id: reply.id, value: 0 }))
            .text(ctx.t("canned-button-remove"), cannedData.pack({ action: "del", id: reply.id, value: 0 })),
        },
      );
      return;
    }
    case "newcat": {
      const locale = await ctx.i18n.getLocale();
      const categories = await prisma.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
      const kb = new InlineKeyboard().text(
        ctx.t("canned-all-categories"),
        cannedData.pack({ action: "new", id: 0, value: 0 }),
      );
      kb.row();
      categories.forEach((c, i) => {
        kb.text(localName(c, locale), cannedData.pack({ action: "new", id: 0, value: c.id }));
        if (i % 2 === 1) kb.row();
      });
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("canned-pick-category"), { reply_markup: kb });
      return;
    }
    case "new": {
      const category = data.value ? await prisma.category.findUnique({ where: { id: data.value } }) : null;
      if (data.value && !category) return void (await alert(ctx.t("error-stale-button")));
      ctx.session.flow = { kind: "canned", step: "title", categoryId: category?.id ?? null };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("canned-ask-title"), { reply_markup: cancelButton(ctx) });
      return;
    }
    case "edit": {
      const reply = await findCannedReply(prisma, data.id);
      if (!reply) return void (await alert(ctx.t("canned-gone")));
      ctx.session.flow = { kind: "canned", step: "body", categoryId: reply.categoryId, cannedId: reply.id };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("canned-ask-body", { variables: "{caseNo} {dueDate} {department}" }), {
        reply_markup: cancelButton(ctx),
      });
      return;
    }
    case "del": {
      const removed = await removeCannedReply(prisma, data.id, ctx.deps.now());
      if (!removed) return void (await alert(ctx.t("canned-gone")));
      await ctx.answerCallbackQuery({ text: ctx.t("canned-removed") });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return;
    }
  }
});

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow?.kind !== "canned" || ctx.message.text?.startsWith("/")) return next();
  if (!managesReplies(ctx)) {
    ctx.session.flow = undefined;
    return void (await ctx.reply(ctx.t("canned-staff-only")));
  }
  const text = (ctx.message.text ?? "").trim();
  if (!text) return void (await ctx.reply(ctx.t("case-need-text")));
  if (flow.step === "title") {
    ctx.session.flow = { ...flow, step: "body", title: text };
    await ctx.reply(ctx.t("canned-ask-body", { variables: "{caseNo} {dueDate} {department}" }), {
      reply_markup: cancelButton(ctx),
    });
    return;
  }
  const prisma = ctx.deps.db.prisma;
  const now = ctx.deps.now();
  try {
    if (flow.cannedId) {
      if (!(await editCannedReply(prisma, flow.cannedId, text, now))) {
        ctx.session.flow = undefined;
        return void (await ctx.reply(ctx.t("canned-gone")));
      }
    } else {
      await addCannedReply(prisma, {
        categoryId: flow.categoryId,
        locale: await ctx.i18n.getLocale(),
        title: flow.title ?? "",
        body: text,
        createdById: ctx.user.id,
        now,
      });
    }
  } catch (error) {
    const message = cannedErrorMessage(ctx, error);
    if (!message) throw error;
    // The prompt stays: the body can be typed again.
    return void (await ctx.reply(message));
  }
  ctx.session.flow = undefined;
  await ctx.reply(ctx.t(flow.cannedId ? "canned-edited" : "canned-added"));
  await showList(ctx, false);
});
