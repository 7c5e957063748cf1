// /stats: figures for deputies (their own work), staff (their subtree) and administrators,
// with a period, a district subtree, a category, a deputy and a department to filter by and a grouping;
// answered as a summary with the definitions of every figure, as charts (PNG), and as a CSV
// or XLSX table. The question lives in the session; every button re-checks it against the
// user's scope (src/db/queries/stats-report.ts), so a forged button gets a refusal, not figures.
import { InlineKeyboard, InputFile } from "grammy";
import { findDistrictById, listChildDistricts } from "../../db/queries/districts.js";
import { caseGroupings } from "../../db/queries/stats.js";
import { refreshCaseFacts } from "../../db/queries/stats-facts.js";
import { loadCategories } from "../../db/queries/stats-labels.js";
import {
  buildStatsReport,
  loadStatsScope,
  resolveSelection,
  StatsAccessError,
  type StatsReport,
} from "../../db/queries/stats-report.js";
import { findMetric } from "../../domain/metrics/dictionary.js";
import {
  InvalidPeriodError,
  monthsOf,
  type Period,
  parseDateRange,
  resolvePeriod,
} from "../../domain/metrics/period.js";
import type { StatsFilters, StatsScope } from "../../domain/metrics/stats-access.js";
import { statsData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext, StatsQueryState } from "../context.js";
import { displayName, escapeHtml, formatDateTime, type Translate } from "../format.js";
import {
  groupName,
  loadStatsLabels,
  quotedChunks,
  type StatsLabels,
  statsSummary,
} from "../stats-summary.js";
import { definitionRows, statsTable, toCsv, toXlsx } from "../stats-table.js";
import { formatDefinitions, metricName } from "../stats-view.js";

export const statsFeature = new Composer<BotContext>();
const feature = statsFeature.chatType("private");

const periodChoices = ["this-month", "last-month", "this-year"] as const;
const DEPUTIES_LISTED = 40;

const defaultState = (): StatsQueryState => ({
  period: { kind: "this-month" },
  districtId: null,
  categoryId: null,
  deputyId: null,
  departmentId: null,
  grouping: "none",
});

const filtersOf = (state: StatsQueryState): StatsFilters => ({
  districtId: state.districtId,
  categoryId: state.categoryId,
  deputyId: state.deputyId,
  departmentId: state.departmentId ?? null,
});

interface Answer {
  scope: StatsScope;
  state: StatsQueryState;
  period: Period;
  report: StatsReport;
  labels: StatsLabels;
  locale: string;
}

/** Checks the question against the scope and builds its report; throws StatsAccessError or InvalidPeriodError. */
async function answer(
  ctx: BotContext,
  scope: StatsScope,
  state: StatsQueryState,
  grouping = state.grouping,
): Promise<Answer> {
  const { db, config } = ctx.deps;
  const now = ctx.deps.now();
  const period = resolvePeriod(state.period, now, config.TIME_ZONE);
  const selection = await resolveSelection(db.prisma, scope, filtersOf(state), period);
  await refreshCaseFacts(db, { now, timeZone: config.TIME_ZONE });
  const report = await buildStatsReport(db, scope, filtersOf(state), selection, grouping, {
    now,
    timeZone: config.TIME_ZONE,
  });
  const locale = await ctx.i18n.getLocale();
  return { scope, state, period, report, labels: await loadStatsLabels(db.prisma, ctx.t, locale), locale };
}

function scopeLine(t: Translate, a: Pick<Answer, "scope" | "state" | "labels">): string {
  const { scope, state, labels } = a;
  const district = state.districtId !== null ? labels.district(state.districtId) : t("stats-all-districts");
  const category = state.categoryId !== null ? labels.category(state.categoryId) : t("stats-all-categories");
  const deputy =
    state.deputyId !== null
      ? labels.deputy(state.deputyId)
      : scope.kind === "deputy"
        ? t("stats-own-work")
        : t("stats-all-deputies");
  const departmentId = state.departmentId ?? null;
  const department =
    departmentId !== null
      ? t("stats-referred-to", { name: labels.department(departmentId) })
      : t("stats-all-departments");
  return t("stats-scope-line", {
    district: escapeHtml(district),
    category: escapeHtml(category),
    deputy: escapeHtml(deputy),
    department: escapeHtml(department),
  });
}

function mark(selected: boolean, label: string): string {
  return selected ? `✓ ${label}` : label;
}

function summaryKeyboard(t: Translate, a: Answer): InlineKeyboard {
  const { state, labels, scope } = a;
  const keyboard = new InlineKeyboard();
  for (const [value, kind] of periodChoices.entries())
    keyboard.text(
      mark(state.period.kind === kind, t(`stats-period-${kind}`)),
      statsData.pack({ action: "period", value }),
    );
  keyboard
    .text(
      mark(state.period.kind === "custom", t("stats-period-custom")),
      statsData.pack({ action: "period", value: 3 }),
    )
    .row();
  const districtName = state.districtId !== null ? labels.district(state.districtId) : t("stats-button-all");
  keyboard.text(
    t("stats-button-district", { name: districtName }),
    statsData.pack({ action: "dnav", value: 0 }),
  );
  const categoryName = state.categoryId !== null ? labels.category(state.categoryId) : t("stats-button-all");
  keyboard
    .text(t("stats-button-category", { name: categoryName }), statsData.pack({ action: "cmenu", value: 0 }))
    .row();
  if (scope.kind !== "deputy") {
    const deputyName = state.deputyId !== null ? labels.deputy(state.deputyId) : t("stats-button-all");
    keyboard.text(
      t("stats-button-deputy", { name: deputyName }),
      statsData.pack({ action: "rmenu", value: 0 }),
    );
  }
  const departmentId = state.departmentId ?? null;
  const departmentName = departmentId !== null ? labels.department(departmentId) : t("stats-button-all");
  keyboard.text(
    t("stats-button-department", { name: departmentName }),
    statsData.pack({ action: "bmenu", value: 0 }),
  );
  keyboard
    .text(
      t("stats-button-grouping", { name: t(`stats-grouping-${state.grouping}`) }),
      statsData.pack({ action: "gmenu", value: 0 }),
    )
    .row();
  keyboard
    .text(t("stats-button-charts"), statsData.pack({ action: "out", value: 0 }))
    .text(t("stats-button-csv"), statsData.pack({ action: "out", value: 1 }))
    .text(t("stats-button-xlsx"), statsData.pack({ action: "out", value: 2 }))
    .row()
    .text(t("stats-button-definitions"), statsData.pack({ action: "out", value: 3 }));
  return keyboard;
}

/** Sends (or, from a button, redraws) the summary of the session's question. */
async function showSummary(ctx: BotContext, a: Answer, edit: boolean): Promise<void> {
  const t = ctx.t;
  const { text, definitions } = statsSummary(t, a.report, a.labels, {
    from: a.period.from,
    to: a.period.to,
    scopeLine: scopeLine(t, a),
    asOf: formatDateTime(ctx.deps.now(), a.locale, ctx.deps.config.TIME_ZONE),
  });
  const options = { parse_mode: "HTML" as const, reply_markup: summaryKeyboard(t, a) };
  if (edit && ctx.callbackQuery?.message)
    await ctx.editMessageText(text, options).catch(() => ctx.reply(text, options));
  else await ctx.reply(text, options);
  for (const part of definitions) await ctx.reply(part, { parse_mode: "HTML" });
}

const refusal = (ctx: BotContext, error: unknown): string | undefined => {
  if (error instanceof StatsAccessError) return ctx.t(`stats-denied-${error.denial}`);
  if (error instanceof InvalidPeriodError) return ctx.t("stats-bad-range");
  return undefined;
};

/** Applies a change to the question when the scope allows it; answers the button either way. */
async function applyChange(ctx: BotContext, scope: StatsScope, next: StatsQueryState): Promise<void> {
  let result: Answer;
  try {
    result = await answer(ctx, scope, next);
  } catch (error) {
    const message = refusal(ctx, error);
    if (!message) throw error;
    await ctx.answerCallbackQuery({ text: message, show_alert: true });
    return;
  }
  ctx.session.stats = next;
  await ctx.answerCallbackQuery();
  await showSummary(ctx, result, true);
}

feature.command("stats", async (ctx) => {
  const scope = await loadStatsScope(ctx.deps.db.prisma, ctx.user);
  if (scope.kind === "none") {
    await ctx.reply(ctx.t("stats-not-allowed"));
    return;
  }
  const state = defaultState();
  ctx.session.stats = state;
  if (ctx.session.flow?.kind === "stats_range") ctx.session.flow = undefined;
  await showSummary(ctx, await answer(ctx, scope, state), false);
});

/** The districts a user may open at a level: the scope's top districts at 0, else the children of `parentId`. */
async function districtChoices(ctx: BotContext, scope: StatsScope, parentId: number) {
  const prisma = ctx.deps.db.prisma;
  if (scope.kind === "all") return listChildDistricts(prisma, parentId === 0 ? null : parentId);
  if (scope.kind === "none") return [];
  const ids = scope.districtIds;
  if (parentId === 0) {
    const within = await prisma.district.findMany({
      where: { id: { in: [...ids] } },
      orderBy: { code: "asc" },
    });
    return within.filter((d) => d.parentId === null || !ids.has(d.parentId));
  }
  return (await listChildDistricts(prisma, parentId)).filter((d) => ids.has(d.id));
}

async function showDistrictMenu(ctx: BotContext, scope: StatsScope, parentId: number): Promise<void> {
  const t = ctx.t;
  if (parentId !== 0 && scope.kind !== "all" && (scope.kind === "none" || !scope.districtIds.has(parentId))) {
    await ctx.answerCallbackQuery({ text: t("stats-denied-district-outside-scope"), show_alert: true });
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  const current = parentId === 0 ? null : await findDistrictById(ctx.deps.db.prisma, parentId);
  if (current)
    keyboard
      .text(
        t("stats-button-pick-this", { name: localName(current, locale) }),
        statsData.pack({ action: "dpick", value: current.id }),
      )
      .row();
  else keyboard.text(t("stats-button-all"), statsData.pack({ action: "dpick", value: 0 })).row();
  for (const d of await districtChoices(ctx, scope, parentId))
    keyboard.text(localName(d, locale), statsData.pack({ action: "dnav", value: d.id })).row();
  keyboard.text(t("stats-button-back"), statsData.pack({ action: "back", value: 0 }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("stats-choose-district"), { reply_markup: keyboard });
}

async function showCategoryMenu(ctx: BotContext): Promise<void> {
  const t = ctx.t;
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard()
    .text(t("stats-button-all"), statsData.pack({ action: "cpick", value: 0 }))
    .row();
  for (const c of await loadCategories(ctx.deps.db.prisma))
    keyboard.text(localName(c, locale), statsData.pack({ action: "cpick", value: c.id })).row();
  keyboard.text(t("stats-button-back"), statsData.pack({ action: "back", value: 0 }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("stats-choose-category"), { reply_markup: keyboard });
}

async function showDeputyMenu(ctx: BotContext, scope: StatsScope): Promise<void> {
  const t = ctx.t;
  if (scope.kind === "deputy" || scope.kind === "none") {
    await ctx.answerCallbackQuery({ text: t("stats-denied-deputy-outside-scope"), show_alert: true });
    return;
  }
  const deputies = await ctx.deps.db.prisma.user.findMany({
    where: {
      representativeOf: { some: scope.kind === "all" ? {} : { districtId: { in: [...scope.districtIds] } } },
    },
    orderBy: { id: "asc" },
    take: DEPUTIES_LISTED,
    select: { id: true, firstName: true, lastName: true, username: true, telegramId: true },
  });
  const keyboard = new InlineKeyboard()
    .text(t("stats-button-all"), statsData.pack({ action: "rpick", value: 0 }))
    .row();
  for (const d of deputies)
    keyboard.text(displayName(d), statsData.pack({ action: "rpick", value: d.id })).row();
  keyboard.text(t("stats-button-back"), statsData.pack({ action: "back", value: 0 }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("stats-choose-deputy"), { reply_markup: keyboard });
}

async function showDepartmentMenu(ctx: BotContext): Promise<void> {
  const t = ctx.t;
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard()
    .text(t("stats-button-all"), statsData.pack({ action: "bpick", value: 0 }))
    .row();
  for (const d of await ctx.deps.db.prisma.department.findMany({ orderBy: { code: "asc" } }))
    keyboard.text(localName(d, locale), statsData.pack({ action: "bpick", value: d.id })).row();
  keyboard.text(t("stats-button-back"), statsData.pack({ action: "back", value: 0 }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("stats-choose-department"), { reply_markup: keyboard });
}

async function showGroupingMenu(ctx: BotContext): Promise<void> {
  const t = ctx.t;
  const keyboard = new InlineKeyboard();
  for (const [value, grouping] of caseGroupings.entries())
    keyboard.text(t(`stats-grouping-${grouping}`), statsData.pack({ action: "gpick", value })).row();
  keyboard.text(t("stats-button-back"), statsData.pack({ action: "back", value: 0 }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("stats-choose-grouping"), { reply_markup: keyboard });
}

const fileStem = (period: Period) => `stats-${period.from}_${period.to}`;

async function sendCharts(ctx: BotContext, scope: StatsScope, state: StatsQueryState): Promise<void> {
  // The canvas, Chart.js and the font are loaded when the first chart is asked for.
  const { renderCategoryChart, renderFunnelChart, renderTrendChart } = await import(
    "../charts/stats-charts.js"
  );
  const t = ctx.t;
  const [monthly, byCategory] = [
    await answer(ctx, scope, state, "month"),
    await answer(ctx, scope, state, "category"),
  ];
  const context = {
    t,
    from: monthly.period.from,
    to: monthly.period.to,
    scope: scopeLine(t, monthly).replace(/<[^>]+>/g, ""),
  };
  const perMonth = new Map(monthly.report.groups.map((g) => [g.key, g.tallies]));
  const trend = renderTrendChart(
    context,
    monthsOf(monthly.period).map((month) => ({
      month,
      received: perMonth.get(month)?.received ?? 0,
      closed: perMonth.get(month)?.closed ?? 0,
    })),
  );
  const total = monthly.report.total.tallies;
  const funnel = renderFunnelChart(context, [
    { label: metricName(t, findMetric("received")), count: total.received },
    { label: metricName(t, findMetric("taken-on")), count: total.takenOn },
    { label: metricName(t, findMetric("referred")), count: total.referred },
    { label: metricName(t, findMetric("closed")), count: total.closed },
    { label: t("stats-chart-funnel-rated"), count: total.rated },
    { label: t("stats-chart-funnel-satisfied"), count: total.satisfied },
  ]);
  const categories = renderCategoryChart(
    context,
    byCategory.report.groups.map((g) => ({
      label: groupName(t, byCategory.labels, "category", g.key),
      count: g.tallies.received,
    })),
  );
  const stem = fileStem(monthly.period);
  await ctx.replyWithMediaGroup([
    { type: "photo", media: new InputFile(trend, `${stem}-trend.png`) },
    { type: "photo", media: new InputFile(funnel, `${stem}-funnel.png`) },
    { type: "photo", media: new InputFile(categories, `${stem}-categories.png`) },
  ]);
}

async function sendTable(
  ctx: BotContext,
  scope: StatsScope,
  state: StatsQueryState,
  format: "csv" | "xlsx",
): Promise<void> {
  const t = ctx.t;
  const a = await answer(ctx, scope, state);
  const table = statsTable(t, a.report, (g) => groupName(t, a.labels, a.report.grouping, g.key));
  const definitions = definitionRows(t);
  const content = format === "csv" ? toCsv(table, definitions) : await toXlsx(t, table, definitions);
  await ctx.replyWithDocument(new InputFile(content, `${fileStem(a.period)}.${format}`), {
    caption: t("stats-file-caption", { from: a.period.from, to: a.period.to }),
  });
}

feature.callbackQuery(statsData.filter, async (ctx) => {
  const data = statsData.unpack(ctx.callbackQuery.data);
  const state = ctx.session.stats;
  if (!data || !state) {
    await ctx.answerCallbackQuery({ text: ctx.t("stats-stale"), show_alert: true });
    return;
  }
  const scope = await loadStatsScope(ctx.deps.db.prisma, ctx.user);
  if (scope.kind === "none") {
    await ctx.answerCallbackQuery({ text: ctx.t("stats-not-allowed"), show_alert: true });
    return;
  }
  const { action, value } = data;
  switch (action) {
    case "period": {
      const kind = periodChoices[value];
      if (kind) return applyChange(ctx, scope, { ...state, period: { kind } });
      if (value !== 3)
        return void (await ctx.answerCallbackQuery({ text: ctx.t("stats-stale"), show_alert: true }));
      ctx.session.flow = { kind: "stats_range" };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("stats-ask-range"));
      return;
    }
    case "dnav":
      return showDistrictMenu(ctx, scope, value);
    case "dpick":
      return applyChange(ctx, scope, { ...state, districtId: value === 0 ? null : value });
    case "cmenu":
      return showCategoryMenu(ctx);
    case "cpick":
      return applyChange(ctx, scope, { ...state, categoryId: value === 0 ? null : value });
    case "rmenu":
      return showDeputyMenu(ctx, scope);
    case "rpick":
      return applyChange(ctx, scope, { ...state, deputyId: value === 0 ? null : value });
    case "bmenu":
      return showDepartmentMenu(ctx);
    case "bpick":
      return applyChange(ctx, scope, { ...state, departmentId: value === 0 ? null : value });
    case "gmenu":
      return showGroupingMenu(ctx);
    case "gpick": {
      const grouping = caseGroupings[value];
      if (!grouping)
        return void (await ctx.answerCallbackQuery({ text: ctx.t("stats-stale"), show_alert: true }));
      return applyChange(ctx, scope, { ...state, grouping });
    }
    case "back":
      return applyChange(ctx, scope, state);
    case "out":
      try {
        await ctx.answerCallbackQuery({ text: ctx.t("stats-preparing") });
        if (value === 0) await sendCharts(ctx, scope, state);
        else if (value === 1) await sendTable(ctx, scope, state, "csv");
        else if (value === 2) await sendTable(ctx, scope, state, "xlsx");
        else
          for (const part of quotedChunks(formatDefinitions(ctx.t).split("\n")))
            await ctx.reply(part, { parse_mode: "HTML" });
      } catch (error) {
        const message = refusal(ctx, error);
        if (!message) throw error;
        await ctx.reply(message);
      }
      return;
  }
});

feature.on("message:text", async (ctx, next) => {
  if (ctx.session.flow?.kind !== "stats_range" || ctx.message.text.startsWith("/")) return next();
  const range = parseDateRange(ctx.message.text);
  const state = ctx.session.stats;
  if (!range || !state) {
    await ctx.reply(ctx.t("stats-bad-range"));
    return;
  }
  const scope = await loadStatsScope(ctx.deps.db.prisma, ctx.user);
  const next_ = { ...state, period: { kind: "custom" as const, ...range } };
  try {
    const result = await answer(ctx, scope, next_);
    ctx.session.stats = next_;
    ctx.session.flow = undefined;
    await showSummary(ctx, result, false);
  } catch (error) {
    const message = refusal(ctx, error);
    if (!message) throw error;
    await ctx.reply(message);
  }
});
