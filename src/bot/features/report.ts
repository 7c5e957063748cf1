// /report: the deputy's report to the voters (述职) for a year. Deputies write their own
// account, preview the one-page image and the text version, and publish; publishing freezes
// the figures and lets the citizens of their districts read it with /report. Staff produce
// the pack of any deputy in their scope. Every action re-checks who may do it.
import { InlineKeyboard, InputFile } from "grammy";
import {
  findDeputyReport,
  listDeputiesOf,
  listPublishedReportsOfDistrict,
  loadReportPack,
  publishReport,
  saveNarrative,
} from "../../db/queries/report-pack.js";
import { loadStatsScope } from "../../db/queries/stats-report.js";
import { localDate } from "../../domain/local-time.js";
import type { ReportPack } from "../../domain/metrics/report-pack.js";
import { reportData } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { displayName, formatDateTime } from "../format.js";
import { reportCasesCsv, reportFigureLines, reportText } from "../report-view.js";
import { loadStatsLabels } from "../stats-summary.js";

export const reportFeature = new Composer<BotContext>();
const feature = reportFeature.chatType("private");

const MAX_NARRATIVE = 1500;

type Access = "own" | "staff" | "none";

/** Whether the user is the deputy, staff (or an admin) covering one of the deputy's districts, or neither. */
async function accessTo(ctx: BotContext, deputyId: number): Promise<Access> {
  const prisma = ctx.deps.db.prisma;
  const districts = await prisma.representativeAssignment.findMany({
    where: { userId: deputyId },
    select: { districtId: true },
  });
  if (districts.length === 0) return "none";
  if (ctx.user.id === deputyId) return "own";
  const scope = await loadStatsScope(prisma, ctx.user);
  if (scope.kind === "all") return "staff";
  if (scope.kind === "districts" && districts.some((d) => scope.districtIds.has(d.districtId)))
    return "staff";
  return "none";
}

async function headingOf(ctx: BotContext, deputyId: number, year: number) {
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const deputy = await prisma.user.findUniqueOrThrow({ where: { id: deputyId } });
  const districts = await prisma.district.findMany({
    where: { representatives: { some: { userId: deputyId } } },
    orderBy: { code: "asc" },
  });
  const names = districts
    .map((d) => (locale === "en" ? d.nameEn : d.nameZh))
    .join(locale === "en" ? ", " : "、");
  return { year: String(year), name: displayName(deputy), districts: names, locale };
}

function statusLine(ctx: BotContext, publishedAt: Date | null | undefined, locale: string): string {
  return publishedAt
    ? ctx.t("report-published-at", { time: formatDateTime(publishedAt, locale, ctx.deps.config.TIME_ZONE) })
    : ctx.t("report-draft");
}

async function pageOf(
  ctx: BotContext,
  heading: Awaited<ReturnType<typeof headingOf>>,
  pack: ReportPack,
  narrative: string,
): Promise<Buffer> {
  const t = ctx.t;
  // The canvas and the font are loaded when the first page is drawn.
  const { renderReportPage } = await import("../charts/report-page.js");
  return renderReportPage({
    title: t("report-title", heading),
    sections: [
      { heading: t("report-section-figures"), lines: reportFigureLines(t, pack) },
      { heading: t("report-section-narrative"), lines: [narrative.trim() || t("report-no-narrative")] },
    ],
    footer: [
      t("report-page-footer"),
      t("report-trace", { count: pack.figures.find((f) => f.id === "received")?.value ?? 0 }),
    ],
  });
}

function keyboardFor(ctx: BotContext, access: Access, deputyId: number, year: number): InlineKeyboard {
  const t = ctx.t;
  const data = (action: "preview" | "write" | "publish" | "cases" | "text") =>
    reportData.pack({ action, deputyId, year });
  const keyboard = new InlineKeyboard()
    .text(t("report-button-image"), data("preview"))
    .text(t("report-button-cases"), data("cases"));
  if (access === "own")
    keyboard
      .row()
      .text(t("report-button-write"), data("write"))
      .text(t("report-button-publish"), data("publish"));
  return keyboard;
}

/** The live pack (figures as of now) as the text version, with the actions the user may take. */
async function showText(ctx: BotContext, access: Access, deputyId: number, year: number): Promise<void> {
  const { db, config } = ctx.deps;
  const { pack } = await loadReportPack(db, deputyId, year, {
    now: ctx.deps.now(),
    timeZone: config.TIME_ZONE,
  });
  const report = await findDeputyReport(db.prisma, deputyId, year);
  const heading = await headingOf(ctx, deputyId, year);
  const text = reportText(
    ctx.t,
    heading,
    pack,
    report?.narrative ?? "",
    statusLine(ctx, report?.publishedAt, heading.locale),
  );
  await ctx.reply(text, { reply_markup: keyboardFor(ctx, access, deputyId, year) });
}

const currentYear = (ctx: BotContext) =>
  Number(localDate(ctx.deps.now(), ctx.deps.config.TIME_ZONE).slice(0, 4));

/** Citizens: the published reports of their district's deputies, as published. */
async function showPublished(ctx: BotContext): Promise<void> {
  const districtId = ctx.user.districtId;
  const reports = districtId ? await listPublishedReportsOfDistrict(ctx.deps.db.prisma, districtId) : [];
  if (reports.length === 0) {
    await ctx.reply(ctx.t("report-none-published"));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const report of reports) {
    const heading = await headingOf(ctx, report.deputyId, report.year);
    keyboard
      .text(
        `${report.year} · ${heading.name}`,
        reportData.pack({ action: "text", deputyId: report.deputyId, year: report.year }),
      )
      .row();
  }
  await ctx.reply(ctx.t("report-published-list"), { reply_markup: keyboard });
}

feature.command("report", async (ctx) => {
  const arg = ctx.match.trim();
  const year = arg === "" ? currentYear(ctx) : Number(arg);
  if (!/^\d{4}$/.test(arg || String(year)) || year < 2000 || year > 2100) {
    await ctx.reply(ctx.t("report-bad-year"));
    return;
  }
  const role = ctx.user.role;
  if (role === "representative") return showText(ctx, "own", ctx.user.id, year);
  if (role === "staff" || role === "admin") {
    const scope = await loadStatsScope(ctx.deps.db.prisma, ctx.user);
    if (scope.kind === "none" || scope.kind === "deputy") {
      await ctx.reply(ctx.t("report-not-allowed"));
      return;
    }
    const deputies = await listDeputiesOf(
      ctx.deps.db.prisma,
      scope.kind === "all" ? null : [...scope.districtIds],
    );
    const keyboard = new InlineKeyboard();
    for (const d of deputies)
      keyboard.text(displayName(d), reportData.pack({ action: "text", deputyId: d.id, year })).row();
    await ctx.reply(ctx.t("report-choose-deputy", { year: String(year) }), { reply_markup: keyboard });
    return;
  }
  return showPublished(ctx);
});

/** A published report as it was published, for citizens of the deputy's districts. */
async function showPublishedReport(ctx: BotContext, deputyId: number, year: number): Promise<boolean> {
  const report = await findDeputyReport(ctx.deps.db.prisma, deputyId, year);
  if (!report?.publishedAt || !report.snapshot || !ctx.user.districtId) return false;
  const serves = await ctx.deps.db.prisma.representativeAssignment.count({
    where: { userId: deputyId, districtId: ctx.user.districtId },
  });
  if (serves === 0) return false;
  const pack = JSON.parse(report.snapshot) as ReportPack;
  const heading = await headingOf(ctx, deputyId, year);
  await ctx.answerCallbackQuery();
  await ctx.replyWithPhoto(
    new InputFile(await pageOf(ctx, heading, pack, report.narrative), `report-${year}.png`),
  );
  await ctx.reply(
    reportText(ctx.t, heading, pack, report.narrative, statusLine(ctx, report.publishedAt, heading.locale)),
  );
  return true;
}

feature.callbackQuery(reportData.filter, async (ctx) => {
  const data = reportData.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const { action, deputyId, year } = data;
  const access = await accessTo(ctx, deputyId);
  if (access === "none") {
    if (action === "text" && (await showPublishedReport(ctx, deputyId, year))) return;
    await ctx.answerCallbackQuery({ text: ctx.t("report-outside-scope"), show_alert: true });
    return;
  }
  if ((action === "write" || action === "publish") && access !== "own") {
    await ctx.answerCallbackQuery({ text: ctx.t("report-only-own"), show_alert: true });
    return;
  }
  const { db, config } = ctx.deps;
  const now = ctx.deps.now();
  switch (action) {
    case "text":
      await ctx.answerCallbackQuery();
      return showText(ctx, access, deputyId, year);
    case "write":
      ctx.session.flow = { kind: "report_narrative", year };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("report-ask-narrative", { year: String(year), max: MAX_NARRATIVE }));
      return;
    case "preview": {
      await ctx.answerCallbackQuery();
      const { pack } = await loadReportPack(db, deputyId, year, { now, timeZone: config.TIME_ZONE });
      const report = await findDeputyReport(db.prisma, deputyId, year);
      const heading = await headingOf(ctx, deputyId, year);
      await ctx.replyWithPhoto(
        new InputFile(await pageOf(ctx, heading, pack, report?.narrative ?? ""), `report-${year}.png`),
        {
          reply_markup: keyboardFor(ctx, access, deputyId, year),
        },
      );
      return;
    }
    case "cases": {
      await ctx.answerCallbackQuery();
      const { pack, cases } = await loadReportPack(db, deputyId, year, { now, timeZone: config.TIME_ZONE });
      const locale = await ctx.i18n.getLocale();
      const labels = await loadStatsLabels(db.prisma, ctx.t, locale);
      const heading = await headingOf(ctx, deputyId, year);
      await ctx.replyWithDocument(
        new InputFile(
          reportCasesCsv(ctx.t, pack, cases, labels, config.TIME_ZONE),
          `report-${year}-cases.csv`,
        ),
        {
          caption: ctx.t("report-cases-caption", { name: heading.name, year: String(year) }),
        },
      );
      return;
    }
    case "publish": {
      const { pack } = await loadReportPack(db, deputyId, year, { now, timeZone: config.TIME_ZONE });
      const report = await publishReport(db.prisma, deputyId, year, pack, now);
      const heading = await headingOf(ctx, deputyId, year);
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("report-published"));
      await ctx.replyWithPhoto(
        new InputFile(await pageOf(ctx, heading, pack, report.narrative), `report-${year}.png`),
      );
      await ctx.reply(
        reportText(
          ctx.t,
          heading,
          pack,
          report.narrative,
          statusLine(ctx, report.publishedAt, heading.locale),
        ),
      );
      return;
    }
  }
});

feature.on("message:text", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow?.kind !== "report_narrative" || ctx.message.text.startsWith("/")) return next();
  const length = [...ctx.message.text].length;
  if (length > MAX_NARRATIVE) {
    await ctx.reply(ctx.t("report-narrative-too-long", { length, max: MAX_NARRATIVE }));
    return;
  }
  if (ctx.user.role !== "representative") {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("report-only-own"));
    return;
  }
  await saveNarrative(ctx.deps.db.prisma, ctx.user.id, flow.year, ctx.message.text, ctx.deps.now());
  ctx.session.flow = undefined;
  await ctx.reply(ctx.t("report-narrative-saved"));
  await showText(ctx, "own", ctx.user.id, flow.year);
});
