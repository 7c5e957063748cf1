// The organisers' side of activities after creation: staff covering a district approve or
// reject a representative's proposal; /activities_manage opens an activity's record, where
// staff cancel it and, afterwards, record attendance, notes and the cases raised there.
// Every action re-checks the actor's authority over the activity's district.
import { stringify } from "csv-stringify/sync";
import { InlineKeyboard, InputFile } from "grammy";
import {
  type ActivityDetails,
  type ActivityEdit,
  ActivityNotFoundError,
  ActivityStateError,
  cancelActivity,
  decideActivity,
  editActivity,
  findActivity,
  linkConcerns,
  listActivityDistricts,
  listAttendees,
  listManagedActivities,
  loadActivityAuthority,
  publishActivityNow,
  recordAttendance,
  recordNotes,
} from "../../db/queries/activities.js";
import {
  canCancel,
  canRecordOutcome,
  extractCaseNumbers,
  MAX_CAPACITY,
  MAX_NOTES_LENGTH,
  parseActivityTime,
} from "../../domain/activity.js";
import { activityRecord, activityStatusLabel, formatShortDate } from "../activity-view.js";
import { activityDecisionData, activityManageData } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { ActivityRecordFlow, BotContext } from "../context.js";
import { displayName, escapeHtml, formatDateTime } from "../format.js";
import {
  cancelConfirmKeyboard,
  editFieldKeyboard,
  manageListKeyboard,
  recordInputKeyboard,
  recordKeyboard,
} from "../keyboards/activities.js";
import { replyInPieces } from "../reply-in-pieces.js";
import { splitHtml } from "../split-text.js";
import { viewOptionsOf } from "../view-options.js";
import { exampleTime, timeErrorKeys } from "./activity-create.js";

export const activitiesManageFeature = new Composer<BotContext>();
const feature = activitiesManageFeature.chatType("private");

const MANAGE_LIST_LIMIT = 30;

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (ctx.message.text?.startsWith("/")) return next();
  if (flow?.kind === "activity_edit") return handleEditText(ctx, flow);
  if (flow?.kind !== "activity_record") return next();
  return handleRecordText(ctx, flow);
});

/** The new title, time or place of an activity, typed by staff; those coming are told. */
async function handleEditText(
  ctx: BotContext,
  flow: Extract<NonNullable<BotContext["session"]["flow"]>, { kind: "activity_edit" }>,
): Promise<void> {
  const { db, now, config } = ctx.deps;
  const text = ctx.message?.text?.trim() ?? "";
  const cancel = { reply_markup: recordInputKeyboard(ctx.t) };
  if (!text) return void (await ctx.reply(ctx.t("case-need-text"), cancel));
  const activity = await findActivity(db.prisma, flow.activityId);
  if (!activity || (await loadActivityAuthority(db.prisma, ctx.user, activity.districtId)) !== "approve") {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("activity-not-found"));
    return;
  }
  let edit: ActivityEdit;
  if (flow.field === "time") {
    const parsed = parseActivityTime(text, config.TIME_ZONE, now());
    if (!parsed.ok)
      return void (await ctx.reply(
        ctx.t(timeErrorKeys[parsed.reason], { example: exampleTime(ctx) }),
        cancel,
      ));
    edit = { startsAt: parsed.startsAt, endsAt: parsed.endsAt };
  } else if ([...text].length > 200)
    return void (await ctx.reply(ctx.t("case-text-too-long", { max: 200 }), cancel));
  else edit = flow.field === "title" ? { title: text } : { place: text };
  ctx.session.flow = undefined;
  try {
    const { changes } = await editActivity(db, { activityId: activity.id, edit, now: now() });
    // Who is coming does not change with the title, time or place: the count loaded with it.
    const going = activity._count.rsvps;
    await ctx.reply(
      changes.length === 0
        ? ctx.t("activity-edit-unchanged")
        : ctx.t("activity-edited", {
            changes: changes.map((c) => ctx.t(`activity-change-${c}`)).join(ctx.t("activity-list-separator")),
            going,
          }),
    );
  } catch (error) {
    if (!(error instanceof ActivityStateError)) throw error;
    await ctx.reply(
      ctx.t("activity-action-not-allowed", { status: activityStatusLabel(ctx.t, activity.status) }),
    );
  }
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
  const text = activityRecord(activity, await viewOptionsOf(ctx));
  const reply_markup = recordKeyboard(ctx.t, activity.id, {
    decide: staff && activity.status === "pending_approval",
    cancel: staff && canCancel(activity, now),
    record: staff && canRecordOutcome(activity, now),
    publishNow: staff && activity.status === "approved" && activity.startsAt > now,
    attendees: staff && ["approved", "published", "done"].includes(activity.status),
    edit: staff && canCancel(activity, now),
  });
  // A record too long to edit into one message is sent anew, in pieces.
  if (edit && splitHtml(text).length === 1)
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup }).catch(() => undefined);
  else await replyInPieces(ctx, text, reply_markup);
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
    case "edit":
      if (!canCancel(activity, now())) break;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("activity-edit-which", { title: escapeHtml(activity.title) }), {
        parse_mode: "HTML",
        reply_markup: editFieldKeyboard(ctx.t, activity.id),
      });
      return;
    case "edit_title":
    case "edit_time":
    case "edit_place": {
      if (!canCancel(activity, now())) break;
      const field = data.action === "edit_title" ? "title" : data.action === "edit_time" ? "time" : "place";
      ctx.session.flow = { kind: "activity_edit", activityId: activity.id, field };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t(`activity-edit-ask-${field}`, { example: exampleTime(ctx) }), {
        reply_markup: recordInputKeyboard(ctx.t),
      });
      return;
    }
    case "publish_now":
      if (activity.status !== "approved" || activity.startsAt <= now()) break;
      await publishActivityNow(db, { activityId: activity.id, now: now() });
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("activity-published-now", { title: escapeHtml(activity.title) }), {
        parse_mode: "HTML",
      });
      return;
    case "attendees":
    case "attendees_csv":
      await ctx.answerCallbackQuery();
      await sendAttendees(ctx, activity, data.action === "attendees_csv");
      return;
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

/** Who said they will come, in the order they answered: as a message, or as a CSV file. */
async function sendAttendees(ctx: BotContext, activity: ActivityDetails, csv: boolean): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const timeZone = ctx.deps.config.TIME_ZONE;
  const rows = await listAttendees(ctx.deps.db.prisma, activity.id);
  const title = escapeHtml(activity.title);
  if (!csv) {
    const lines = [
      ctx.t("activity-attendees-title", { title, count: rows.length, capacity: activity.capacity ?? "∞" }),
    ];
    for (const [i, r] of rows.entries())
      lines.push(
        ctx.t("activity-attendee-line", {
          n: i + 1,
          name: escapeHtml(displayName(r.user)),
          username: r.user.username ? `@${escapeHtml(r.user.username)}` : "",
          time: formatDateTime(r.updatedAt, locale, timeZone),
        }),
      );
    const keyboard = new InlineKeyboard().text(
      ctx.t("activity-button-attendees-csv"),
      activityManageData.pack({ action: "attendees_csv", activityId: activity.id }),
    );
    await replyInPieces(ctx, lines.join("\n"), keyboard);
    return;
  }
  const file = stringify(
    [
      [
        ctx.t("activity-csv-n"),
        ctx.t("activity-csv-name"),
        ctx.t("activity-csv-username"),
        ctx.t("activity-csv-answered"),
        ctx.t("activity-csv-attended"),
      ],
      ...rows.map((r, i) => [
        i + 1,
        displayName(r.user),
        r.user.username ?? "",
        formatDateTime(r.updatedAt, locale, timeZone),
        r.attended === null ? "" : r.attended ? ctx.t("activity-csv-yes") : ctx.t("activity-csv-no"),
      ]),
    ],
    { bom: true },
  );
  await ctx.replyWithDocument(new InputFile(Buffer.from(file), `activity-${activity.id}-attendees.csv`), {
    caption: ctx.t("activity-attendees-csv-caption", { title: activity.title, count: rows.length }),
  });
}

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
