// The kinds of entry on a case's timeline (ConcernEvent.kind): the one list that the timeline,
// the outbox and the statistics go by. Add a kind here, never as a string literal elsewhere.

/** Every timeline entry kind, with what it records. */
export const concernEventKinds = [
  // The case itself (the first version of the bot)
  "created", // the citizen raised it (受理)
  "location", // the citizen attached a location
  "message", // a message either way between the citizen and a deputy or staff member
  "status", // a status change of the case (accept, resolve, decline, reopen …)
  "rating", // the citizen rated the outcome (满意 / 基本满意 / 不满意)
  "amendment", // the citizen edited a message of theirs after submitting: the new wording, added
  "undelivered", // a message to the citizen could not be delivered; text: the reason (src/domain/undelivered.ts)
  // Triage (分诊)
  "assigned", // assigned to a deputy, or claimed (actor = assignee)
  "handed_over", // its assignee's role was removed or suspended: handed to the staff covering it (actor = heir); text "<removed|suspended>|<former assignee>"
  "categorized", // category set or changed
  "prioritized", // priority set to 一般 / 紧急
  "merged", // joined a main case as a duplicate (并案); the text names the main case
  "note", // an internal note: never shown or sent to a citizen (ConcernEvent.internal)
  "clock_paused", // waiting for the citizen's clarification: referral clocks stand still
  "clock_resumed", // the clarification came (or the wait was ended): deadlines moved on
  // Referrals (交办/转办), each with ConcernEvent.referralId set
  "referral_sent", // referred to a department with a deadline
  "referral_acknowledged", // 签收
  "referral_returned", // 退回, with the reason and the suggested department
  "referral_return_refused", // staff sent a returned referral back to the same department
  "referral_rerouted", // staff re-routed a returned referral (a new referral follows)
  "referral_extension_requested", // 申请延期, with the reason and the date asked for
  "referral_extension_decided", // staff approved or refused an extension
  "referral_answered", // 答复, with its class A–D
  "referral_reviewed", // staff accepted the answer or sent it back for rework
  "referral_rated", // the deputy rated the answer (deputy-level satisfaction)
  "referral_reopened", // 重办: back to the same department after 不满意, or asked again after a promised date
  "referral_withdrawn", // the referral was withdrawn
  "supervision", // 督办: a supervision step (reminder, amber, red) was taken
] as const;
export type ConcernEventKind = (typeof concernEventKinds)[number];

/** The kinds about one referral (they carry ConcernEvent.referralId). */
export const referralEventKinds = [
  "referral_sent",
  "referral_acknowledged",
  "referral_returned",
  "referral_return_refused",
  "referral_rerouted",
  "referral_extension_requested",
  "referral_extension_decided",
  "referral_answered",
  "referral_reviewed",
  "referral_rated",
  "referral_reopened",
  "referral_withdrawn",
  "supervision",
] as const satisfies readonly ConcernEventKind[];
export type ReferralEventKind = (typeof referralEventKinds)[number];

/**
 * What the citizen's own timeline may show of each kind: "full" (the entry as it is), "summary"
 * (that it happened, not who did it or what was said among handlers: "已转办", "督办中"), or
 * "never". An entry marked internal is never shown, whatever its kind.
 */
export const citizenVisibility: Readonly<Record<ConcernEventKind, "full" | "summary" | "never">> = {
  created: "full",
  location: "full",
  message: "full",
  status: "full",
  rating: "full",
  amendment: "full",
  undelivered: "never",
  assigned: "never",
  handed_over: "never",
  categorized: "never",
  prioritized: "never",
  merged: "summary",
  note: "never",
  clock_paused: "summary",
  clock_resumed: "summary",
  referral_sent: "summary",
  referral_acknowledged: "summary",
  referral_returned: "never",
  referral_return_refused: "never",
  referral_rerouted: "never",
  referral_extension_requested: "never",
  referral_extension_decided: "summary", // approved: the citizen is told the new date and why
  referral_answered: "never", // the outcome reaches the citizen after review and the deputy's rating
  referral_reviewed: "never",
  referral_rated: "never", // the deputy's view of the department's answer; the outcome is sent apart
  referral_reopened: "summary",
  referral_withdrawn: "never",
  supervision: "summary", // "督办中", not who was chased
};

export function isConcernEventKind(value: string): value is ConcernEventKind {
  return (concernEventKinds as readonly string[]).includes(value);
}

/**
 * Whether an entry may reach a citizen at all (shown on their timeline or sent to them): never
 * when it is internal, never for the kinds that are handlers' business, and never for a kind
 * this list does not know.
 */
export function mayReachCitizen(entry: { kind: string; internal: boolean | null }): boolean {
  if (entry.internal === true) return false;
  return isConcernEventKind(entry.kind) && citizenVisibility[entry.kind] !== "never";
}

/**
 * Whether a message about a timeline entry may be delivered to this recipient: a citizen —
 * the case's own (its filer or a co-signer) or anyone whose role is citizen — only receives
 * what may reach a citizen (mayReachCitizen); a department contact receives an internal entry
 * only when it was written on a referral of their own department (`entryOnOwnReferral`);
 * deputies and staff receive everything. The delivery engine asks this of every message about
 * a case entry, whatever its kind.
 */
export function mayDeliverEntry(
  entry: { kind: string; internal: boolean | null },
  recipient: { role: string; citizenOfCase: boolean; entryOnOwnReferral?: boolean },
): boolean {
  if (recipient.citizenOfCase || recipient.role === "citizen") return mayReachCitizen(entry);
  if (recipient.role === "department" && entry.internal === true)
    return recipient.entryOnOwnReferral === true;
  return true;
}
