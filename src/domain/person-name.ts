// How a person is named wherever the bot names one: their Telegram name, else their
// @username, else — when neither has a character anyone can see (a first name made of a
// zero-width space, a Hangul filler or a blank braille pattern) — a label with their numeric
// Telegram id, so that "Raised by:" is never followed by nothing.

/** The name fields a User row carries (a Telegram id when the caller has it). */
export interface NameParts {
  firstName: string;
  lastName?: string | null;
  username?: string | null;
  telegramId?: bigint | number | string | null;
}

// Characters that render as nothing: format controls (zero-width space, joiners, marks of
// direction, the BOM), separators and controls, combining marks on their own, and the
// "letters" and symbols that are blank glyphs.
const invisible = /[\p{Cf}\p{Z}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when `text` has at least one character that is seen when printed. */
export function hasVisibleCharacter(text: string | null | undefined): boolean {
  return !!text && text.replace(invisible, "").length > 0;
}

/**
 * The name to show for a person, plain text (escape it for HTML). The full name when it has a
 * visible character; else "@username"; else "ID <telegramId>" ("ID ?" when the caller did not
 * load the id). Never empty.
 */
export function personName(person: NameParts): string {
  const parts = [person.firstName, person.lastName].filter((part) => hasVisibleCharacter(part));
  if (parts.length > 0) return parts.join(" ").trim();
  if (hasVisibleCharacter(person.username)) return `@${person.username}`;
  const id = person.telegramId;
  return `ID ${id === null || id === undefined || id === "" ? "?" : String(id)}`;
}
