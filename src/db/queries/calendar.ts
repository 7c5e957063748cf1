// The working-day calendar's years: the files shipped in prisma/calendar/ (one per year, as
// the State Council publishes them) and the years an administrator loaded later
// (`npm run admin -- calendar load <file>`), which replace a shipped file of the same year.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CalendarFileError, parseCalendarFile } from "../../domain/calendar-file.js";
import { type CalendarYear, createWorkingCalendar, type WorkingCalendar } from "../../domain/working-days.js";
import type { Prisma } from "../client.js";

/** The folder of the calendar files shipped with the code. */
export const shippedCalendarDirectory = fileURLToPath(new URL("../../../prisma/calendar/", import.meta.url));

/** A checked calendar file: its days, the file as written, and warnings for whoever loads it. */
export type LoadedCalendarFile = ReturnType<typeof parseCalendarFile>;

/**
 * Reads and checks one calendar file. Throws CalendarFileError (the file's problems, or that it
 * is not JSON) and the file system's errors (a missing file).
 */
export function readCalendarFile(path: string): LoadedCalendarFile {
  const raw = readFileSync(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CalendarFileError([`not JSON (${error instanceof Error ? error.message : error})`], path);
  }
  try {
    return parseCalendarFile(value);
  } catch (error) {
    if (error instanceof CalendarFileError) throw new CalendarFileError(error.problems, path);
    throw error;
  }
}

/**
 * Every `<year>.json` of a folder (by default the shipped one), checked, oldest year first,
 * with the warnings of each (a year not confirmed by its notice).
 */
export function readCalendarDirectory(directory: string = shippedCalendarDirectory): {
  years: CalendarYear[];
  warnings: string[];
  files: LoadedCalendarFile[];
} {
  const names = readdirSync(directory)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort();
  const loaded = names.map((name) => {
    const file = readCalendarFile(join(directory, name));
    if (`${file.file.year}.json` !== name)
      throw new CalendarFileError([
        `${name} holds the year ${file.file.year}: name it ${file.file.year}.json`,
      ]);
    return file;
  });
  return {
    years: loaded.map((l) => l.calendarYear),
    warnings: loaded.flatMap((l) => l.warnings),
    files: loaded,
  };
}

/**
 * Stores a checked calendar file as that year's calendar, replacing one loaded before (and,
 * when the calendar is built, the shipped file of the same year).
 */
export async function storeCalendarYear(
  prisma: Prisma,
  loaded: LoadedCalendarFile,
  now: Date,
): Promise<void> {
  const { year, confirmed } = loaded.file;
  const file = JSON.stringify(loaded.file);
  await prisma.workingCalendarYear.upsert({
    where: { year },
    create: { year, confirmed, file, loadedAt: now },
    update: { confirmed, file, loadedAt: now },
  });
}

/** Where each year of the calendar comes from, for `calendar list`. */
export interface CalendarYearSource {
  year: number;
  confirmed: boolean;
  source: "shipped" | "loaded";
  loadedAt: Date | null;
  offDays: number;
  makeUpWorkingDays: number;
}

/**
 * The working-day calendar: the shipped files (`directory`) with the years loaded into the
 * database in their place, its warnings (years not confirmed by their notice) and where each
 * year comes from. Throws CalendarFileError when a file or a stored year no longer passes the
 * checks.
 */
export async function loadWorkingCalendar(
  prisma: Prisma,
  directory: string = shippedCalendarDirectory,
): Promise<{ calendar: WorkingCalendar; warnings: string[]; years: CalendarYearSource[] }> {
  const shipped = readCalendarDirectory(directory);
  const rows = await prisma.workingCalendarYear.findMany({ orderBy: { year: "asc" } });
  const loaded = new Map(
    rows.map((row) => {
      try {
        return [row.year, { ...parseCalendarFile(JSON.parse(row.file)), loadedAt: row.loadedAt }] as const;
      } catch (error) {
        const problems = error instanceof CalendarFileError ? error.problems : [String(error)];
        throw new CalendarFileError(problems.map((p) => `stored year ${row.year}: ${p}`));
      }
    }),
  );
  const years: CalendarYearSource[] = [];
  const calendarYears: CalendarYear[] = [];
  const warnings: string[] = [];
  const allYears = [...new Set([...shipped.files.map((f) => f.file.year), ...loaded.keys()])].sort(
    (a, b) => a - b,
  );
  for (const year of allYears) {
    const fromDb = loaded.get(year);
    const chosen = fromDb ?? shipped.files.find((f) => f.file.year === year)!;
    calendarYears.push(chosen.calendarYear);
    warnings.push(...chosen.warnings);
    years.push({
      year,
      confirmed: chosen.file.confirmed,
      source: fromDb ? "loaded" : "shipped",
      loadedAt: fromDb?.loadedAt ?? null,
      offDays: chosen.calendarYear.offDays.length,
      makeUpWorkingDays: chosen.calendarYear.makeUpWorkingDays.length,
    });
  }
  return { calendar: createWorkingCalendar(calendarYears), warnings, years };
}
