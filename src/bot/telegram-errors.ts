// Which Telegram failures are worth retrying. 403 (blocked, deactivated) and "chat not
// found" will not heal by waiting: the recipient is marked inactive and never retried.
// A request that timed out is neither a success nor a failure: Telegram may well have
// delivered the message and only its answer was lost, so it is "uncertain".
import { GrammyError, HttpError } from "grammy";
import type { SendFailure } from "../jobs/delivery.js";

const goneMarkers = [
  "chat not found",
  "user is deactivated",
  "bot was blocked",
  "peer_id_invalid",
  "bot was kicked",
];

/** Our own AbortSignal.timeout surfaces as node-fetch's AbortError; grammY's timeout says "timed out". */
function isTimeout(error: HttpError): boolean {
  const inner = error.error;
  return inner instanceof Error && (inner.name === "AbortError" || /timed out/i.test(inner.message));
}

/** What Telegram's answer to a send means for the queue (the kinds: src/jobs/delivery.ts). */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const description = error.description.toLowerCase();
    if (error.error_code === 429) {
      return { kind: "rate-limited", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
    }
    if (error.error_code === 403 || goneMarkers.some((m) => description.includes(m))) {
      return { kind: "recipient-gone", reason: error.description };
    }
    if (error.error_code >= 400 && error.error_code < 500)
      return { kind: "bad-request", reason: error.description };
    return { kind: "transient", reason: error.description };
  }
  // Other network failures (refused, reset, DNS) are taken as "not delivered" and retried: a
  // reset after the request was written could in theory hide a delivery, but Telegram answers
  // in milliseconds, so it is the long silence of a timeout that is treated as uncertain.
  if (error instanceof HttpError && isTimeout(error)) return { kind: "uncertain", reason: error.message };
  return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
}
