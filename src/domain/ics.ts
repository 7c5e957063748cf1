// An iCalendar file (RFC 5545) for one event, so that a citizen can put an activity in their
// phone's calendar. Times are written in UTC ("Z"), which every calendar reads without a
// VTIMEZONE block; text values are escaped and lines folded at 75 octets, with CRLF.

export interface IcsEvent {
  /** Globally unique and stable, so that importing the file twice updates one event. */
  uid: string;
  /** When the file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** CONFIRMED or CANCELLED. */
  status?: "CONFIRMED" | "CANCELLED";
  /**
   * The revision (§3.8.7.4): 0 when first published, raised by each change, so that a calendar
   * importing a newer file with the same UID replaces the event instead of keeping the old one.
   */
  sequence?: number;
}

const PRODUCT_ID = "-//Liaison Station//Activity Notices//ZH";
const MAX_LINE_OCTETS = 75;

/** 20261205T010000Z */
export function formatUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Splits a content line into lines of at most 75 octets (§3.1): continuation lines start with
 * one space. Multi-byte UTF-8 characters (Chinese) are never cut in half.
 */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function buildIcs(event: IcsEvent): string {
  const properties: [string, string][] = [
    ["BEGIN", "VCALENDAR"],
    ["VERSION", "2.0"],
    ["PRODID", PRODUCT_ID],
    ["CALSCALE", "GREGORIAN"],
    ["METHOD", "PUBLISH"],
    ["BEGIN", "VEVENT"],
    ["UID", escapeText(event.uid)],
    ["SEQUENCE", String(event.sequence ?? 0)],
    ["DTSTAMP", formatUtc(event.stamp)],
    ["DTSTART", formatUtc(event.start)],
    ["DTEND", formatUtc(event.end)],
    ["SUMMARY", escapeText(event.summary)],
  ];
  if (event.location) properties.push(["LOCATION", escapeText(event.location)]);
  if (event.description) properties.push(["DESCRIPTION", escapeText(event.description)]);
  properties.push(["STATUS", event.status ?? "CONFIRMED"], ["END", "VEVENT"], ["END", "VCALENDAR"]);
  return `${properties.flatMap(([name, value]) => foldLine(`${name}:${value}`)).join("\r\n")}\r\n`;
}
