// The periods statistics are asked for — this month, last month, this year, a year, a month
// or a custom range of dates — as local dates in the station's time zone and the instants
// that bound them.
import { fromLocalTime, localDate } from "../local-time.js";

export type PeriodChoice =
  | { kind: "this-month" | "last-month" | "this-year" }
  | { kind: "year"; year: number }
  | { kind: "month"; month: string }
  | { kind: "custom"; from: string; to: string };

export interface Period {
  choice: PeriodChoice;
  /** First local date, inclusive ("2026-01-01"). */
  from: string;
  /** Last local date, inclusive ("2026-01-31"). */
  to: string;
  /** The instant the first date begins in the zone. */
  start: Date;
  /** The instant after the last date ends (exclusive bound). */
  end: Date;
}

export class InvalidPeriodError extends Error {
  constructor(readonly detail: string) {
    super(`invalid period: ${detail}`);
    this.name = "InvalidPeriodError";
  }
}

/** The longest custom range accepted, in days (ten years). */
export const MAX_RANGE_DAYS = 3660;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** "2026-02-28" from numbers, normalising overflow (day 0 = the last day of the previous month). */
function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The instant local midnight of `date` begins in the zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const { year, month, day } = parts(date);
  return fromLocalTime({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** A calendar date that really exists ("2026-02-30" does not). */
export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { year, month, day } = parts(date);
  return isoDate(year, month, day) === date && year >= 2000 && year <= 2100;
}

/** The inclusive local date range of a choice, at `now` in `timeZone`; InvalidPeriodError when it is not a valid range. */
export function resolvePeriod(choice: PeriodChoice, now: Date, timeZone: string): Period {
  const today = parts(localDate(now, timeZone));
  let from: string;
  let to: string;
  switch (choice.kind) {
    case "this-month":
      from = isoDate(today.year, today.month, 1);
      to = isoDate(today.year, today.month + 1, 0);
      break;
    case "last-month":
      from = isoDate(today.year, today.month - 1, 1);
      to = isoDate(today.year, today.month, 0);
      break;
    case "this-year":
      from = `${today.year}-01-01`;
      to = `${today.year}-12-31`;
      break;
    case "year":
      if (!Number.isInteger(choice.year) || choice.year < 2000 || choice.year > 2100)
        throw new InvalidPeriodError(`year ${choice.year}`);
      from = `${choice.year}-01-01`;
      to = `${choice.year}-12-31`;
      break;
    case "month": {
      if (!/^\d{4}-\d{2}$/.test(choice.month) || !isValidDate(`${choice.month}-01`))
        throw new InvalidPeriodError(`month ${choice.month}`);
      const { year, month } = parts(`${choice.month}-01`);
      from = isoDate(year, month, 1);
      to = isoDate(year, month + 1, 0);
      break;
    }
    case "custom":
      from = choice.from;
      to = choice.to;
      if (!isValidDate(from) || !isValidDate(to)) throw new InvalidPeriodError(`${from} – ${to}`);
      if (from > to) throw new InvalidPeriodError(`${from} is after ${to}`);
      break;
  }
  const start = startOfLocalDate(from, timeZone);
  const { year, month, day } = parts(to);
  const end = startOfLocalDate(isoDate(year, month, day + 1), timeZone);
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new InvalidPeriodError("longer than ten years");
  return { choice, from, to, start, end };
}

/**
 * Two dates typed by a person: "2026-01-01 2026-03-31", with "~", "–", "至" or "到" between
 * them, "/" or "." inside them, full-width digits allowed. Undefined when it is not two valid dates.
 */
export function parseDateRange(text: string): { from: string; to: string } | undefined {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[年月]/g, "-")
    .replace(/日/g, "");
  const m = normalized.match(
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*(?:~|～|–|—|-|至|到|\s)\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  );
  if (!m) return undefined;
  const [y1, m1, d1, y2, m2, d2] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const from = `${y1}-${pad(m1)}-${pad(d1)}`;
  const to = `${y2}-${pad(m2)}-${pad(d2)}`;
  return isValidDate(from) && isValidDate(to) ? { from, to } : undefined;
}

/** The months ("2026-01" …) a period touches, in order. */
export function monthsOf(period: Pick<Period, "from" | "to">): string[] {
  const months: string[] = [];
  let { year, month } = parts(period.from);
  const last = period.to.slice(0, 7);
  for (;;) {
    const current = `${year}-${pad(month)}`;
    months.push(current);
    if (current >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** "2026-10": the month before the one `now` falls in, in `timeZone`. */
export function previousMonth(now: Date, timeZone: string): string {
  const today = parts(localDate(now, timeZone));
  return isoDate(today.year, today.month - 1, 1).slice(0, 7);
}
