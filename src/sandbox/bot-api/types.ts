// The shapes shared by the embedded Bot API's parts: recorded calls, failure rules, options,
// and Telegram's answer envelope.
import type { Logger } from "../../logger.js";

export type Json = Record<string, unknown>;

/** One HTTP answer: Telegram's `{ ok, result }` or `{ ok: false, error_code, description }`. */
export interface Reply {
  status: number;
  body: Json;
}

export interface RecordedCall {
  method: string;
  payload: Json;
  /** Date.now() when the request was received. */
  at: number;
  token: string;
  /** Set when the call was not answered successfully: a FailureRule kind, "429" for the rate limiter, or the HTTP status of a Telegram-shaped error ("400", "401", "403", "404", "409"). */
  failed?: string;
  /** The `result` of a successful answer (a Message for send*, true for most others). */
  result?: unknown;
}

/** Makes matching calls fail the way Telegram or the network sometimes does. */
export type FailureRule = {
  method?: string | RegExp;
  chatId?: number | string;
  /** How many matching calls fail; every one when absent. */
  times?: number;
  kind: "429" | "403" | "400" | "5xx" | "timeout" | "network";
  /** Seconds, for kind "429". */
  retryAfter?: number;
  description?: string;
};

/** Telegram's flood limits: calls over them are answered 429 with parameters.retry_after. */
export interface RateLimits {
  /** Sending calls in any sliding second, overall (Telegram: about 30). */
  globalPerSecond?: number;
  /** Sending calls in any sliding second to one chat (Telegram: about 1). */
  perChatPerSecond?: number;
}

export interface BotApiOptions {
  token?: string;
  botUsername?: string;
  botName?: string;
  /** When set, enforce Telegram's flood limits like the real server: at most `globalPerSecond` sending calls in any sliding 1 s window overall, at most `perChatPerSecond` per chat_id in any sliding 1 s window, and 20 per minute to any chat_id < 0 (groups). A call over a limit is answered 429 with parameters.retry_after (whole seconds, at least 1) and is NOT recorded in `sent`. */
  rateLimit?: RateLimits;
  /**
   * Every update the bot sees comes from this server (the sandbox): a chat, message, callback
   * query or file_id the server does not know is an error, as on Telegram. Off (the default)
   * for tests that hand updates to the bot directly, where such ids are made up by the test.
   */
  strict?: boolean;
  /** Where unknown methods and failed requests are logged (warn); silent when absent. */
  logger?: Logger;
  /** Interface to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Port to listen on; 0 (any free port) unless given. */
  port?: number;
}

/** A file part of a multipart upload. */
export interface UploadedFile {
  filename: string;
  size: number;
  content: Buffer;
  /** The part's content-type, when the client sent one. */
  mimeType?: string;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).content);
}
