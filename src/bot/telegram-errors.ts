// Which Telegram failures are worth retrying. 403 (blocked, deactivated) and "chat not
// found" will not heal by waiting: the recipient is marked inactive and never retried.
import { GrammyError } from "grammy";

export type SendFailure =
  | { kind: "recipient-gone"; reason: string }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "bad-request"; reason: string }
  | { kind: "transient"; reason: string };

const goneMarkers = [
  "chat not found",
  "user is deactivated",
  "bot was blocked",
  "peer_id_invalid",
  "bot was kicked",
];

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
  return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
}
