// A message to a citizen that could not be delivered is never passed over in silence: the
// case's timeline records it, the deputy or staff member whose words they were is told in
// the chat, and the case shows the citizen as unreachable. This file says which messages
// count and how the reason reads; the delivery engine's outcome hook
// (src/db/queries/undelivered.ts) records it.
import type { CaseMessageKind } from "./messages.js";

/** Why a message did not reach its recipient, as people are told it. */
export type UndeliveredReason = "blocked" | "account_gone" | "rejected" | "failed";
export const undeliveredReasons: readonly UndeliveredReason[] = [
  "blocked",
  "account_gone",
  "rejected",
  "failed",
];

/**
 * The messages to a citizen whose loss the sender must learn of: someone's own words (a
 * reply, an outcome or a reason for declining) and the acceptance of their case.
 */
export const reportedWhenUndelivered: readonly CaseMessageKind[] = [
  "concern_message_to_citizen",
  "concern_outcome",
  "concern_accepted",
];

/**
 * The messages to a citizen whose delivery the sender is told of (a deputy's or staff
 * member's reply, outcome or reason for declining: they read "on its way" when they send it,
 * and "delivered" only once Telegram accepted it, or the warning that it could not be).
 */
export const confirmedWhenDelivered: readonly CaseMessageKind[] = [
  "concern_message_to_citizen",
  "concern_outcome",
];

/**
 * The reason behind Telegram's words (a failed send's description, or the reason a user was
 * marked inactive): blocked by the user; the account deleted, deactivated or not found;
 * refused (any other 4xx: the message itself was rejected); else failed (retries ran out).
 */
export function undeliveredReason(failureKind: string, description: string): UndeliveredReason {
  const text = description.toLowerCase();
  if (/blocked|kicked/.test(text)) return "blocked";
  if (/deactivated|chat not found|user not found|peer_id_invalid|no longer exists|deleted/.test(text))
    return "account_gone";
  if (failureKind === "recipient-gone") return "account_gone";
  if (failureKind === "bad-request") return "rejected";
  return "failed";
}

/** A stored reason (ConcernEvent.text of an "undelivered" entry) read back; unknown ones are "failed". */
export function parseUndeliveredReason(text: string | null): UndeliveredReason {
  return (undeliveredReasons as readonly string[]).includes(text ?? "")
    ? (text as UndeliveredReason)
    : "failed";
}
