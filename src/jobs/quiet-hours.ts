// Quiet hours (default 22:00–08:00 in TIME_ZONE): non-urgent messages either wait for the
// morning ("defer") or go out without sound ("silent", Telegram's disable_notification).
// Which messages are urgent is decided per message kind (src/domain/messages.ts).
import { localMinuteOfDay } from "../domain/local-time.js";

export interface QuietHours {
  /** Minutes after local midnight. A start after the end spans midnight. */
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** "22:00-08:00" → quiet hours; "off" → none. */
export function parseQuietHours(spec: string, timeZone: string): QuietHours | undefined {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(spec);
  if (!match) return undefined;
  const [, sh, sm, eh, em] = match.map(Number) as [number, number, number, number, number];
  const startMinute = sh * 60 + sm;
  const endMinute = eh * 60 + em;
  return startMinute === endMinute ? undefined : { startMinute, endMinute, timeZone };
}

export function isQuietTime(quiet: QuietHours | undefined, now: Date): boolean {
  if (!quiet) return false;
  const minute = localMinuteOfDay(now, quiet.timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first moment after `now` at which the quiet hours end (to the minute). Counted in local
 * minutes, so across a daylight-saving change it is an hour off; Asia/Shanghai has none.
 */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date {
  const minute = localMinuteOfDay(now, quiet.timeZone);
  const minutesLeft = (quiet.endMinute - minute + 1440) % 1440 || 1440;
  const intoMinute = now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
  return new Date(now.getTime() + minutesLeft * 60_000 - intoMinute);
}
