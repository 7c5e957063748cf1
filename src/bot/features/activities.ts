// The citizens' side of activities: /activities lists what is coming up in one's district;
// the buttons under a notice answer "I'll come" (against capacity), "can't come — raise my
// concern by chat instead", fetch an .ics calendar file, or stop activity notices.
import { InputFile } from "grammy";
import {
  ActivityClosedError,
  ActivityFullError,
  ActivityNotFoundError,
  answerRsvp,
  findActivity,
  findActivityCard,
  listUpcomingActivities,
  loadActivityAuthority,
} from "../../db/queries/activities.js";
import { findDistrictById } from "../../db/queries/districts.js";
import { isOpenForRsvp } from "../../domain/activity.js";
import { activityCard, activityIcs, cardFields, formatActivityTime } from "../activity-view.js";
import { activityIcsData, activityRsvpData, noticesData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { rsvpKeyboard } from "../keyboards/activities.js";
import { viewOptionsOf } from "../view-options.js";
import { startDraft } from "./concern-intake.js";
import { showDistrictPicker } from "./district.js";

export const activitiesFeature = new Composer<BotContext>();
const feature = activitiesFeature.chatType("private");

/** Cards shown by /activities; the rest are counted. */
const LIST_LIMIT = 5;

feature.command("activities", async (ctx) => {
  const prisma = ctx.deps.db.prisma;
  const district = ctx.user.districtId ? await findDistrictById(prisma, ctx.user.districtId) : null;
  if (!district) {
    await ctx.reply(ctx.t("activity-need-district"));
    await showDistrictPicker(ctx, null);
    return;
  }
  const options = await viewOptionsOf(ctx);
  const name = escapeHtml(localName(district, options.locale));
  const { items, total } = await listUpcomingActivities(prisma, district.id, ctx.deps.now(), LIST_LIMIT);
  if (total === 0) {
    await ctx.reply(ctx.t("activity-list-empty", { district: name }), { parse_mode: "HTML" });
    return;
  }
  await ctx.reply(ctx.t("activity-list-title", { district: name, total }), { parse_mode: "HTML" });
  const answers = await prisma.activityRsvp.findMany({
    where: { userId: ctx.user.id, activityId: { in: items.map((a) => a.id) }, answer: "going" },
  });
  const going = new Set(answers.map((r) => r.activityId));
  for (const activity of items) {
    await ctx.reply(activityCard(cardFields(activity, options.locale, activity._count.rsvps), options), {
      parse_mode: "HTML",
      reply_markup: rsvpKeyboard(ctx.t, activity.id, going.has(activity.id), false),
    });
  }
  if (total > items.length) await ctx.reply(ctx.t("activity-list-more", { count: total - items.length }));
});

feature.callbackQuery(activityRsvpData.filter, async (ctx) => {
  const data = activityRsvpData.unpack(ctx.callbackQuery.data);
  // Read once, with what the redrawn card shows and in plain SQL (a tap is the hottest path of
  // an announcement); answering changes only the count, which answerRsvp returns.
  const activity = data ? await findActivityCard(ctx.deps.db, data.activityId) : null;
  if (!data || !activity) {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-found"), show_alert: true });
    return;
  }
  const { db, now } = ctx.deps;
  const title = escapeHtml(activity.title);
  if (data.answer === "c") {
    // Not coming: a "going" answer is withdrawn (its place freed); then the concern flow.
    if (isOpenForRsvp(activity, now())) {
      await answerRsvp(db, {
        activityId: activity.id,
        userId: ctx.user.id,
        answer: "declined",
        now: now(),
      }).catch((error: unknown) => {
        if (!(error instanceof ActivityClosedError)) throw error;
      });
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("activity-concern-instead", { title }), { parse_mode: "HTML" });
    await startDraft(ctx);
    return;
  }
  const answer = data.answer === "g" ? "going" : "declined";
  let result: Awaited<ReturnType<typeof answerRsvp>>;
  try {
    result = await answerRsvp(db, { activityId: activity.id, userId: ctx.user.id, answer, now: now() });
  } catch (error) {
    const key =
      error instanceof ActivityFullError
        ? "activity-full"
        : error instanceof ActivityClosedError
          ? "activity-closed"
          : error instanceof ActivityNotFoundError
            ? "activity-not-found"
            : undefined;
    if (!key) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  // Redraw the message pressed with the count after this answer; an announcement keeps its
  // header and its "stop" button.
  const pressed = ctx.callbackQuery.message;
  const buttons = pressed?.reply_markup?.inline_keyboard.flat() ?? [];
  const hadStop = buttons.some((b) => "callback_data" in b && noticesData.filter.test(b.callback_data));
  const options = await viewOptionsOf(ctx);
  const header = ctx.t("activity-notice-header");
  const wasNotice = pressed?.text?.startsWith(header.replace(/<\/?b>/g, "")) === true;
  const reply_markup = rsvpKeyboard(ctx.t, activity.id, answer === "going", hadStop);
  const fields = cardFields(activity, options.locale, result.going);
  await ctx
    .editMessageText(`${wasNotice ? `${header}\n\n` : ""}${activityCard(fields, options)}`, {
      parse_mode: "HTML",
      reply_markup,
    })
    .catch(() => undefined);
  const locale = await ctx.i18n.getLocale();
  const time = formatActivityTime(activity, locale, ctx.deps.config.TIME_ZONE);
  await ctx.reply(
    answer === "going"
      ? ctx.t("activity-rsvp-going", { title, time, going: result.going })
      : ctx.t("activity-rsvp-withdrawn", { title }),
    { parse_mode: "HTML" },
  );
});

feature.callbackQuery(activityIcsData.filter, async (ctx) => {
  const data = activityIcsData.unpack(ctx.callbackQuery.data);
  const activity = data ? await findActivity(ctx.deps.db.prisma, data.activityId) : null;
  // Announced (or past) activities are anyone's; others only of those who manage them.
  const visible =
    activity !== null &&
    (["approved", "published", "done"].includes(activity.status) ||
      (await loadActivityAuthority(ctx.deps.db.prisma, ctx.user, activity.districtId)) !== "none");
  if (!activity || !visible) {
    await ctx.answerCallbackQuery({ text: ctx.t("activity-not-found"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const file = activityIcs(activity, await viewOptionsOf(ctx), ctx.deps.now());
  await ctx.replyWithDocument(new InputFile(file, `activity-${activity.id}.ics`), {
    caption: ctx.t("activity-ics-caption", { title: activity.title }),
  });
});
