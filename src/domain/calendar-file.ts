// The file format of one year's holidays (prisma/calendar/<year>.json), as the State Council's
// notice (国务院办公厅关于<year>年部分节假日安排的通知) publishes them: for each holiday the days
// off (放假调休, "共N天") and the weekend days worked instead (上班). A file is checked here
// before it is used or stored, so that a typing mistake is refused instead of moving deadlines.
import { z } from "zod";
import { type CalendarYear, dateOfDayNumber, dayNumber, InvalidLocalDateError } from "./working-days.js";

/** The day number of a date, or undefined when it is not one. */
function dayNumberOrUndefined(value: string): number | undefined {
  try {
    return dayNumber(value);
  } catch (error) {
    if (error instanceof InvalidLocalDateError) return undefined;
    throw error;
  }
}

const localDate = z.string().refine((value) => dayNumberOrUndefined(value) !== undefined, {
  message: 'must be a calendar date "YYYY-MM-DD"',
});
const text = z.string().trim().min(1, "must not be empty");

const holidaySchema = z.strictObject({
  /** The holiday's name as in the notice, e.g. "春节". */
  name: text,
  nameEn: text,
  /** First and last day off, inclusive. */
  from: localDate,
  to: localDate,
  /** The notice's "共N天": must equal the days from `from` to `to`. */
  days: z.number().int().min(1).max(31),
  /** Saturdays and Sundays worked instead (调休上班). */
  makeUpWorkingDays: z.array(localDate),
});

export const calendarFileSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** True only when every date is from the published notice. */
    confirmed: z.boolean(),
    source: z.strictObject({
      title: text,
      /** e.g. "国办发明电〔2025〕7号"; required when confirmed. */
      documentNumber: text.optional(),
      issuedOn: localDate,
      url: z.url().optional(),
    }),
    /** What is known and what is not; required when not confirmed. */
    note: text.optional(),
    holidays: z.array(holidaySchema),
  })
  .superRefine((file, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (file.confirmed && !file.source.documentNumber)
      problem(["source", "documentNumber"], "a confirmed year must cite the notice's document number");
    if (!file.confirmed && !file.note)
      problem(["note"], "an unconfirmed year must say in a note what is not confirmed");
    // A notice may start 元旦 or its make-up day in the December before (the 2019 notice did).
    const inYear = (date: string) =>
      date.startsWith(`${file.year}-`) || date.startsWith(`${file.year - 1}-12-`);
    const notInYear = (date: string) => `${date} is not in ${file.year} (or the December before)`;
    const taken = new Map<number, string>();
    file.holidays.forEach((holiday, index) => {
      const at = ["holidays", index];
      const from = dayNumberOrUndefined(holiday.from);
      const to = dayNumberOrUndefined(holiday.to);
      if (from === undefined || to === undefined) return; // already reported
      for (const [key, date] of [
        ["from", holiday.from],
        ["to", holiday.to],
      ] as const)
        if (!inYear(date)) problem([...at, key], notInYear(date));
      if (to < from) problem([...at, "to"], `ends (${holiday.to}) before it starts (${holiday.from})`);
      else if (to - from + 1 !== holiday.days)
        problem(
          [...at, "days"],
          `${holiday.from}…${holiday.to} is ${to - from + 1} days, not ${holiday.days}`,
        );
      for (let day = from; day <= to; day++) {
        const other = taken.get(day);
        if (other !== undefined) problem(at, `${dateOfDayNumber(day)} is already a day off of ${other}`);
        taken.set(day, holiday.name);
      }
      holiday.makeUpWorkingDays.forEach((date, i) => {
        if (dayNumberOrUndefined(date) === undefined) return;
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6)
          problem(
            [...at, "makeUpWorkingDays", i],
            `${date} is a weekday, so it cannot be a make-up working day`,
          );
        if (!inYear(date)) problem([...at, "makeUpWorkingDays", i], notInYear(date));
      });
    });
    for (const [index, holiday] of file.holidays.entries())
      for (const [i, date] of holiday.makeUpWorkingDays.entries()) {
        const day = dayNumberOrUndefined(date);
        if (day !== undefined && taken.has(day))
          problem(["holidays", index, "makeUpWorkingDays", i], `${date} is also a day off`);
      }
  });

export type CalendarFile = z.infer<typeof calendarFileSchema>;

/** A calendar file that does not pass the checks; `problems` are "path: message" lines. */
export class CalendarFileError extends Error {
  override name = "CalendarFileError";
  constructor(
    readonly problems: string[],
    /** The file's path, when it came from one. */
    readonly file?: string,
  ) {
    super(`invalid calendar file${file ? ` ${file}` : ""}: ${problems.join("; ")}`);
  }
}

/** The days of a checked file, as the calendar uses them. */
export function calendarYearOf(file: CalendarFile): CalendarYear {
  const offDays: string[] = [];
  for (const holiday of file.holidays)
    for (let day = dayNumber(holiday.from); day <= dayNumber(holiday.to); day++)
      offDays.push(dateOfDayNumber(day));
  return {
    year: file.year,
    confirmed: file.confirmed,
    offDays,
    makeUpWorkingDays: file.holidays.flatMap((h) => h.makeUpWorkingDays),
  };
}

/**
 * Checks a parsed JSON value against the calendar file format and returns the file, its days,
 * and warnings to show whoever loads it (a year not confirmed by its notice). Throws
 * CalendarFileError naming each problem by its path (e.g. "holidays.1.days: …").
 */
export function parseCalendarFile(value: unknown): {
  file: CalendarFile;
  calendarYear: CalendarYear;
  warnings: string[];
} {
  const result = calendarFileSchema.safeParse(value);
  if (!result.success)
    throw new CalendarFileError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`),
    );
  const file = result.data;
  const warnings = file.confirmed
    ? []
    : [`the ${file.year} calendar is not confirmed by the State Council's notice: ${file.note}`];
  return { file, calendarYear: calendarYearOf(file), warnings };
}
