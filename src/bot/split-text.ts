// The one splitter of long texts: whatever the bot sends — a concern, a case's Details, a
// reply, a timeline, a broadcast — that is longer than Telegram takes in one message is sent
// as several, never cut. Telegram counts a text's length in UTF-16 code units *after*
// parsing (tags count nothing, "&amp;" counts one), 4,096 for a text and 1,024 for a caption.
// A cut falls on a grapheme boundary (never inside a surrogate pair, an emoji sequence, an
// HTML entity or a tag), after a line break or a space when one is in the second half of the
// piece; formatting open at a cut is closed at the end of one piece and opened again at the
// start of the next.
import type { MessageEntity } from "grammy/types";

/** Telegram's limit on a text message, in UTF-16 code units after parsing. */
export const MAX_TEXT_LENGTH = 4096;
/** Telegram's limit on a caption, in UTF-16 code units after parsing. */
export const MAX_CAPTION_LENGTH = 1024;

type Token =
  | { kind: "open"; raw: string; name: string }
  | { kind: "close"; raw: string; name: string }
  /** A grapheme or an entity; `length` is what Telegram counts for it. */
  | { kind: "text"; raw: string; length: number; brk: "line" | "space" | null };

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

function textTokens(text: string, tokens: Token[]): void {
  for (const { segment } of segmenter.segment(text)) {
    const brk = segment === "\n" || segment === "\r\n" ? "line" : /^\s$/u.test(segment) ? "space" : null;
    tokens.push({ kind: "text", raw: segment, length: segment.length, brk });
  }
}

const markup = /<\/?([a-zA-Z][\w-]*)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;

/** Telegram-HTML as tokens: tags, entities and graphemes of the text between them. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of html.matchAll(markup)) {
    const at = match.index;
    if (at > last) textTokens(html.slice(last, at), tokens);
    const raw = match[0];
    if (raw.startsWith("&")) {
      const code = raw.startsWith("&#")
        ? Number.parseInt(raw.slice(raw[2] === "x" ? 3 : 2, -1), raw[2] === "x" ? 16 : 10)
        : 0;
      tokens.push({ kind: "text", raw, length: code > 0xffff ? 2 : 1, brk: null });
    } else {
      const name = match[1]!.toLowerCase();
      tokens.push(raw.startsWith("</") ? { kind: "close", raw, name } : { kind: "open", raw, name });
    }
    last = at + raw.length;
  }
  if (last < html.length) textTokens(html.slice(last), tokens);
  return tokens;
}

type Open = Extract<Token, { kind: "open" }>;

function applyTag(stack: Open[], token: Token): void {
  if (token.kind === "open") stack.push(token);
  else if (token.kind === "close") {
    const index = stack.findLastIndex((open) => open.name === token.name);
    if (index >= 0) stack.splice(index, 1);
  }
}

const closing = (stack: Open[]) =>
  [...stack]
    .reverse()
    .map((open) => `</${open.name}>`)
    .join("");

/** The limit of piece `index`: the last one given goes on for all later pieces. */
const limitOf = (limits: readonly number[], index: number) => limits[Math.min(index, limits.length - 1)]!;

/**
 * Splits Telegram-HTML into pieces that each fit their limit (counted as Telegram counts,
 * after parsing). `limits` is one limit for every piece, or a list (e.g. [1024, 4096]: a
 * caption, then texts). A text that fits is returned as it is, in one piece; "" gives [].
 */
export function splitHtml(html: string, limits: number | readonly number[] = MAX_TEXT_LENGTH): string[] {
  const limitList = typeof limits === "number" ? [limits] : limits;
  const tokens = tokenize(html);
  const pieces: string[] = [];
  let carried: Open[] = [];
  let start = 0;
  while (start < tokens.length) {
    const limit = limitOf(limitList, pieces.length);
    const stack = [...carried];
    let length = 0;
    let end = start;
    // The latest place after a line break, and after a space, with the tags open there.
    let line: { end: number; stack: Open[]; length: number } | undefined;
    let space: typeof line;
    while (end < tokens.length) {
      const token = tokens[end]!;
      if (token.kind === "text" && length + token.length > limit) break;
      applyTag(stack, token);
      if (token.kind === "text") {
        length += token.length;
        if (token.brk === "line") line = { end: end + 1, stack: [...stack], length };
        else if (token.brk === "space") space = { end: end + 1, stack: [...stack], length };
      }
      end++;
    }
    let cut = { end, stack };
    if (end < tokens.length) {
      const good = [line, space].find((place) => place && place.length >= limit / 2);
      if (good) cut = good;
    }
    if (cut.end === start) break; // a limit below one grapheme: nothing more can be placed
    const body = tokens
      .slice(start, cut.end)
      .map((token) => token.raw)
      .join("");
    const piece = carried.map((open) => open.raw).join("") + body + closing(cut.stack);
    if (tokens.slice(start, cut.end).some((t) => t.kind === "text" && t.raw.trim() !== ""))
      pieces.push(piece);
    carried = cut.stack;
    start = cut.end;
  }
  return pieces;
}

/** A plain text with the entities a person's own message came with. */
export interface EntityText {
  text: string;
  entities: MessageEntity[];
}

/**
 * Splits a plain text with its entities (offsets in UTF-16 code units, as Telegram gives them)
 * into pieces within `limits` (see splitHtml); each piece keeps the part of every entity that
 * falls in it, its offsets made relative to the piece.
 */
export function splitEntityText(
  { text, entities }: EntityText,
  limits: number | readonly number[] = MAX_TEXT_LENGTH,
): EntityText[] {
  const limitList = typeof limits === "number" ? [limits] : limits;
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment);
  const pieces: EntityText[] = [];
  let index = 0;
  let offset = 0;
  while (index < graphemes.length) {
    const limit = limitOf(limitList, pieces.length);
    let length = 0;
    let end = index;
    let line: { end: number; length: number } | undefined;
    let space: typeof line;
    while (end < graphemes.length && length + graphemes[end]!.length <= limit) {
      const g = graphemes[end]!;
      length += g.length;
      end++;
      if (g === "\n" || g === "\r\n") line = { end, length };
      else if (/^\s$/u.test(g)) space = { end, length };
    }
    let cut = { end, length };
    if (end < graphemes.length) cut = [line, space].find((p) => p && p.length >= limit / 2) ?? cut;
    if (cut.end === index) break;
    const pieceText = graphemes.slice(index, cut.end).join("");
    const from = offset;
    const to = offset + cut.length;
    const pieceEntities = entities.flatMap((entity) => {
      const a = Math.max(entity.offset, from);
      const b = Math.min(entity.offset + entity.length, to);
      return b > a ? [{ ...entity, offset: a - from, length: b - a }] : [];
    });
    if (pieceText.trim() !== "") pieces.push({ text: pieceText, entities: pieceEntities });
    index = cut.end;
    offset = to;
  }
  return pieces;
}
