// The messages the bot owes people, as contracts: a kind, a recipient (a User id) and the ids
// of what the message is about. A contract is what the outbox stores (src/db/outbox.ts) and
// what a renderer turns into text and buttons at send time, in the recipient's language
// (src/bot/renderers/); the delivery engine (src/jobs/delivery.ts) sends it. Each kind also
// carries its delivery policy: whether it is urgent (sent with sound in quiet hours), what an
// attempt does when an earlier one may already have delivered it, its place in the queue,
// and its idempotency key.
//
// Adding a kind: its schema in `messageSchema`, its spec in `messageSpecs`, a renderer in
// src/bot/renderers/ (the compiler asks for both).
import { z } from "zod";
import { referralAudiences } from "./referral-recipients.js";
import { ladderSteps } from "./supervision-ladder.js";

const id = z.number().int().positive();

export const caseMessageKinds = [
  "concern_new",
  "concern_accepted",
  "concern_message_to_citizen",
  "concern_message_to_handlers",
  "concern_outcome",
  "concern_reopened",
  "concern_rated",
  "concern_withdrawn",
  // To a deputy or staff member: their message to the citizen could not be delivered
  // (`eventId` is the "undelivered" timeline entry; src/domain/undelivered.ts).
  "concern_undelivered",
  // To a deputy or staff member: their reply reached the citizen (`eventId` is the reply's own
  // entry); until then they were told it is on its way, never that it was sent (issue 7).
  "concern_delivered",
] as const;
export type CaseMessageKind = (typeof caseMessageKinds)[number];

/**
 * The triage desk's messages about a case (src/bot/renderers/triage-messages.ts): a case
 * assigned to a deputy, an internal note to the other handlers (never to a citizen: the
 * delivery engine refuses it), a duplicate merged into a main case told to its own citizen.
 */
// concern_unassigned: the deputy who held a case is told that it was reassigned to someone else.
export const triageMessageKinds = [
  "concern_assigned",
  "concern_unassigned",
  "concern_note",
  "concern_merged",
] as const;
export type TriageMessageKind = (typeof triageMessageKinds)[number];

export const escalationLevels = ["amber", "red"] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export const activityNoticeKinds = [
  "announce",
  "reminder_24h",
  "reminder_2h",
  "approval_request",
  "approved",
  "rejected",
  "cancelled",
  "on_duty",
  "duty_reminder",
] as const;
export type ActivityNoticeKind = (typeof activityNoticeKinds)[number];

/** Every message kind and its payload. `recipientId` also keeps one person's messages in order. */
/**
 * One message of the bot's own answer to someone who acted, queued because sending was paused
 * (a long 429): a text, or a file by file_id with its caption; HTML or the person's entities.
 */
/** A file the bot made itself (a chart, an export), queued by its bytes (base64) since it has no file_id. */
const uploadSchema = z.object({ data: z.string(), filename: z.string() });
export const replyPartSchema = z.object({
  type: z.enum(["text", "photo", "document", "voice", "video", "audio", "location", "album"]),
  text: z.string().optional(),
  fileId: z.string().optional(),
  upload: uploadSchema.optional(),
  caption: z.string().optional(),
  html: z.boolean(),
  entities: z.array(z.record(z.string(), z.unknown())).optional(),
  keyboard: z.record(z.string(), z.unknown()).optional(),
  // A location's place.
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  // An album's files (sendMediaGroup); its caption and formatting are the part's.
  items: z
    .array(
      z.object({
        type: z.enum(["photo", "video", "document", "audio"]),
        fileId: z.string().optional(),
        upload: uploadSchema.optional(),
      }),
    )
    .optional(),
});
export type ReplyPart = z.infer<typeof replyPartSchema>;

export const messageSchema = z.discriminatedUnion("kind", [
  // The bot's answer to someone who acted, queued while sending was paused (src/bot/deferred-replies.ts).
  z.object({ kind: z.literal("reply"), recipientId: id, replyId: z.string().min(1), part: replyPartSchema }),
  // To an administrator, once sending resumed after a long pause (429): from and until, ISO times.
  z.object({ kind: z.literal("pause_report"), recipientId: id, from: z.string(), until: z.string() }),
  // Someone acted on a case; `eventId` is the timeline event that says what happened.
  z.object({ kind: z.enum(caseMessageKinds), recipientId: id, concernId: id, eventId: id }),
  z.object({ kind: z.enum(triageMessageKinds), recipientId: id, concernId: id, eventId: id }),
  // Scheduled reminders (src/jobs/tasks/remind-unaccepted.ts and the other passes).
  z.object({ kind: z.literal("unaccepted"), recipientId: id, concernId: id }),
  // One case's escalation: what earlier versions queued (and may still be in a queue); the pass now queues "escalations".
  z.object({
    kind: z.literal("escalation"),
    recipientId: id,
    concernId: id,
    referralId: id.optional(),
    level: z.enum(escalationLevels),
  }),
  // 三色督办, grouped: every case that reached `level` for this recipient in one pass of the
  // schedule at `at` (ISO time), most overdue first, in one message (src/jobs/tasks/escalate-overdue.ts).
  z.object({
    kind: z.literal("escalations"),
    recipientId: id,
    level: z.enum(escalationLevels),
    at: z.string(),
    concernIds: z.array(id).min(1),
  }),
  z.object({ kind: z.literal("digest"), recipientId: id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ kind: z.literal("follow_up"), recipientId: id, concernId: id }),
  // Activities: announcements, reminders, approval requests and decisions, cancellations.
  z.object({ kind: z.enum(activityNoticeKinds), recipientId: id, activityId: id }),
  // An activity was edited: those coming are told what changed (`changes`), once per revision.
  z.object({
    kind: z.literal("activity_changed"),
    recipientId: id,
    activityId: id,
    sequence: z.number().int().min(1),
    changes: z.array(z.enum(["title", "time", "place"])).min(1),
  }),
  // One recipient of a broadcast.
  z.object({ kind: z.literal("broadcast"), recipientId: id, broadcastId: id }),
  // Someone acted on a referral (交办): `eventId` is its timeline entry, `audience` who it is for
  // (src/domain/referral-recipients.ts): the department's card, staff's review, the deputy's rating …
  z.object({
    kind: z.literal("referral"),
    recipientId: id,
    concernId: id,
    referralId: id,
    eventId: id,
    audience: z.enum(referralAudiences),
  }),
  // A step of a referral's supervision ladder (督办, src/domain/supervision-ladder.ts), due from `dueAt`.
  z.object({
    kind: z.literal("supervision"),
    recipientId: id,
    referralId: id,
    step: z.enum(ladderSteps),
    dueAt: z.string(),
  }),
  // Amber or red steps of the ladder taken in one pass for several referrals, told to one person
  // in one message (issue 7): `at` is the pass's time (ISO), the referrals most overdue first.
  z.object({
    kind: z.literal("supervisions"),
    recipientId: id,
    step: z.enum(["amber", "red"]),
    at: z.string(),
    referralIds: z.array(id).min(2),
  }),
  // An administrator suspended, resumed or removed someone's role (the AccessAudit entry
  // `auditId`): told to them ("subject") and to each staff member their open cases went to
  // ("heir"), with how many cases that is for the recipient.
  z.object({
    kind: z.literal("access_changed"),
    recipientId: id,
    auditId: id,
    to: z.enum(["subject", "heir"]),
    cases: z.number().int().min(0),
  }),
  // The monthly bulletin (通报) for a staff member's scope: `month` is the month reported on.
  z.object({
    kind: z.literal("bulletin"),
    recipientId: id,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  }),
]);

export type OutgoingMessage = z.infer<typeof messageSchema>;
export type MessageKind = OutgoingMessage["kind"];
export type MessageOf<K extends MessageKind> = Extract<OutgoingMessage, { kind: K }>;
export type CaseMessage = MessageOf<CaseMessageKind>;
export type TriageMessage = MessageOf<TriageMessageKind>;
/** Every message that is about one entry of a case's timeline (it carries `eventId`). */
export type CaseEventMessage = Extract<OutgoingMessage, { eventId: number }>;
export type ActivityNotice = MessageOf<ActivityNoticeKind>;
export type Reminder = MessageOf<"unaccepted" | "escalation" | "escalations" | "digest" | "follow_up">;

/**
 * The job family a kind is queued under; each family is one task id of the queue
 * (src/db/outbox.ts), so that an operator reading dead jobs sees what sort of message it was.
 */
export type MessageFamily = "case" | "reminder" | "activity" | "broadcast";

export interface DeliveryPolicy {
  family: MessageFamily;
  /** Sent with sound even in quiet hours (and never deferred by them). */
  urgent: boolean;
  /**
   * When an earlier attempt may have delivered it (its send timed out): "assume-delivered"
   * where something else brings the matter back (reminders, digests, /inbox, /my),
   * "resend-with-note" where a loss is worse than a labelled repeat (people's own words, outcomes).
   */
  ifUncertain: "assume-delivered" | "resend-with-note";
  /** Higher goes first: people waiting for an answer before bulk notices. */
  priority: number;
  /** Attempts before the job is dead-lettered; the queue's default (8) when omitted. */
  maxAttempts?: number;
}

interface MessageSpec<K extends MessageKind> extends DeliveryPolicy {
  /** The idempotency key: the same message is queued once, however often its cause is replayed. */
  key(message: MessageOf<K>): string;
}

const caseSpec = (urgent: boolean, ifUncertain: DeliveryPolicy["ifUncertain"], priority = 0) => ({
  family: "case" as const,
  urgent,
  ifUncertain,
  priority,
  // The same event never notifies the same person twice.
  key: (m: CaseEventMessage) => `${m.kind}:${m.eventId}:${m.recipientId}`,
});

// None of the scheduled reminders is urgent or re-sent: the schedules bring the matter back.
const reminderPolicy = {
  family: "reminder",
  urgent: false,
  ifUncertain: "assume-delivered",
  priority: -1,
} as const;

const activitySpec = (
  prefix: string,
  urgent = false,
  ifUncertain: DeliveryPolicy["ifUncertain"] = "assume-delivered",
  priority = 0,
) => ({
  family: "activity" as const,
  urgent,
  ifUncertain,
  priority,
  // One per activity, kind and person: re-running whatever queued it adds nothing.
  key: (m: ActivityNotice) => `${prefix}:${m.activityId}:${m.recipientId}`,
});

// Urgent: the words people write to each other while a case is open (someone is waiting for
// an answer and chose to write at this hour), and the 2-hour reminder of an activity
// (deferring it could make it late). A cancellation is re-sent after an uncertain attempt:
// missing it costs someone a trip.
const messageSpecs: { [K in MessageKind]: MessageSpec<K> } = {
  concern_new: caseSpec(false, "assume-delivered", 1),
  concern_accepted: caseSpec(false, "assume-delivered"),
  concern_message_to_citizen: caseSpec(true, "resend-with-note"),
  concern_message_to_handlers: caseSpec(true, "resend-with-note"),
  concern_outcome: caseSpec(false, "resend-with-note"),
  concern_reopened: caseSpec(false, "assume-delivered"),
  concern_rated: caseSpec(false, "assume-delivered"),
  concern_assigned: caseSpec(false, "assume-delivered"),
  concern_unassigned: caseSpec(false, "assume-delivered"),
  concern_note: caseSpec(false, "assume-delivered"),
  concern_merged: caseSpec(false, "resend-with-note"),
  concern_withdrawn: caseSpec(false, "assume-delivered"),
  concern_undelivered: caseSpec(true, "assume-delivered", 1),
  concern_delivered: caseSpec(false, "assume-delivered", 1),
  unaccepted: { ...reminderPolicy, key: (m) => `reminder:unaccepted:${m.concernId}:${m.recipientId}` },
  escalation: {
    ...reminderPolicy,
    key: (m) => {
      const subject = m.referralId ? `r${m.referralId}` : `c${m.concernId}`;
      return `reminder:escalation:${m.level}:${subject}:${m.recipientId}`;
    },
  },
  // Once per pass, level and person (a pass too large for one message queues more, each keyed by its first case).
  escalations: {
    ...reminderPolicy,
    key: (m) => `reminder:escalations:${m.level}:${m.at}:c${m.concernIds[0]}:${m.recipientId}`,
  },
  digest: { ...reminderPolicy, key: (m) => `reminder:digest:${m.date}:${m.recipientId}` },
  follow_up: { ...reminderPolicy, key: (m) => `reminder:follow-up:${m.concernId}:${m.recipientId}` },
  // A department's card and the answers around it: a loss is worse than a labelled repeat.
  referral: {
    family: "case",
    urgent: false,
    ifUncertain: "resend-with-note",
    priority: 0,
    key: (m) => `referral:${m.eventId}:${m.audience}:${m.recipientId}`,
  },
  // Each ladder step once per deadline (the deadline it was due from is in the key).
  supervision: {
    ...reminderPolicy,
    key: (m) => `reminder:supervision:${m.step}:${m.referralId}:${m.dueAt}:${m.recipientId}`,
  },
  // Once per pass, step and person (a pass too large for one message queues more, each keyed by its first referral).
  supervisions: {
    ...reminderPolicy,
    key: (m) => `reminder:supervisions:${m.step}:${m.at}:r${m.referralIds[0]}:${m.recipientId}`,
  },
  // Once per change and person; the /people card and /inbox say the same if it is lost.
  access_changed: {
    family: "case",
    urgent: false,
    ifUncertain: "assume-delivered",
    priority: 0,
    key: (m) => `access:${m.auditId}:${m.to}:${m.recipientId}`,
  },
  // Once a month per person (src/jobs/tasks/monthly-bulletin.ts also records the month as sent).
  bulletin: { ...reminderPolicy, key: (m) => `reminder:bulletin:${m.month}:${m.recipientId}` },
  // Someone is waiting for it: first in the queue, with sound, never lost to a timeout.
  reply: {
    family: "case",
    urgent: true,
    ifUncertain: "resend-with-note",
    priority: 2,
    key: (m) => `reply:${m.replyId}`,
  },
  // Once per pause (its end, to the minute) and administrator.
  pause_report: { ...reminderPolicy, key: (m) => `pause-report:${m.until.slice(0, 16)}:${m.recipientId}` },
  // Announcements are bulk; the people waiting for a decision or a reminder come first.
  announce: activitySpec("act", false, "assume-delivered", -1),
  reminder_24h: activitySpec("act-r24"),
  reminder_2h: activitySpec("act-r2", true),
  approval_request: activitySpec("act-ask"),
  approved: activitySpec("act-dec"),
  rejected: activitySpec("act-dec"),
  cancelled: activitySpec("act-off", false, "resend-with-note"),
  // The deputies on duty at an activity: told when it is approved, reminded the day before.
  on_duty: activitySpec("act-duty"),
  duty_reminder: activitySpec("act-duty-r"),
  // Like a cancellation, a change of time or place missed costs someone a trip.
  activity_changed: {
    family: "activity",
    urgent: false,
    ifUncertain: "resend-with-note",
    priority: 0,
    key: (m) => `act-chg:${m.activityId}:${m.sequence}:${m.recipientId}`,
  },
  // A mass notice twice is worse than one unconfirmed; replies about cases go before it.
  broadcast: {
    family: "broadcast",
    urgent: false,
    ifUncertain: "assume-delivered",
    priority: -1,
    maxAttempts: 5,
    key: (m) => `bc:${m.broadcastId}:${m.recipientId}`,
  },
};

/** How a message of this kind is queued and sent (see DeliveryPolicy). */
export function deliveryPolicy(kind: MessageKind): DeliveryPolicy {
  const { key: _key, ...policy } = messageSpecs[kind];
  return policy;
}

/** Whether a message is about one entry of a case's timeline (and so must respect who may see it). */
export function isCaseEventMessage(message: OutgoingMessage): message is CaseEventMessage {
  return "eventId" in message && "concernId" in message;
}

/** The message's idempotency key, e.g. "concern_new:17:4" (kind, event, recipient). */
export function messageKey(message: OutgoingMessage): string {
  return (messageSpecs[message.kind] as MessageSpec<MessageKind>).key(message as never);
}
