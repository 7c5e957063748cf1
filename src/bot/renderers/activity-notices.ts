// Renders the activity notices at send time. Whether a notice is still worth sending is
// decided when it is due: an announcement of a cancelled activity or to someone who stopped
// notices, a reminder to someone who withdrew, a request for a decision already taken, and
// anything to a banned user are dropped (the job ends without a message).
import type { Database } from "../../db/client.js";
import { findActivity, findRsvp } from "../../db/queries/activities.js";
import type { ActivityNotice, ActivityNoticeKind } from "../../domain/messages.js";
import type { RenderedMessage, Renderer, RenderScene } from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { activityCard, cardFields, formatActivityTime } from "../activity-view.js";
import { displayName, escapeHtml } from "../format.js";
import { approvalKeyboard, dutyKeyboard, reminderKeyboard, rsvpKeyboard } from "../keyboards/activities.js";
import { htmlMessage } from "./parts.js";

export interface ActivityNoticeRendererDeps {
  db: Database;
  timeZone: string;
}

export function createActivityNoticeRenderers({ db, timeZone }: ActivityNoticeRendererDeps): {
  [K in ActivityNoticeKind]: Renderer<K>;
} {
  const render = async (
    notice: ActivityNotice,
    { recipient, t, locale, now }: RenderScene,
  ): Promise<RenderedMessage | undefined> => {
    const [activity, rsvp] = await Promise.all([
      findActivity(db.prisma, notice.activityId),
      findRsvp(db.prisma, notice.activityId, notice.recipientId),
    ]);
    if (!activity) throw new PermanentJobError("activity no longer exists");
    if (recipient.bannedAt) return undefined;
    const upcoming = activity.status === "published" && activity.startsAt > now;
    const going = rsvp?.answer === "going";
    const title = escapeHtml(activity.title);
    const card = () =>
      activityCard(cardFields(activity, locale, activity._count.rsvps), { t, locale, timeZone });
    switch (notice.kind) {
      case "announce":
        if (!upcoming || recipient.noticesOptOutAt) return undefined;
        return htmlMessage(
          `${t("activity-notice-header")}\n\n${card()}`,
          rsvpKeyboard(t, activity.id, going),
        );
      case "reminder_24h":
      case "reminder_2h":
        // Asked for by answering "I'll come", so sent even to someone who stopped announcements.
        if (!upcoming || !going) return undefined;
        return htmlMessage(
          `${t(notice.kind === "reminder_24h" ? "activity-reminder-24h" : "activity-reminder-2h", { title })}\n\n${card()}`,
          reminderKeyboard(t, activity.id),
        );
      case "on_duty":
      case "duty_reminder": {
        // Only while it is still to take place and they are still on duty at it.
        const onDuty = activity.deputies.some((d) => d.userId === notice.recipientId);
        if (!onDuty || activity.startsAt <= now || !["approved", "published"].includes(activity.status))
          return undefined;
        return htmlMessage(
          `${t(notice.kind === "on_duty" ? "activity-on-duty" : "activity-duty-reminder", { title })}\n\n${card()}`,
          dutyKeyboard(t, activity.id),
        );
      }
      case "approval_request":
        if (activity.status !== "pending_approval") return undefined;
        return htmlMessage(
          `${t("activity-approval-request", {
            name: escapeHtml(activity.createdBy ? displayName(activity.createdBy) : "—"),
          })}\n\n${card()}`,
          approvalKeyboard(t, activity.id),
        );
      case "approved":
        if (!activity.publishAt || activity.publishAt <= now)
          return htmlMessage(t("activity-approved-published", { title }));
        return htmlMessage(
          t("activity-approved-notice", {
            title,
            time: formatActivityTime({ startsAt: activity.publishAt, endsAt: null }, locale, timeZone),
          }),
        );
      case "rejected":
        return htmlMessage(t("activity-rejected-notice", { title }));
      case "cancelled":
        return htmlMessage(
          t("activity-cancelled-notice", { title, time: formatActivityTime(activity, locale, timeZone) }),
        );
    }
  };
  return {
    announce: render,
    reminder_24h: render,
    reminder_2h: render,
    approval_request: render,
    approved: render,
    rejected: render,
    cancelled: render,
    on_duty: render,
    duty_reminder: render,
  };
}

/**
 * An edited activity, to someone coming: what changed (title, time, place) and the card as it
 * is now, with the calendar button for the new revision. Nothing when they no longer come or
 * the activity is over or cancelled (its cancellation says so).
 */
export function createActivityChangeRenderer({
  db,
  timeZone,
}: ActivityNoticeRendererDeps): Renderer<"activity_changed"> {
  return async (notice, { t, locale, now }) => {
    const [activity, rsvp] = await Promise.all([
      findActivity(db.prisma, notice.activityId),
      findRsvp(db.prisma, notice.activityId, notice.recipientId),
    ]);
    if (!activity) throw new PermanentJobError("activity no longer exists");
    if (rsvp?.answer !== "going" || activity.startsAt <= now || activity.status === "cancelled")
      return undefined;
    const changes = notice.changes.map((c) => t(`activity-change-${c}`)).join(t("activity-list-separator"));
    const card = activityCard(cardFields(activity, locale, activity._count.rsvps), { t, locale, timeZone });
    return htmlMessage(
      `${t("activity-changed", { title: escapeHtml(activity.title), changes })}\n\n${card}`,
      reminderKeyboard(t, activity.id),
    );
  };
}
