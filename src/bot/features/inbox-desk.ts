// /inbox, the triage desk's list: filters (all open, new, assigned to me, overdue, referred,
// awaiting my review), one village of the handler's scope, pages, and a case found by its
// number ("/inbox 2026-00042", or the 🔎 button). Each row shows the village, the due date
// and its 三色 colour (src/domain/triage.ts dueColour). What a list may hold is the handler's
// scope, read again on every button; a forged district outside it lists nothing of it.
import { InlineKeyboard } from "grammy";
import { scopeDistrictIds } from "../../db/queries/access.js";
import { type InboxRow, listInbox, listInboxDistricts } from "../../db/queries/inbox.js";
import { findConcernByNumber } from "../../db/queries/merge.js";
import { canHandleDistrict, isHandler } from "../../domain/access.js";
import { parseCaseNumber } from "../../domain/case-number.js";
import { type InboxFilter, inboxFilters } from "../../domain/inbox.js";
import { type DueColour, dueColour } from "../../domain/triage.js";
import { cancelFlowData, inboxData, openCaseData } from "../callback-data.js";
import { handlerScopeOf } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml, truncate } from "../format.js";
import { PAGE_SIZE } from "../keyboards/lists.js";
import { sendCase } from "./cases.js";

export const inboxDeskFeature = new Composer<BotContext>();
const feature = inboxDeskFeature.chatType("private");

const colourMark: Record<DueColour | "none", string> = { green: "🟢", amber: "🟡", red: "🔴", none: "⚪" };

function formatDay(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone,
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

function rowText(ctx: BotContext, row: InboxRow, locale: string, now: Date): string {
  const { TIME_ZONE, ESCALATION_AMBER_HOURS } = ctx.deps.config;
  const colour = dueColour(row, now, ESCALATION_AMBER_HOURS) ?? "none";
  return ctx.t("inbox-row", {
    mark: colourMark[colour],
    caseNo: row.caseNo,
    district: escapeHtml(localName(row.district, locale)),
    status: ctx.t(`status-${row.status}`),
    due: row.dueAt ? formatDay(row.dueAt, locale, TIME_ZONE) : "—",
    urgent: row.priority >= 1 ? ctx.t("inbox-row-urgent") : "",
    text: escapeHtml(truncate(row.description, 40)),
  });
}

/** The state of one inbox view: a filter, a district of the scope (0: all) and a page. */
interface InboxView {
  filter: InboxFilter;
  districtId: number;
  page: number;
}

/** Sends (or redraws, from its own buttons) one page of the inbox. */
export async function showInboxDesk(ctx: BotContext, view: InboxView, edit: boolean): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const scope = await handlerScopeOf(ctx);
  if (!isHandler(scope)) {
    await ctx.reply(ctx.t("inbox-not-handler"));
    return;
  }
  const districtIds = await scopeDistrictIds(prisma, scope);
  const districtId = view.districtId > 0 && canHandleDistrict(scope, view.districtId) ? view.districtId : 0;
  const now = ctx.deps.now();
  const { items, total } = await listInbox(prisma, {
    districtIds,
    districtId: districtId || null,
    filter: view.filter,
    user: { id: ctx.user.id, role: ctx.user.role },
    now,
    page: view.page,
    pageSize: PAGE_SIZE,
  });
  const locale = await ctx.i18n.getLocale();
  const district = districtId ? await prisma.district.findUnique({ where: { id: districtId } }) : null;
  const heading = ctx.t("inbox-heading", {
    filter: ctx.t(`inbox-filter-${view.filter}`),
    district: district ? escapeHtml(localName(district, locale)) : ctx.t("inbox-all-districts"),
    total,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const lines = [heading];
  if (total === 0)
    lines.push("", ctx.t(view.filter === "all" && !districtId ? "inbox-empty" : "inbox-empty-filter"));
  else {
    lines.push(ctx.t("inbox-page", { page: view.page + 1, pages }), "");
    for (const row of items) lines.push(rowText(ctx, row, locale, now));
  }
  const kb = new InlineKeyboard();
  for (const row of items) {
    const colour = dueColour(row, now, ctx.deps.config.ESCALATION_AMBER_HOURS) ?? "none";
    const label = `${colourMark[colour]} ${row.caseNo} · ${truncate(row.description, 14)}`;
    kb.text(label, openCaseData.pack({ concernId: row.id })).row();
  }
  if (pages > 1) {
    const at = (page: number) => inboxData.pack({ filter: view.filter, districtId, page });
    if (view.page > 0) kb.text(ctx.t("button-previous"), at(view.page - 1));
    if (view.page < pages - 1) kb.text(ctx.t("button-next"), at(view.page + 1));
    kb.row();
  }
  inboxFilters.forEach((filter, i) => {
    const label = ctx.t(`inbox-filter-${filter}`);
    kb.text(filter === view.filter ? `• ${label}` : label, inboxData.pack({ filter, districtId, page: 0 }));
    if (i % 3 === 2) kb.row();
  });
  kb.text(ctx.t("inbox-button-villages"), inboxData.pack({ filter: "villages", districtId, page: 0 }));
  kb.text(ctx.t("inbox-button-find"), inboxData.pack({ filter: "find", districtId: 0, page: 0 }));
  const text = lines.join("\n");
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

/** The districts of the scope to filter by, a page of them, then "all districts". */
async function showDistrictPicker(ctx: BotContext, page: number): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const scope = await handlerScopeOf(ctx);
  if (!isHandler(scope)) {
    await ctx.reply(ctx.t("inbox-not-handler"));
    return;
  }
  const districts = await listInboxDistricts(prisma, await scopeDistrictIds(prisma, scope));
  const locale = await ctx.i18n.getLocale();
  const size = 12;
  const pages = Math.max(1, Math.ceil(districts.length / size));
  const kb = new InlineKeyboard();
  districts.slice(page * size, (page + 1) * size).forEach((d, i) => {
    kb.text(localName(d, locale), inboxData.pack({ filter: "all", districtId: d.id, page: 0 }));
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  if (page > 0)
    kb.text(ctx.t("button-previous"), inboxData.pack({ filter: "villages", districtId: 0, page: page - 1 }));
  if (page < pages - 1)
    kb.text(ctx.t("button-next"), inboxData.pack({ filter: "villages", districtId: 0, page: page + 1 }));
  kb.row().text(ctx.t("inbox-all-districts"), inboxData.pack({ filter: "all", districtId: 0, page: 0 }));
  await ctx.editMessageText(ctx.t("inbox-pick-district"), { reply_markup: kb });
}

/** Opens the case with this typed number for a handler who may see it; false when none. */
async function openByNumber(ctx: BotContext, typed: string): Promise<"opened" | "not_number" | "not_found"> {
  const caseNo = parseCaseNumber(typed);
  if (!caseNo) return "not_number";
  const found = await findConcernByNumber(ctx.deps.db.prisma, caseNo);
  // A case out of scope reads as one that does not exist: numbers cannot be probed.
  return found && (await sendCase(ctx, found.id)) ? "opened" : "not_found";
}

feature.command("inbox", async (ctx) => {
  const arg = ctx.match.trim();
  if (!arg) return showInboxDesk(ctx, { filter: "all", districtId: 0, page: 0 }, false);
  const scope = await handlerScopeOf(ctx);
  if (!isHandler(scope)) return void (await ctx.reply(ctx.t("inbox-not-handler")));
  const result = await openByNumber(ctx, arg);
  if (result !== "opened") await ctx.reply(ctx.t(`inbox-find-${result}`));
});

feature.callbackQuery(inboxData.filter, async (ctx) => {
  const data = inboxData.unpack(ctx.callbackQuery.data);
  if (!data)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true }));
  await ctx.answerCallbackQuery();
  if (data.filter === "villages") return showDistrictPicker(ctx, data.page);
  if (data.filter === "find") {
    const scope = await handlerScopeOf(ctx);
    if (!isHandler(scope)) return void (await ctx.reply(ctx.t("inbox-not-handler")));
    ctx.session.flow = { kind: "find_case" };
    await ctx.reply(ctx.t("inbox-find-ask"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
    });
    return;
  }
  await showInboxDesk(ctx, { filter: data.filter, districtId: data.districtId, page: data.page }, true);
});

feature.on("message", async (ctx, next) => {
  if (ctx.session.flow?.kind !== "find_case" || ctx.message.text?.startsWith("/")) return next();
  const result = await openByNumber(ctx, ctx.message.text ?? "");
  if (result === "not_number") return void (await ctx.reply(ctx.t("inbox-find-not_number")));
  ctx.session.flow = undefined;
  if (result === "not_found") await ctx.reply(ctx.t("inbox-find-not_found"));
});
