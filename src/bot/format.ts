// Text helpers shared by replies and queued notifications. Messages use HTML parse mode,
// so every value that comes from a user is escaped before it reaches a template.

import { type NameParts, personName } from "../domain/person-name.js";
import type { Translate } from "../jobs/delivery.js";

export type { Translate };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shortens user text for list rows and previews, counting code points (Chinese-safe). */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}

/**
 * A person's name as the bot shows it, plain text: never empty, never invisible (falls back
 * to @username, then "ID <telegram id>"; src/domain/person-name.ts). Pass the row's
 * telegramId so that the fallback can name the person.
 */
export function displayName(user: NameParts): string {
  return personName(user);
}
