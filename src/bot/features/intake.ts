// Cases staff enter for someone who came to a reception day, walked in, phoned or wrote
// (issue 11; the rules: src/domain/case-intake.ts): /intake asks the source, the activity it
// came from, the district, the category, the description and whether the person agrees that
// their name and phone be kept (only then are they asked). The person gets a claim code and
// a QR code of the deep link t.me/<bot>?start=claim_<code>; claiming it (the link, or /claim
// <code>) attaches the case to their Telegram account, from which on they follow it like any
// other. A code is used once, by the person, never by the staff member who entered it.
import { randomUUID } from "node:crypto";
import { InlineKeyboard, InputFile } from "grammy";
import { scopeDistrictIds } from "../../db/queries/access.js";
import {
  ClaimCodeExpiredError,
  ClaimCodeInvalidError,
  ClaimCodeNotFoundError,
  ClaimCodeUsedError,
  claimIntakeCase,
  createIntakeCase,
  WrongClaimantError,
} from "../../db/queries/case-intakes.js";
import { findConcern } from "../../db/queries/concerns.js";
import { heldStatuses } from "../../domain/activity.js";
import {
  ContactWithoutConsentError,
  claimLink,
  formatClaimCode,
  InvalidPhoneError,
  intakeSources,
} from "../../domain/case-intake.js";
import { cancelFlowData, intakeData } from "../callback-data.js";
import { handlerScopeOf } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext, IntakeFlow } from "../context.js";
import { escapeHtml, formatDateTime } from "../format.js";
import { citizenCaseKeyboard } from "../keyboards/case.js";

export const intakeFeature = new Composer<BotContext>();
const feature = intakeFeature.chatType("private");

const DAY_MS = 86_400_000;
const MAX_DESCRIPTION = 2000;

/** Staff and admins enter cases, within their scope; the district ids, or null for anyone else. */
async function intakeDistrictIds(ctx: BotContext): Promise<number[] | null> {
  if (ctx.user.role !== "staff" && ctx.user.role !== "admin") return null;
  const scope = await handlerScopeOf(ctx);
  const ids = await scopeDistrictIds(ctx.deps.db.prisma, scope);
  return ids.length > 0 ? ids : null;
}

const cancelButton = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" }));

feature.command("intake", async (ctx) => {
  if (!(await intakeDistrictIds(ctx))) {
    await ctx.reply(ctx.t("intake-not-allowed"));
    return;
  }
  ctx.session.flow = { kind: "intake", step: "source", entryId: randomUUID() };
  const keyboard = new InlineKeyboard();
  intakeSources.forEach((source, i) => {
    keyboard.text(ctx.t(`intake-source-${source}`), intakeData.pack({ action: "source", value: i }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("button-cancel"), intakeData.pack({ action: "cancel", value: 0 }));
  await ctx.reply(ctx.t("intake-ask-source"), { reply_markup: keyboard });
});

async function askActivity(ctx: BotContext, flow: IntakeFlow, districtIds: number[]): Promise<void> {
  const now = ctx.deps.now();
  const activities = await ctx.deps.db.prisma.activity.findMany({
    where: {
      districtId: { in: districtIds },
      status: { in: [...heldStatuses] },
      startsAt: { gte: new Date(now.getTime() - 7 * DAY_MS), lte: new Date(now.getTime() + DAY_MS) },
    },
    orderBy: { startsAt: "desc" },
    take: 8,
  });
  if (activities.length === 0) return askDistrict(ctx, flow, districtIds);
  flow.step = "activity";
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  for (const a of activities)
    keyboard
      .text(
        `${formatDateTime(a.startsAt, locale, ctx.deps.config.TIME_ZONE)} ${a.title}`,
        intakeData.pack({ action: "activity", value: a.id }),
      )
      .row();
  keyboard.text(ctx.t("button-intake-no-activity"), intakeData.pack({ action: "activity", value: 0 }));
  await ctx.editMessageText(ctx.t("intake-ask-activity"), { reply_markup: keyboard });
}

async function askDistrict(ctx: BotContext, flow: IntakeFlow, districtIds: number[]): Promise<void> {
  flow.step = "district";
  const districts = await ctx.deps.db.prisma.district.findMany({
    where: { id: { in: districtIds } },
    orderBy: { path: "asc" },
    take: 40,
  });
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  districts.forEach((d, i) => {
    keyboard.text(localName(d, locale), intakeData.pack({ action: "district", value: d.id }));
    if (i % 2 === 1) keyboard.row();
  });
  await ctx.editMessageText(ctx.t("intake-ask-district"), { reply_markup: keyboard });
}

async function askCategory(ctx: BotContext, flow: IntakeFlow): Promise<void> {
  flow.step = "category";
  const categories = await ctx.deps.db.prisma.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  categories.forEach((c, i) => {
    keyboard.text(localName(c, locale), intakeData.pack({ action: "category", value: c.id }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("button-skip-category"), intakeData.pack({ action: "category", value: 0 }));
  await ctx.editMessageText(ctx.t("intake-ask-category"), { reply_markup: keyboard });
}

async function showConfirmation(ctx: BotContext, flow: IntakeFlow): Promise<void> {
  flow.step = "confirm";
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const [district, activity] = await Promise.all([
    prisma.district.findUnique({ where: { id: flow.districtId ?? 0 } }),
    flow.activityId ? prisma.activity.findUnique({ where: { id: flow.activityId } }) : null,
  ]);
  const none = ctx.t("intake-none");
  await ctx.reply(
    ctx.t("intake-confirm", {
      source: ctx.t(`intake-source-${flow.source}`),
      activity: activity ? escapeHtml(activity.title) : none,
      district: district ? escapeHtml(localName(district, locale)) : none,
      contact: flow.consented
        ? escapeHtml([flow.name, flow.phone].filter(Boolean).join(" · ") || none)
        : ctx.t("intake-contact-not-kept"),
      description: escapeHtml(flow.description ?? ""),
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("button-intake-create"), intakeData.pack({ action: "create", value: 0 }))
        .text(ctx.t("button-cancel"), intakeData.pack({ action: "cancel", value: 0 })),
    },
  );
}

feature.callbackQuery(intakeData.filter, async (ctx) => {
  const data = intakeData.unpack(ctx.callbackQuery.data);
  const flow = ctx.session.flow?.kind === "intake" ? ctx.session.flow : undefined;
  const districtIds = await intakeDistrictIds(ctx);
  if (!districtIds) {
    await ctx.answerCallbackQuery({ text: ctx.t("intake-not-allowed"), show_alert: true });
    return;
  }
  if (!data || !flow) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const prisma = ctx.deps.db.prisma;
  const stale = () => ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  switch (data.action) {
    case "cancel":
      ctx.session.flow = undefined;
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("intake-cancelled"));
      return;
    case "source": {
      const source = intakeSources[data.value];
      if (flow.step !== "source" || !source) return stale();
      flow.source = source;
      await ctx.answerCallbackQuery();
      return askActivity(ctx, flow, districtIds);
    }
    case "activity": {
      if (flow.step !== "activity") return stale();
      const activity = data.value ? await prisma.activity.findUnique({ where: { id: data.value } }) : null;
      if (data.value && (!activity || !districtIds.includes(activity.districtId))) return stale();
      flow.activityId = activity?.id ?? null;
      await ctx.answerCallbackQuery();
      // A case raised at an activity belongs to the activity's district.
      if (activity) {
        flow.districtId = activity.districtId;
        return askCategory(ctx, flow);
      }
      return askDistrict(ctx, flow, districtIds);
    }
    case "district":
      if (flow.step !== "district" || !districtIds.includes(data.value)) return stale();
      flow.districtId = data.value;
      await ctx.answerCallbackQuery();
      return askCategory(ctx, flow);
    case "category":
      if (flow.step !== "category") return stale();
      if (data.value && !(await prisma.category.findUnique({ where: { id: data.value } }))) return stale();
      flow.categoryId = data.value || null;
      flow.step = "description";
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("intake-ask-description"), { reply_markup: cancelButton(ctx) });
      return;
    case "consent":
      if (flow.step !== "consent") return stale();
      flow.consented = data.value === 1;
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (!flow.consented) return showConfirmation(ctx, flow);
      flow.step = "name";
      await ctx.reply(ctx.t("intake-ask-name"), { reply_markup: cancelButton(ctx) });
      return;
    case "skip_phone":
      if (flow.step !== "phone") return stale();
      await ctx.answerCallbackQuery();
      return showConfirmation(ctx, flow);
    case "create":
      if (flow.step !== "confirm") return stale();
      return createCase(ctx, flow, districtIds);
  }
});

async function createCase(ctx: BotContext, flow: IntakeFlow, districtIds: number[]): Promise<void> {
  const { db, config, now } = ctx.deps;
  if (!flow.districtId || !districtIds.includes(flow.districtId) || !flow.source || !flow.description) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const role = ctx.user.role === "admin" ? ("admin" as const) : ("staff" as const);
  let result: Awaited<ReturnType<typeof createIntakeCase>>;
  try {
    result = await createIntakeCase(db, {
      enteredBy: { id: ctx.user.id, role },
      source: flow.source,
      activityId: flow.activityId ?? null,
      districtId: flow.districtId,
      categoryId: flow.categoryId ?? null,
      description: flow.description,
      contact: { name: flow.name, phone: flow.phone, consented: flow.consented === true },
      sourceKey: `intake:${flow.entryId}`,
      now: now(),
      timeZone: config.TIME_ZONE,
      dueDays: config.CASE_DUE_DAYS,
    });
  } catch (error) {
    if (!(error instanceof InvalidPhoneError) && !(error instanceof ContactWithoutConsentError)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t("intake-phone-invalid"), show_alert: true });
    return;
  }
  ctx.session.flow = undefined;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const { concern, claimCode, intake } = result;
  if (!claimCode) {
    await ctx.reply(ctx.t("intake-created-claimed", { caseNo: concern.caseNo }), { parse_mode: "HTML" });
    return;
  }
  const link = claimLink(ctx.me.username, claimCode);
  const locale = await ctx.i18n.getLocale();
  const caption = ctx.t("intake-created", {
    caseNo: concern.caseNo,
    code: formatClaimCode(claimCode),
    link,
    expires: formatDateTime(intake.claimExpiresAt!, locale, config.TIME_ZONE),
  });
  // The slip: a QR code of the deep link, to print or show; the code to read out on the phone.
  const { toBuffer } = await import("qrcode");
  const png = await toBuffer(link, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
  await ctx.replyWithPhoto(new InputFile(png, `claim-${concern.caseNo}.png`), {
    caption,
    parse_mode: "HTML",
  });
}

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow?.kind !== "intake" || ctx.message.text?.startsWith("/")) return next();
  const text = ctx.message.text?.trim() ?? "";
  switch (flow.step) {
    case "description":
      if (!text) return void (await ctx.reply(ctx.t("case-need-text")));
      if ([...text].length > MAX_DESCRIPTION)
        return void (await ctx.reply(ctx.t("case-text-too-long", { max: MAX_DESCRIPTION })));
      flow.description = text;
      flow.step = "consent";
      await ctx.reply(ctx.t("intake-ask-consent"), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(ctx.t("button-intake-consent-yes"), intakeData.pack({ action: "consent", value: 1 }))
          .row()
          .text(ctx.t("button-intake-consent-no"), intakeData.pack({ action: "consent", value: 0 })),
      });
      return;
    case "name":
      if (!text) return void (await ctx.reply(ctx.t("case-need-text")));
      flow.name = text.slice(0, 50);
      flow.step = "phone";
      await ctx.reply(ctx.t("intake-ask-phone"), {
        reply_markup: new InlineKeyboard().text(
          ctx.t("button-intake-skip-phone"),
          intakeData.pack({ action: "skip_phone", value: 0 }),
        ),
      });
      return;
    case "phone": {
      const phone = text.normalize("NFKC").replace(/[\s().-]/g, "");
      if (!/^\+?\d{5,20}$/.test(phone)) return void (await ctx.reply(ctx.t("intake-phone-invalid")));
      flow.phone = phone;
      return showConfirmation(ctx, flow);
    }
    default:
      await ctx.reply(ctx.t("concern-use-buttons"));
  }
});

/**
 * Claims a walk-in case for the person in front of the bot with `code` (typed, or from the
 * QR code's /start payload), answering in their language whatever the outcome.
 */
export async function claimCase(ctx: BotContext, code: string): Promise<void> {
  const { db, now } = ctx.deps;
  try {
    const { concern } = await claimIntakeCase(db.prisma, { code, userId: ctx.user.id, now: now() });
    const details = await findConcern(db.prisma, concern.id);
    await ctx.reply(ctx.t("intake-claimed", { caseNo: concern.caseNo }), {
      parse_mode: "HTML",
      reply_markup: citizenCaseKeyboard(ctx.t, details ?? concern),
    });
  } catch (error) {
    const key =
      error instanceof ClaimCodeInvalidError || error instanceof ClaimCodeNotFoundError
        ? "intake-claim-unknown"
        : error instanceof ClaimCodeExpiredError
          ? "intake-claim-expired"
          : error instanceof ClaimCodeUsedError
            ? error.byYou
              ? "intake-claim-used-by-you"
              : "intake-claim-used"
            : error instanceof WrongClaimantError
              ? "intake-claim-own-entry"
              : undefined;
    if (!key) throw error;
    await ctx.reply(ctx.t(key));
  }
}

feature.command("claim", async (ctx) => {
  const code = ctx.match.trim();
  if (!code) {
    await ctx.reply(ctx.t("intake-claim-usage"));
    return;
  }
  await claimCase(ctx, code);
});
