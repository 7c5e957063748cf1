// The working-day calendar's years: the files shipped in prisma/calendar/ (one per year, as
// the State Council publishes them) and the years an administrator loaded later
// (`npm run admin -- calendar load <file>`), which replace a shipped file of the same year.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CalendarFileError, parseCalendarFile } from "../../domain/calendar-file.js";
import type { CalendarYear } from "../../domain/working-days.js";

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
    throw new CalendarFileError([`${path} is not JSON (${error instanceof Error ? error.message : error})`]);
  }
  return parseCalendarFile(value);
}

/**
 * Every `<year>.json` of a folder (by default the shipped one), checked, oldest year first,
 * with the warnings of each (a year not confirmed by its notice).
 */
export function readCalendarDirectory(directory: string = shippedCalendarDirectory): {
  years: CalendarYear[];
  warnings: string[];
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
  return { years: loaded.map((l) => l.calendarYear), warnings: loaded.flatMap((l) => l.warnings) };
}
