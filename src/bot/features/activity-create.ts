// /activity_new: an activity created step by step (kind, title, time, place, district,
// deputies on duty, capacity), kept in the session. Staff create it approved; a
// representative proposes it for their own district, and staff covering that district approve
// or reject it (src/bot/features/activities-manage.ts). Authority is re-checked on creation.

import {
  createActivity,
  findStationFor,
  listActivityDistricts,
  loadActivityAuthority,
} from "../../db/queries/activities.js";
import { findDistrictById, listRepresentativesOfDistrict } from "../../db/queries/districts.js";
import {
  activityKinds,
  MAX_CAPACITY,
  MAX_PLACE_LENGTH,
  MAX_TITLE_LENGTH,
  parseActivityTime,
} from "../../domain/activity.js";
import { zoneOffsetMs } from "../../domain/local-time.js";
import { activityCard, activityKindLabel, formatActivityTime } from "../activity-view.js";
import { activityDraftData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { ActivityDraftFlow, BotContext } from "../context.js";
import { displayName, escapeHtml } from "../format.js";
import {
  capacityKeyboard,
  deputiesKeyboard,
  draftCancelKeyboard,
  draftConfirmKeyboard,
  draftDistrictKeyboard,
  kindKeyboard,
} from "../keyboards/activities.js";
import { viewOptionsOf } from "../view-options.js";

export const activityCreateFeature = new Composer<BotContext>();
const feature = activityCreateFeature.chatType("private");

/** Telegram shows up to 100 buttons; a long scope is cut, its first districts by code kept. */
const MAX_DISTRICT_BUTTONS = 90;

function currentDraft(ctx: BotContext): ActivityDraftFlow | undefined {
  const flow = ctx.session.flow;
  return flow?.kind === "activity" ? flow : undefined;
}

/** A week from now at 09:00 in the station's zone, as the format to type. */
/** A time a week ahead in the format activities take ("2026-12-08 09:00"), for prompts. */
export function exampleTime(ctx: BotContext): string {
  const { now, config } = ctx.deps;
  const week = new Date(now().getTime() + 7 * 24 * 3_600_000);
  const local = new Date(week.getTime() + zoneOffsetMs(week, config.TIME_ZONE));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} 09:00`;
}

export const timeErrorKeys = {
  invalid: "activity-time-invalid",
  past: "activity-time-past",
  too_far: "activity-time-too-far",
  end_before_start: "activity-time-end-before-start",
} as const;

// --- creating ------------------------------------------------------------------------------

feature.command("activity_new", async (ctx) => {
  const districts = await listActivityDistricts(ctx.deps.db.prisma, ctx.user);
  if (districts.length === 0) {
    await ctx.reply(ctx.t("activity-not-allowed"));
    return;
  }
  ctx.session.flow = { kind: "activity", step: "kind", deputyIds: [] };
  await ctx.reply(ctx.t("activity-new-kind"), { reply_markup: kindKeyboard(ctx.t) });
});

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow?.kind !== "activity" || ctx.message.text?.startsWith("/")) return next();
  return handleDraftText(ctx, flow);
});

async function handleDraftText(ctx: BotContext, draft: ActivityDraftFlow): Promise<void> {
  const text = ctx.message?.text?.trim();
  if (!["title", "time", "place", "capacity"].includes(draft.step)) {
    await ctx.reply(ctx.t("activity-use-buttons"));
    return;
  }
  if (!text) {
    await ctx.reply(ctx.t("activity-need-text"));
    return;
  }
  const cancel = { reply_markup: draftCancelKeyboard(ctx.t) };
  switch (draft.step) {
    case "title":
      if ([...text].length > MAX_TITLE_LENGTH) {
        await ctx.reply(ctx.t("activity-too-long", { max: MAX_TITLE_LENGTH }), cancel);
        return;
      }
      draft.title = text;
      draft.step = "time";
      await ctx.reply(ctx.t("activity-new-time", { example: exampleTime(ctx) }), cancel);
      return;
    case "time": {
      const parsed = parseActivityTime(text, ctx.deps.config.TIME_ZONE, ctx.deps.now());
      if (!parsed.ok) {
        await ctx.reply(ctx.t(timeErrorKeys[parsed.reason], { example: exampleTime(ctx) }), cancel);
        return;
      }
      draft.startsAt = parsed.startsAt.toISOString();
      draft.endsAt = parsed.endsAt?.toISOString() ?? null;
      draft.step = "place";
      const locale = await ctx.i18n.getLocale();
      await ctx.reply(
        ctx.t("activity-new-place", {
          time: formatActivityTime(parsed, locale, ctx.deps.config.TIME_ZONE),
        }),
        cancel,
      );
      return;
    }
    case "place":
      if ([...text].length > MAX_PLACE_LENGTH) {
        await ctx.reply(ctx.t("activity-too-long", { max: MAX_PLACE_LENGTH }), cancel);
        return;
      }
      draft.place = text;
      await askDistrict(ctx, draft);
      return;
    case "capacity": {
      const capacity = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
        await ctx.reply(ctx.t("activity-capacity-invalid", { max: MAX_CAPACITY }), {
          reply_markup: capacityKeyboard(ctx.t),
        });
        return;
      }
      draft.capacity = capacity;
      draft.step = "confirm";
      await showDraftConfirmation(ctx, draft);
      return;
    }
  }
}

async function askDistrict(ctx: BotContext, draft: ActivityDraftFlow): Promise<void> {
  const districts = await listActivityDistricts(ctx.deps.db.prisma, ctx.user);
  if (districts.length === 0) {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("activity-not-allowed"));
    return;
  }
  // A representative of one district has nothing to choose.
  if (districts.length === 1) {
    await chooseDistrict(ctx, draft, districts[0]!.district.id);
    return;
  }
  draft.step = "district";
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(ctx.t("activity-new-district"), {
    reply_markup: draftDistrictKeyboard(
      ctx.t,
      districts
        .slice(0, MAX_DISTRICT_BUTTONS)
        .map((d) => ({ id: d.district.id, label: localName(d.district, locale) })),
    ),
  });
}

async function chooseDistrict(ctx: BotContext, draft: ActivityDraftFlow, districtId: number): Promise<void> {
  draft.districtId = districtId;
  draft.step = "deputies";
  const representatives = await listRepresentativesOfDistrict(ctx.deps.db.prisma, districtId);
  // A deputy proposing an activity is on duty at it unless they untick themselves.
  draft.deputyIds = representatives.some((r) => r.id === ctx.user.id) ? [ctx.user.id] : [];
  await showDeputies(ctx, draft, false);
}

async function showDeputies(ctx: BotContext, draft: ActivityDraftFlow, edit: boolean): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const districtId = draft.districtId ?? 0;
  const [district, representatives] = await Promise.all([
    findDistrictById(prisma, districtId),
    listRepresentativesOfDistrict(prisma, districtId),
  ]);
  const locale = await ctx.i18n.getLocale();
  const name = escapeHtml(district ? localName(district, locale) : "—");
  const text =
    representatives.length > 0
      ? ctx.t("activity-new-deputies", { district: name })
      : ctx.t("activity-new-deputies-none", { district: name });
  const keyboard = deputiesKeyboard(
    ctx.t,
    representatives.map((r) => ({
      id: r.id,
      label: displayName(r),
      selected: draft.deputyIds.includes(r.id),
    })),
  );
  if (edit) await ctx.editMessageReplyMarkup({ reply_markup: keyboard }).catch(() => undefined);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

async function showDraftConfirmation(ctx: BotContext, draft: ActivityDraftFlow): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const districtId = draft.districtId ?? 0;
  const [district, authority, station, deputies] = await Promise.all([
    findDistrictById(prisma, districtId),
    loadActivityAuthority(prisma, ctx.user, districtId),
    draft.activityKind === "reception" ? findStationFor(prisma, districtId) : null,
    prisma.user.findMany({ where: { id: { in: draft.deputyIds } }, orderBy: { id: "asc" } }),
  ]);
  const view = await viewOptionsOf(ctx);
  const card = activityCard(
    {
      kind: draft.activityKind ?? "other",
      title: draft.title ?? "",
      startsAt: new Date(draft.startsAt ?? 0),
      endsAt: draft.endsAt ? new Date(draft.endsAt) : null,
      place: draft.place ?? "",
      district: district ? localName(district, view.locale) : "—",
      station: station ? localName(station, view.locale) : null,
      deputies: deputies.map((d) => displayName(d)),
      capacity: draft.capacity ?? null,
    },
    view,
  );
  const needsApproval = authority !== "approve";
  const parts = [ctx.t("activity-confirm-title"), card];
  if (needsApproval) parts.push(ctx.t("activity-confirm-needs-approval"));
  await ctx.reply(parts.join("\n\n"), {
    parse_mode: "HTML",
    reply_markup: draftConfirmKeyboard(ctx.t, needsApproval),
  });
}

feature.callbackQuery(activityDraftData.filter, async (ctx) => {
  const data = activityDraftData.unpack(ctx.callbackQuery.data);
  const draft = currentDraft(ctx);
  if (!data || !draft) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const prisma = ctx.deps.db.prisma;
  switch (data.action) {
    case "cancel":
      ctx.session.flow = undefined;
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("activity-draft-cancelled"));
      return;
    case "kind": {
      const kind = activityKinds[data.value];
      if (draft.step !== "kind" || !kind) break;
      draft.activityKind = kind;
      draft.step = "title";
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("activity-new-kind-chosen", { kind: activityKindLabel(ctx.t, kind) }));
      await ctx.reply(ctx.t("activity-new-title"), { reply_markup: draftCancelKeyboard(ctx.t) });
      return;
    }
    case "district": {
      if (draft.step !== "district") break;
      const allowed = await listActivityDistricts(prisma, ctx.user);
      const chosen = allowed.find((d) => d.district.id === data.value);
      if (!chosen) break;
      await ctx.answerCallbackQuery();
      const locale = await ctx.i18n.getLocale();
      await ctx.editMessageText(
        ctx.t("activity-new-district-chosen", { district: escapeHtml(localName(chosen.district, locale)) }),
        { parse_mode: "HTML" },
      );
      await chooseDistrict(ctx, draft, chosen.district.id);
      return;
    }
    case "deputy": {
      if (draft.step !== "deputies") break;
      const representatives = await listRepresentativesOfDistrict(prisma, draft.districtId ?? 0);
      if (!representatives.some((r) => r.id === data.value)) break;
      draft.deputyIds = draft.deputyIds.includes(data.value)
        ? draft.deputyIds.filter((id) => id !== data.value)
        : [...draft.deputyIds, data.value];
      await ctx.answerCallbackQuery();
      await showDeputies(ctx, draft, true);
      return;
    }
    case "deputies_done":
      if (draft.step !== "deputies") break;
      draft.step = "capacity";
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("activity-new-capacity"), { reply_markup: capacityKeyboard(ctx.t) });
      return;
    case "no_limit":
      if (draft.step !== "capacity") break;
      draft.capacity = null;
      draft.step = "confirm";
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await showDraftConfirmation(ctx, draft);
      return;
    case "create":
      if (draft.step !== "confirm") break;
      await createFromDraft(ctx, draft);
      return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
});

async function createFromDraft(ctx: BotContext, draft: ActivityDraftFlow): Promise<void> {
  const { db, config, now } = ctx.deps;
  const prisma = db.prisma;
  const districtId = draft.districtId ?? 0;
  const authority = await loadActivityAuthority(prisma, ctx.user, districtId);
  if (authority === "none" || !draft.activityKind || !draft.title || !draft.startsAt || !draft.place) {
    ctx.session.flow = undefined;
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-in-scope"), show_alert: true });
    return;
  }
  const startsAt = new Date(draft.startsAt);
  // Time passes while the form is filled in.
  if (startsAt <= now()) {
    draft.step = "time";
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("activity-time-past", { example: exampleTime(ctx) }), {
      reply_markup: draftCancelKeyboard(ctx.t),
    });
    return;
  }
  const representatives = await listRepresentativesOfDistrict(prisma, districtId);
  const station = draft.activityKind === "reception" ? await findStationFor(prisma, districtId) : null;
  const { activity, approvers } = await createActivity(db, {
    kind: draft.activityKind,
    title: draft.title,
    startsAt,
    endsAt: draft.endsAt ? new Date(draft.endsAt) : null,
    place: draft.place,
    districtId,
    stationId: station?.id ?? null,
    capacity: draft.capacity ?? null,
    deputyIds: draft.deputyIds.filter((id) => representatives.some((r) => r.id === id)),
    createdById: ctx.user.id,
    approved: authority === "approve",
    now: now(),
    noticeDays: config.ACTIVITY_NOTICE_DAYS,
  });
  ctx.session.flow = undefined;
  await ctx.answerCallbackQuery();
  const locale = await ctx.i18n.getLocale();
  const title = escapeHtml(activity.title);
  let text: string;
  if (activity.status === "pending_approval") {
    text = ctx.t(approvers > 0 ? "activity-proposed" : "activity-proposed-no-approvers", { title });
  } else if (activity.publishAt && activity.publishAt > now()) {
    text = ctx.t("activity-created", {
      title,
      time: formatActivityTime({ startsAt: activity.publishAt, endsAt: null }, locale, config.TIME_ZONE),
    });
  } else {
    text = ctx.t("activity-created-now", { title });
  }
  await ctx.editMessageText(text, { parse_mode: "HTML" });
}
