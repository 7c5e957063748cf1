// Working days (工作日) on the State Council's calendar: Monday to Friday, less the public
// holidays and the days given off around them (放假调休), plus the Saturdays and Sundays worked
// instead (调休上班). The days of each year come from a data file (prisma/calendar/<year>.json,
// parsed by calendar-file.ts); a year without one falls back to plain weekends, and
// `calendarCoverage` says so, so that the caller can warn.
//
// Every function here takes the time zone in which the days are counted (TIME_ZONE, Asia/Shanghai
// by default) and never reads the host's own zone: an instant is turned into the zone's calendar
// date first, and the rest is arithmetic on whole days.
import { fromLocalTime, localDate } from "./local-time.js";

/** A calendar date "YYYY-MM-DD", meaning that day in the station's time zone. */
export type LocalDate = string;

/** The days of one year as the State Council's notice publishes them. */
export interface CalendarYear {
  year: number;
  /** False while the year's notice is not published and the days are only the statutory ones. */
  confirmed: boolean;
  /** Days off (放假), including weekends inside a holiday, "YYYY-MM-DD". */
  offDays: readonly LocalDate[];
  /** Saturdays and Sundays that are working days (调休上班), "YYYY-MM-DD". */
  makeUpWorkingDays: readonly LocalDate[];
}

/** The working-day calendar built from some years; see `createWorkingCalendar`. */
export interface WorkingCalendar {
  /** The years that have data, and whether each is confirmed by its notice. */
  readonly years: ReadonlyMap<number, { confirmed: boolean }>;
  readonly offDays: ReadonlySet<number>;
  readonly makeUpDays: ReadonlySet<number>;
  /** Day numbers of the off days that fall Monday to Friday, ascending (for counting). */
  readonly offWeekdays: readonly number[];
  /** Day numbers of the make-up working days that fall on a weekend, ascending. */
  readonly makeUpWeekendDays: readonly number[];
}

/** A string that is not a real calendar date "YYYY-MM-DD". */
export class InvalidLocalDateError extends Error {
  override name = "InvalidLocalDateError";
  constructor(readonly value: string) {
    super(`not a calendar date "YYYY-MM-DD": "${value}"`);
  }
}

/** The longest span `addWorkingDays` counts, in working days (about 14 years). */
export const maxWorkingDays = 3650;

const dayMs = 86_400_000;

/** Days since 1970-01-01 of a calendar date; throws InvalidLocalDateError. */
export function dayNumber(date: LocalDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new InvalidLocalDateError(date);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new InvalidLocalDateError(date);
  return utc / dayMs;
}

/** The calendar date "YYYY-MM-DD" of a day number (days since 1970-01-01). */
export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/**
 * Builds a calendar from years of data. A year given twice keeps the last one, so that a year
 * loaded by the admin (from the database) replaces the file shipped with the code.
 */
export function createWorkingCalendar(years: readonly CalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const offDays = new Set<number>();
  const makeUpDays = new Set<number>();
  for (const y of byYear.values()) {
    for (const d of y.offDays) offDays.add(dayNumber(d));
    for (const d of y.makeUpWorkingDays) makeUpDays.add(dayNumber(d));
  }
  const ascending = (a: number, b: number) => a - b;
  return {
    years: new Map([...byYear.values()].map((y) => [y.year, { confirmed: y.confirmed }])),
    offDays,
    makeUpDays,
    // A make-up working day wins over an off day, and only weekdays can be "lost" to a holiday.
    offWeekdays: [...offDays].filter((d) => !isWeekend(d) && !makeUpDays.has(d)).sort(ascending),
    makeUpWeekendDays: [...makeUpDays].filter(isWeekend).sort(ascending),
  };
}

/**
 * Whether the calendar has the notice's days for that year: "confirmed", "unconfirmed" (only the
 * statutory days, the notice not yet loaded) or "missing" (weekends only).
 */
export function calendarCoverage(
  calendar: WorkingCalendar,
  year: number,
): "confirmed" | "unconfirmed" | "missing" {
  const y = calendar.years.get(year);
  return y === undefined ? "missing" : y.confirmed ? "confirmed" : "unconfirmed";
}

function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  if (calendar.makeUpDays.has(day)) return true;
  if (calendar.offDays.has(day)) return false;
  return !isWeekend(day);
}

/** Whether that calendar date is a working day; throws InvalidLocalDateError. */
export function isWorkingDate(calendar: WorkingCalendar, date: LocalDate): boolean {
  return isWorkingDayNumber(calendar, dayNumber(date));
}

/** Whether the day on which the instant falls, in the time zone, is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, instant: Date, timeZone: string): boolean {
  return isWorkingDate(calendar, localDate(instant, timeZone));
}

/** The last millisecond of that calendar date in the zone (23:59:59.999 local time). */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [year, month, day] = dateOfDayNumber(dayNumber(date) + 1)
    .split("-")
    .map(Number) as [number, number, number];
  return new Date(fromLocalTime({ year, month, day, hour: 0, minute: 0 }, timeZone).getTime() - 1);
}

/**
 * The n-th working day after a date: the date itself never counts (as a period in days starts
 * on the next day, Civil Code art. 201), so the 1st working day after a Friday is the next
 * Monday, or a make-up Saturday. Throws RangeError unless n is a whole number from 1 to
 * `maxWorkingDays`.
 */
export function nthWorkingDateAfter(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 1 || n > maxWorkingDays)
    throw new RangeError(`working days must be a whole number from 1 to ${maxWorkingDays} (got ${n})`);
  let day = dayNumber(date);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorkingDayNumber(calendar, day)) counted += 1;
  }
  return dateOfDayNumber(day);
}

/**
 * The n-th working day before a date (the date itself never counts): the 1st working day before
 * Tuesday 2026-02-24 is the make-up Saturday 2026-02-14. Throws RangeError as `nthWorkingDateAfter`.
 */
export function nthWorkingDateBefore(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 1 || n > maxWorkingDays)
    throw new RangeError(`working days must be a whole number from 1 to ${maxWorkingDays} (got ${n})`);
  let day = dayNumber(date);
  for (let counted = 0; counted < n; ) {
    day -= 1;
    if (isWorkingDayNumber(calendar, day)) counted += 1;
  }
  return dateOfDayNumber(day);
}

/**
 * "n working days after X" as a deadline: the end (23:59:59.999 in the zone) of the n-th
 * working day after the day on which X falls; the day of X does not count, however early X is.
 * A deadline falls due at the end of its last day (Civil Code art. 203: "截止时间为二十四时"), so
 * a referral made on Friday 2026-02-13 with 2 working days is due at the end of Tuesday
 * 2026-02-24: Saturday 02-14 is a make-up working day, 02-15…02-23 the Spring Festival.
 * Overdue means `now > deadline`. Throws RangeError for n outside 1…`maxWorkingDays`.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: Date, n: number, timeZone: string): Date {
  return endOfLocalDay(nthWorkingDateAfter(calendar, localDate(from, timeZone), n), timeZone);
}

/** Number of Mondays to Fridays among day numbers [0, day), extended below 0 as a prefix count. */
function weekdaysBefore(day: number): number {
  const sinceMonday = day - 4; // 1970-01-05 was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

/** How many entries of an ascending list are <= x. */
function countUpTo(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days after `from` up to and including `to` (both calendar dates): 0 for the same
 * day, negative when `to` is earlier. The inverse of `nthWorkingDateAfter`: counting from X to
 * the n-th working day after X gives n. Constant time in the span (no day-by-day loop), so that
 * statistics can count over many cases.
 */
export function countWorkingDates(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -countWorkingDates(calendar, to, from);
  const weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
  const lost = countUpTo(calendar.offWeekdays, b) - countUpTo(calendar.offWeekdays, a);
  const gained = countUpTo(calendar.makeUpWeekendDays, b) - countUpTo(calendar.makeUpWeekendDays, a);
  return weekdays - lost + gained;
}

/**
 * Working days between two instants, counted on the zone's calendar dates as
 * `countWorkingDates` does: the working days after the day of `from`, up to and including the day
 * of `to`. So `workingDaysBetween(x, addWorkingDays(x, n))` is n, and a referral answered on the
 * day it was sent took 0 working days.
 */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  timeZone: string,
): number {
  return countWorkingDates(calendar, localDate(from, timeZone), localDate(to, timeZone));
}

/** The first working day of a month (month 1–12), e.g. 2026-02-02 or a make-up day. */
export function firstWorkingDayOfMonth(calendar: WorkingCalendar, year: number, month: number): LocalDate {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`month must be 1 to 12 (got ${month})`);
  const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  if (isWorkingDate(calendar, first)) return first;
  return nthWorkingDateAfter(calendar, first, 1);
}

/** A span during which a case's clock stood still (waiting for the citizen); `to` null = still paused. */
export interface ClockPause {
  from: Date;
  to: Date | null;
}

/**
 * A deadline moved on by the time its clock was paused (a case waiting for the citizen's
 * clarification: the time to supplement a case does not count towards the time to handle it).
 * Each pause adds the working days it covered, counted as `workingDaysBetween(pause.from,
 * pause.to)`: the day the pause starts still counts, the days after it up to and including the
 * day the clock restarts do not; a pause within one day adds nothing. Overlapping pauses count
 * once; a pause that starts after the (moved) deadline has passed does not move it. Returns null
 * while a pause that started before the deadline is still open: the clock stands still and
 * there is no deadline until it restarts.
 */
export function deadlineWithPauses(
  calendar: WorkingCalendar,
  deadline: Date,
  pauses: readonly ClockPause[],
  timeZone: string,
): Date | null {
  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  let current = deadline;
  let pausedUntil: Date | undefined;
  for (const pause of sorted) {
    if (pause.from > current) break;
    if (pause.to === null) return null;
    const from = pausedUntil && pausedUntil > pause.from ? pausedUntil : pause.from;
    if (pause.to <= from) continue;
    const extra = workingDaysBetween(calendar, from, pause.to, timeZone);
    if (extra > 0) current = addWorkingDays(calendar, current, extra, timeZone);
    pausedUntil = pause.to;
  }
  return current;
}
