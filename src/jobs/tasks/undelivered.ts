// The outcome hook of the messages to a citizen whose loss the sender must learn of
// (src/domain/undelivered.ts): a final failure, or a message dropped because the citizen
// can no longer be reached, is recorded on the case and told to whoever wrote it; a reply
// delivered is confirmed to whoever wrote it (they were told only that it is on its way).
import type { Database } from "../../db/client.js";
import { recordDelivered, recordUndelivered } from "../../db/queries/undelivered.js";
import type { CaseMessage } from "../../domain/messages.js";
import {
  confirmedWhenDelivered,
  reportedWhenUndelivered,
  undeliveredReason,
} from "../../domain/undelivered.js";
import type { DeliveryOutcome, OutcomeHook, OutcomeHooks } from "../delivery.js";

/** The reason a message is reported undelivered for, or undefined when it is not (yet). */
function reasonOf(outcome: DeliveryOutcome, inactiveReason: string | null | undefined) {
  if (outcome.status === "failed" && outcome.final) {
    const { failure } = outcome;
    return undeliveredReason(failure.kind, "reason" in failure ? failure.reason : "");
  }
  // Dropped because the recipient was already unreachable (not because nothing is left to say).
  if (outcome.status === "dropped" && /inactive|no longer exists/.test(outcome.reason))
    return undeliveredReason("recipient-gone", inactiveReason ?? outcome.reason);
  return undefined;
}

/** The hooks for every kind in reportedWhenUndelivered. */
export function undeliveredHooks(db: Database): OutcomeHooks {
  const hook: OutcomeHook<CaseMessage["kind"]> = async (message, outcome, { recipient, now }) => {
    if (outcome.status === "sent" && confirmedWhenDelivered.includes(message.kind)) {
      await recordDelivered(db, {
        concernId: message.concernId,
        eventId: message.eventId,
        recipientId: message.recipientId,
        now,
      });
      return;
    }
    const reason = reasonOf(outcome, recipient?.inactiveReason);
    if (!reason) return;
    await recordUndelivered(db, {
      concernId: message.concernId,
      eventId: message.eventId,
      recipientId: message.recipientId,
      reason,
      now,
    });
  };
  return Object.fromEntries(reportedWhenUndelivered.map((kind) => [kind, hook])) as OutcomeHooks;
}
