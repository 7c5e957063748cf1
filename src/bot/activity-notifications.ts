// Renders the "activity-notice" jobs, in the recipient's language at send time, and hands
// them to the delivery (pacer, quiet hours, failures: src/bot/notifications.ts). Whether a
// notice is still worth sending is decided when it is due: an announcement of a cancelled
// activity or to someone who stopped notices, a reminder to someone who withdrew, a request
// for a decision already taken are dropped (the job ends without a message).
import type { Database } from "../db/client.js";
import { findActivity, findRsvp } from "../db/queries/activities.js";
import { PermanentJobError } from "../jobs/errors.js";
import type { ActivityNoticeKind, ActivityNoticeSender } from "../jobs/tasks/activity-notice.js";
import { activityCard, cardFields, formatActivityTime } from "./activity-view.js";
import { displayName, escapeHtml } from "./format.js";
import { approvalKeyboard, reminderKeyboard, rsvpKeyboard } from "./keyboards/activities.js";
import type { Delivery, OutgoingMessage, RenderMessage } from "./notifications.js";

export interface ActivityNoticeDeps {
  db: Database;
  timeZone: string;
}

// The 2-hour reminder is worth a sound even in quiet hours (deferring it could make it late);
// a cancellation is re-sent after an uncertain attempt, as missing it costs someone a trip.
const policy: Record<ActivityNoticeKind, Pick<OutgoingMessage, "urgent" | "ifUncertain">> = {
  announce: { urgent: false, ifUncertain: "assume-delivered" },
  reminder_24h: { urgent: false, ifUncertain: "assume-delivered" },
  reminder_2h: { urgent: true, ifUncertain: "assume-delivered" },
  approval_request: { urgent: false, ifUncertain: "assume-delivered" },
  approved: { urgent: false, ifUncertain: "assume-delivered" },
  rejected: { urgent: false, ifUncertain: "assume-delivered" },
  cancelled: { urgent: false, ifUncertain: "resend-with-note" },
};

export function createActivityNoticeSender(
  delivery: Delivery,
  { db, timeZone }: ActivityNoticeDeps,
): ActivityNoticeSender {
  return async (notice, job, context) => {
    const prisma = db.prisma;
    const [recipient, activity, rsvp] = await Promise.all([
      prisma.user.findUnique({ where: { id: notice.recipientId } }),
      findActivity(prisma, notice.activityId),
      findRsvp(prisma, notice.activityId, notice.recipientId),
    ]);
    if (!recipient || !activity) throw new PermanentJobError("recipient or activity no longer exists");
    if (recipient.bannedAt) return { note: "recipient is banned" };
    const now = context.now();
    const upcoming = activity.status === "published" && activity.startsAt > now;
    const going = rsvp?.answer === "going";
    const title = escapeHtml(activity.title);
    const base = policy[notice.kind];

    const render: RenderMessage = (t, locale) => {
      const view = { t, locale, timeZone };
      const card = () => activityCard(cardFields(activity, locale), view);
      switch (notice.kind) {
        case "announce":
          if (!upcoming || recipient.noticesOptOutAt) return undefined;
          return {
            ...base,
            text: `${t("activity-notice-header")}\n\n${card()}`,
            keyboard: rsvpKeyboard(t, activity.id, going),
          };
        case "reminder_24h":
        case "reminder_2h":
          // Asked for by answering "I'll come", so sent even to someone who stopped announcements.
          if (!upcoming || !going) return undefined;
          return {
            ...base,
            text: `${t(notice.kind === "reminder_24h" ? "activity-reminder-24h" : "activity-reminder-2h", { title })}\n\n${card()}`,
            keyboard: reminderKeyboard(t, activity.id),
          };
        case "approval_request":
          if (activity.status !== "pending_approval") return undefined;
          return {
            ...base,
            text: `${t("activity-approval-request", {
              name: escapeHtml(activity.createdBy ? displayName(activity.createdBy) : "—"),
            })}\n\n${card()}`,
            keyboard: approvalKeyboard(t, activity.id),
          };
        case "approved":
          if (!activity.publishAt || activity.publishAt <= now)
            return { ...base, text: t("activity-approved-published", { title }) };
          return {
            ...base,
            text: t("activity-approved-notice", {
              title,
              time: formatActivityTime({ startsAt: activity.publishAt, endsAt: null }, locale, timeZone),
            }),
          };
        case "rejected":
          return { ...base, text: t("activity-rejected-notice", { title }) };
        case "cancelled":
          return {
            ...base,
            text: t("activity-cancelled-notice", {
              title,
              time: formatActivityTime(activity, locale, timeZone),
            }),
          };
      }
    };
    return delivery.deliver(recipient, render, job, context);
  };
}
