// The one structured logger; features and jobs take child loggers from it.
import { pino } from "pino";

export type Logger = pino.Logger;

/** What a secret is replaced by in every log line. */
export const REDACTED = "[redacted]";

export interface LoggerOptions {
  /**
   * Values that must never reach a log line — the bot token (it is in every Bot API URL, so in
   * the messages of network errors: "invalid json response body at …/bot<token>/getMe"), the
   * webhook secret. Each occurrence, wherever it is in the line (message, error, cause), is
   * replaced by REDACTED just before the line is written. Values shorter than 8 characters are
   * ignored (replacing them would garble ordinary text).
   */
  secrets?: (string | undefined)[];
  /** Where lines go (default stdout); tests pass a stream to read them. */
  destination?: pino.DestinationStream;
}

/**
 * The process's logger: JSON lines (pino) with ISO times, at `level` ("info", "debug" …), with
 * `options.secrets` redacted from every line (pino's own `redact` works on paths only, and a
 * token inside an error message has no path of its own).
 */
export function createLogger(level: string = "info", options: LoggerOptions = {}): Logger {
  const secrets = [...new Set(options.secrets ?? [])].filter(
    (secret): secret is string => typeof secret === "string" && secret.length >= 8,
  );
  const settings: pino.LoggerOptions = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (secrets.length > 0)
    settings.hooks = {
      streamWrite: (line) => secrets.reduce((text, secret) => text.split(secret).join(REDACTED), line),
    };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
