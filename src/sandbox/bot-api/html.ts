// Telegram's HTML formatting (Bot API "HTML style"): the supported tags become message
// entities, anything else is the 400 "can't parse entities" Telegram answers. Tokenized by
// htmlparser2; the rules (which tags, which attributes, strict nesting) are Telegram's.
import { Tokenizer } from "htmlparser2";
import { badRequest } from "./replies.js";

export interface MessageEntity {
  type: string;
  /** In UTF-16 code units, as Telegram counts them. */
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const TAG_ENTITY: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

interface OpenTag {
  name: string;
  /** Where its text starts, in UTF-16 code units of the parsed text. */
  offset: number;
  attributes: Map<string, string>;
}

const cantParse = (what: string) => badRequest(`can't parse entities: ${what}`);

/**
 * Parses `source` the way Telegram parses parse_mode "HTML". Returns the plain text and its
 * entities (offsets in UTF-16 code units). Throws BotApiError 400 "Bad Request: can't parse
 * entities: …" for an unsupported tag, an end tag that does not close the innermost open tag,
 * or a tag left open; byte offsets in those messages count UTF-8 bytes, as Telegram's do.
 */
export function parseHtml(source: string): FormattedText {
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index));
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let text = "";
  let tag: OpenTag | undefined;
  let tagStart = 0;
  let attribute: { name: string; value: string } | undefined;

  const close = (open: OpenTag) => {
    const parent = stack.at(-1);
    const language = /^language-(.+)$/.exec(open.attributes.get("class") ?? "")?.[1];
    // <pre><code class="language-x">: one pre entity with that language, as Telegram makes it.
    if (open.name === "code" && language && parent?.name === "pre") {
      parent.attributes.set("language", language);
      return;
    }
    const length = text.length - open.offset;
    const entity = entityOf(open, length);
    if (entity && length > 0) entities.push(entity);
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        text += source.slice(start, end);
      },
      ontextentity(codepoint) {
        text += String.fromCodePoint(codepoint);
      },
      onopentagname(start, end) {
        const name = source.slice(start, end).toLowerCase();
        tagStart = start - 1;
        if (!(name in TAG_ENTITY))
          throw cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(tagStart)}`);
        tag = { name, offset: text.length, attributes: new Map() };
      },
      onattribname(start, end) {
        attribute = { name: source.slice(start, end).toLowerCase(), value: "" };
      },
      onattribdata(start, end) {
        if (attribute) attribute.value += source.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (tag && attribute) tag.attributes.set(attribute.name, attribute.value);
        attribute = undefined;
      },
      onopentagend() {
        if (!tag) return;
        if (tag.name === "span" && tag.attributes.get("class") !== "tg-spoiler")
          throw cantParse(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(tagStart)}`);
        stack.push(tag);
        tag = undefined;
      },
      onselfclosingtag() {
        // <b/>: an element with no text, so no entity.
        tag = undefined;
      },
      onclosetag(start, end) {
        const name = source.slice(start, end).toLowerCase();
        const open = stack.pop();
        if (!open) throw cantParse(`Unexpected end tag at byte offset ${byteOffset(start - 2)}`);
        if (open.name !== name)
          throw cantParse(
            `Unmatched end tag at byte offset ${byteOffset(start - 2)}, expected "</${open.name}>", found "</${name}>"`,
          );
        close(open);
      },
      oncomment(start) {
        throw cantParse(`Unsupported start tag "!--" at byte offset ${byteOffset(start - 4)}`);
      },
      ondeclaration(start) {
        throw cantParse(`Unsupported start tag "!" at byte offset ${byteOffset(start - 2)}`);
      },
      onprocessinginstruction(start) {
        throw cantParse(`Unsupported start tag "?" at byte offset ${byteOffset(start - 1)}`);
      },
      oncdata(start) {
        throw cantParse(`Unsupported start tag "![CDATA[" at byte offset ${byteOffset(start - 9)}`);
      },
      onend() {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
  const unclosed = stack.at(-1);
  if (unclosed) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function entityOf(open: OpenTag, length: number): MessageEntity | undefined {
  const type = TAG_ENTITY[open.name]!;
  const base = { offset: open.offset, length };
  switch (open.name) {
    case "a": {
      const url = open.attributes.get("href");
      return url ? { type, ...base, url } : undefined;
    }
    case "pre": {
      const language = open.attributes.get("language");
      return language ? { type, ...base, language } : { type, ...base };
    }
    case "blockquote":
      return { type: open.attributes.has("expandable") ? "expandable_blockquote" : type, ...base };
    case "tg-emoji":
      return { type, ...base, custom_emoji_id: open.attributes.get("emoji-id") ?? "" };
    default:
      return { type, ...base };
  }
}
