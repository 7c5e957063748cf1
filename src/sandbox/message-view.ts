// A stored message as the web chat draws it: text or caption (and the bot's HTML), the media
// with a download URL, a location, the inline keyboard, edit and reply marks.
import type { StoredMessage } from "./bot-api/chats.js";
import { FILE_KINDS } from "./bot-api/files.js";
import type { Json } from "./bot-api/types.js";

export interface MessageView {
  id: number;
  fromBot: boolean;
  /** Unix seconds. */
  date: number;
  edited: boolean;
  /** The text, or the caption of a media message. */
  text?: string;
  /** The HTML the bot sent for it (rendered by the page through an allow-list). */
  html?: string;
  media?: {
    kind: string;
    url: string;
    name?: string;
    size?: number;
    width?: number;
    height?: number;
    mimeType?: string;
  };
  location?: { latitude: number; longitude: number };
  inlineKeyboard?: { text: string; callbackData?: string; url?: string }[][];
  replyTo?: { id: number; text?: string };
}

/** Where the page downloads a file. */
export const fileUrl = (fileId: string) => `/files/${encodeURIComponent(fileId)}`;

/** What the page needs to draw a message; media point at /files/<file_id>. */
export function messageView(stored: StoredMessage): MessageView {
  const m = stored.message;
  const view: MessageView = {
    id: Number(m.message_id),
    fromBot: stored.fromBot,
    date: Number(m.date),
    edited: m.edit_date !== undefined,
  };
  const text = (m.text ?? m.caption) as string | undefined;
  if (text !== undefined) view.text = text;
  if (stored.html !== undefined) view.html = stored.html;
  for (const kind of FILE_KINDS) {
    const value = m[kind];
    if (value === undefined) continue;
    const file = (Array.isArray(value) ? value.at(-1) : value) as Json;
    view.media = {
      kind,
      url: fileUrl(String(file.file_id)),
      ...(typeof file.file_name === "string" ? { name: file.file_name } : {}),
      ...(typeof file.file_size === "number" ? { size: file.file_size } : {}),
      ...(typeof file.width === "number" ? { width: file.width, height: Number(file.height) } : {}),
      ...(typeof file.mime_type === "string" ? { mimeType: file.mime_type } : {}),
    };
  }
  const location = m.location as { latitude: number; longitude: number } | undefined;
  if (location) view.location = { latitude: location.latitude, longitude: location.longitude };
  const rows = (m.reply_markup as Json | undefined)?.inline_keyboard as Json[][] | undefined;
  if (rows?.length)
    view.inlineKeyboard = rows.map((row) =>
      row.map((b) => ({
        text: String(b.text),
        ...(typeof b.callback_data === "string" ? { callbackData: b.callback_data } : {}),
        ...(typeof b.url === "string" ? { url: b.url } : {}),
      })),
    );
  const replied = m.reply_to_message as Json | undefined;
  if (replied) {
    const repliedText = (replied.text ?? replied.caption) as string | undefined;
    view.replyTo = { id: Number(replied.message_id), ...(repliedText ? { text: repliedText } : {}) };
  }
  return view;
}
