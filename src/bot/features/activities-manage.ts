// The organisers' side of activities. /activity_new creates one step by step (kind, title,
// time, place, district, deputies on duty, capacity), kept in the session: staff create it
// approved, a representative proposes it for their own district and staff covering that
// district approve or reject it. /activities_manage opens an activity's record, where staff
// cancel it and, afterwards, record attendance, notes and the cases raised there. Every
// action re-checks the actor's authority over the activity's district.
import { Composer } from "grammy";
import {
  ActivityNotFoundError,
  ActivityStateError,
  cancelActivity,
  createActivity,
  decideActivity,
  findActivity,
  findStationFor,
  linkConcerns,
  listActivityDistricts,
  listManagedActivities,
  loadActivityAuthority,
  recordAttendance,
  recordNotes,
} from "../../db/queries/activities.js";
import { findDistrictById, listRepresentativesOfDistrict } from "../../db/queries/districts.js";
import {
  activityKinds,
  canCancel,
  canRecordOutcome,
  extractCaseNumbers,
  MAX_CAPACITY,
  MAX_NOTES_LENGTH,
  MAX_PLACE_LENGTH,
  MAX_TITLE_LENGTH,
  parseActivityTime,
} from "../../domain/activity.js";
import { zoneOffsetMs } from "../../domain/local-time.js";
import {
  activityCard,
  activityKindLabel,
  activityRecord,
  activityStatusLabel,
  formatActivityTime,
  formatShortDate,
} from "../activity-view.js";
import { activityDecisionData, activityDraftData, activityManageData } from "../callback-data.js";
import { localName } from "../case-view.js";
import type { ActivityDraftFlow, ActivityRecordFlow, BotContext } from "../context.js";
import { displayName, escapeHtml } from "../format.js";
import {
  cancelConfirmKeyboard,
  capacityKeyboard,
  deputiesKeyboard,
  draftCancelKeyboard,
  draftConfirmKeyboard,
  draftDistrictKeyboard,
  kindKeyboard,
  manageListKeyboard,
  recordInputKeyboard,
  recordKeyboard,
} from "../keyboards/activities.js";

export const activitiesManageFeature = new Composer<BotContext>();
const feature = activitiesManageFeature.chatType("private");

/** Telegram shows up to 100 buttons; a long scope is cut, its first districts by code kept. */
const MAX_DISTRICT_BUTTONS = 90;
const MANAGE_LIST_LIMIT = 30;

async function viewOptions(ctx: BotContext) {
  return { t: ctx.t, locale: await ctx.i18n.getLocale(), timeZone: ctx.deps.config.TIME_ZONE };
}

function currentDraft(ctx: BotContext): ActivityDraftFlow | undefined {
  const flow = ctx.session.flow;
  return flow?.kind === "activity" ? flow : undefined;
}

/** A week from now at 09:00 in the station's zone, as the format to type. */
function exampleTime(ctx: BotContext): string {
  const { now, config } = ctx.deps;
  const week = new Date(now().getTime() + 7 * 24 * 3_600_000);
  const local = new Date(week.getTime() + zoneOffsetMs(week, config.TIME_ZONE));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} 09:00`;
}

const timeErrorKeys = {
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
  if (!flow || ctx.message.text?.startsWith("/")) return next();
  if (flow.kind === "activity") return handleDraftText(ctx, flow);
  if (flow.kind === "activity_record") return handleRecordText(ctx, flow);
  return next();
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
  const view = await viewOptions(ctx);
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
  ctx.deps.onJobsQueued?.();
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

// --- deciding on a proposal ------------------------------------------------------------------

feature.callbackQuery(activityDecisionData.filter, async (ctx) => {
  const data = activityDecisionData.unpack(ctx.callbackQuery.data);
  const { db, config, now } = ctx.deps;
  const activity = data ? await findActivity(db.prisma, data.activityId) : null;
  if (!data || !activity) {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-found"), show_alert: true });
    return;
  }
  // Checked here, on the action itself: the button may have reached someone else's chat.
  if ((await loadActivityAuthority(db.prisma, ctx.user, activity.districtId)) !== "approve") {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-in-scope"), show_alert: true });
    return;
  }
  const approve = data.decision === "approve";
  try {
    await decideActivity(db, {
      activityId: activity.id,
      deciderId: ctx.user.id,
      approve,
      now: now(),
      noticeDays: config.ACTIVITY_NOTICE_DAYS,
    });
  } catch (error) {
    if (!(error instanceof ActivityStateError)) throw error;
    await ctx.answerCallbackQuery({
      text:
        error.status === "started"
          ? ctx.t("activity-already-started")
          : ctx.t("activity-already-decided", { status: activityStatusLabel(ctx.t, error.status) }),
      show_alert: true,
    });
    return;
  }
  ctx.deps.onJobsQueued?.();
  await ctx.answerCallbackQuery({
    text: ctx.t(approve ? "activity-approved-toast" : "activity-rejected-toast"),
  });
  await showRecord(ctx, activity.id, true);
});

// --- the record ----------------------------------------------------------------------------

feature.command("activities_manage", async (ctx) => {
  const prisma = ctx.deps.db.prisma;
  const districts = await listActivityDistricts(prisma, ctx.user);
  if (districts.length === 0) {
    await ctx.reply(ctx.t("activity-not-allowed"));
    return;
  }
  const items = await listManagedActivities(
    prisma,
    districts.map((d) => d.district.id),
    ctx.deps.now(),
    MANAGE_LIST_LIMIT,
  );
  if (items.length === 0) {
    await ctx.reply(ctx.t("activity-manage-empty"));
    return;
  }
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(ctx.t("activity-manage-title", { count: items.length }), {
    reply_markup: manageListKeyboard(
      ctx.t,
      items.map((a) => ({
        id: a.id,
        date: formatShortDate(a.startsAt, locale, ctx.deps.config.TIME_ZONE),
        title: a.title,
        status: a.status,
      })),
    ),
  });
});

/** Sends (or redraws) an activity's record with what this user may do; false when not theirs. */
async function showRecord(ctx: BotContext, activityId: number, edit: boolean): Promise<boolean> {
  const prisma = ctx.deps.db.prisma;
  const activity = await findActivity(prisma, activityId);
  if (!activity) return false;
  const authority = await loadActivityAuthority(prisma, ctx.user, activity.districtId);
  if (authority === "none") return false;
  const now = ctx.deps.now();
  const staff = authority === "approve";
  const text = activityRecord(activity, await viewOptions(ctx)).slice(0, 4096);
  const reply_markup = recordKeyboard(ctx.t, activity.id, {
    decide: staff && activity.status === "pending_approval",
    cancel: staff && canCancel(activity, now),
    record: staff && canRecordOutcome(activity, now),
  });
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup }).catch(() => undefined);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup });
  return true;
}

const recordPrompts = {
  attendance: "activity-ask-attendance",
  notes: "activity-ask-notes",
  link: "activity-ask-link",
} as const;

feature.callbackQuery(activityManageData.filter, async (ctx) => {
  const data = activityManageData.unpack(ctx.callbackQuery.data);
  const { db, now } = ctx.deps;
  const activity = data ? await findActivity(db.prisma, data.activityId) : null;
  const authority = activity ? await loadActivityAuthority(db.prisma, ctx.user, activity.districtId) : "none";
  if (!data || !activity || authority === "none") {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-found"), show_alert: true });
    return;
  }
  if (data.action === "open") {
    await ctx.answerCallbackQuery();
    await showRecord(ctx, activity.id, false);
    return;
  }
  if (authority !== "approve") {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-in-scope"), show_alert: true });
    return;
  }
  switch (data.action) {
    case "cancel":
      if (!canCancel(activity, now())) break;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("activity-cancel-confirm", { title: escapeHtml(activity.title) }), {
        parse_mode: "HTML",
        reply_markup: cancelConfirmKeyboard(ctx.t, activity.id),
      });
      return;
    case "cancel_yes":
      try {
        await cancelActivity(db, { activityId: activity.id, now: now() });
      } catch (error) {
        if (!(error instanceof ActivityStateError)) throw error;
        break;
      }
      ctx.deps.onJobsQueued?.();
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("activity-cancelled", { title: escapeHtml(activity.title) }), {
        parse_mode: "HTML",
      });
      return;
    case "attendance":
    case "notes":
    case "link":
      if (!canRecordOutcome(activity, now())) {
        await ctx.answerCallbackQuery({ text: ctx.t("activity-record-not-yet"), show_alert: true });
        return;
      }
      ctx.session.flow = { kind: "activity_record", activityId: activity.id, field: data.action };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t(recordPrompts[data.action], { title: escapeHtml(activity.title) }), {
        parse_mode: "HTML",
        reply_markup: recordInputKeyboard(ctx.t),
      });
      return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t("activity-action-not-allowed", { status: activityStatusLabel(ctx.t, activity.status) }),
    show_alert: true,
  });
});

async function handleRecordText(ctx: BotContext, flow: ActivityRecordFlow): Promise<void> {
  const { db, now } = ctx.deps;
  const prisma = db.prisma;
  const activity = await findActivity(prisma, flow.activityId);
  if (!activity || (await loadActivityAuthority(prisma, ctx.user, activity.districtId)) !== "approve") {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("activity-not-found"));
    return;
  }
  const text = ctx.message?.text?.trim();
  if (!text) {
    await ctx.reply(ctx.t("activity-need-text"));
    return;
  }
  try {
    switch (flow.field) {
      case "attendance": {
        const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isInteger(count) || count > MAX_CAPACITY) {
          await ctx.reply(ctx.t("activity-attendance-invalid"), { reply_markup: recordInputKeyboard(ctx.t) });
          return;
        }
        await recordAttendance(prisma, activity.id, count, now());
        await ctx.reply(ctx.t("activity-attendance-saved", { count }));
        break;
      }
      case "notes":
        if ([...text].length > MAX_NOTES_LENGTH) {
          await ctx.reply(ctx.t("activity-too-long", { max: MAX_NOTES_LENGTH }), {
            reply_markup: recordInputKeyboard(ctx.t),
          });
          return;
        }
        await recordNotes(prisma, activity.id, text, now());
        await ctx.reply(ctx.t("activity-notes-saved"));
        break;
      case "link": {
        const numbers = extractCaseNumbers(text);
        if (numbers.length === 0) {
          await ctx.reply(ctx.t("activity-link-none"), { reply_markup: recordInputKeyboard(ctx.t) });
          return;
        }
        if (!canRecordOutcome(activity, now())) throw new ActivityStateError(activity.id, activity.status);
        const result = await linkConcerns(prisma, activity.id, numbers);
        const lines: string[] = [];
        if (result.linked.length > 0)
          lines.push(ctx.t("activity-link-linked", { cases: result.linked.join(", ") }));
        if (result.notFound.length > 0)
          lines.push(ctx.t("activity-link-not-found", { cases: result.notFound.join(", ") }));
        if (result.outside.length > 0)
          lines.push(ctx.t("activity-link-outside", { cases: result.outside.join(", ") }));
        await ctx.reply(lines.join("\n"));
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof ActivityStateError || error instanceof ActivityNotFoundError)) throw error;
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("activity-record-not-yet"));
    return;
  }
  ctx.session.flow = undefined;
  await showRecord(ctx, activity.id, false);
}
