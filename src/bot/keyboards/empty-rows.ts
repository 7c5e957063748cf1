// Inline keyboards are built by appending buttons and rows; a builder that adds a row and then
// nothing (a list with no entries, a card whose actions are all hidden) leaves an empty row.
// Telegram draws nothing for it, but it is noise: every call's reply_markup loses them here.
import type { Transformer } from "grammy";

type Row = readonly unknown[];

/**
 * The payload without the empty rows of its inline keyboard; the same object when it has
 * none (or no inline keyboard). A keyboard with only empty rows becomes `inline_keyboard: []`
 * (on an edit, Telegram removes the buttons). Pure; never throws.
 */
export function withoutEmptyKeyboardRows<P>(payload: P): P {
  const markup = (payload as { reply_markup?: unknown } | undefined)?.reply_markup;
  if (typeof markup !== "object" || markup === null) return payload;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows) || rows.every((row: Row) => !Array.isArray(row) || row.length > 0)) return payload;
  const kept = rows.filter((row: Row) => !Array.isArray(row) || row.length > 0);
  return { ...payload, reply_markup: { ...markup, inline_keyboard: kept } };
}

/** A grammY API transformer that sends every reply_markup without empty inline-keyboard rows. */
export const dropEmptyKeyboardRows: Transformer = (prev, method, payload, signal) =>
  prev(method, withoutEmptyKeyboardRows(payload), signal);
