// Wall-clock times in the station's time zone (Asia/Shanghai by default), whatever the
// server's own zone: to and from UTC, and the local date and minute of the day that quiet
// hours, digests and schedules go by.

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's clock at an instant as numbers (year, month 1–12, day, hour 0–23, minute, second;
 * also `literal`: NaN), with one cached Intl formatter per zone.
 */
export function localParts(instant: Date, timeZone: string): Record<string, number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
}

/** The zone's offset from UTC at that instant, in milliseconds (e.g. +8 h for Shanghai). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2026-11-24": the calendar date at that instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month!)}-${two(p.day!)}`;
}

/**
 * An example of a future local time as "2026-12-03 09:00", for prompts: 09:00 on the day after
 * `now` in the zone (never a date already past).
 */
export function exampleLocalDateTime(now: Date, timeZone: string): string {
  return `${localDate(new Date(now.getTime() + 24 * 3_600_000), timeZone)} 09:00`;
}

/** Minutes since local midnight (0–1439). */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return p.hour! * 60 + p.minute!;
}

/** The instant at which the zone's clocks show this date and time. */
export function fromLocalTime(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let instant = guess - zoneOffsetMs(new Date(guess), timeZone);
  // A second pass settles times near an offset change (daylight saving elsewhere).
  instant = guess - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/**
 * Parses "2026-12-05 09:00" (also "2026/12/5 9:00", "2026-12-05T09:00", or full-width digits
 * and colon as typed on Chinese keyboards) as a time in the zone; undefined when invalid.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | undefined {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[：]/g, ":");
  const m = normalized.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+|T)(\d{1,2}):(\d{2})$/);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = fromLocalTime({ year, month, day, hour, minute }, timeZone);
  // Reject dates that roll over (2026-02-31).
  const back = new Date(date.getTime() + zoneOffsetMs(date, timeZone));
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) return undefined;
  return date;
}
