// Small builders of rendered messages, shared by the renderers.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { AlbumItemType, FilePartType, MessagePart, RenderedMessage } from "../../jobs/delivery.js";

/** One HTML text with optional buttons: what most messages are. */
export function htmlMessage(text: string, keyboard?: InlineKeyboardMarkup): RenderedMessage {
  return { parts: [{ type: "text", text, format: { html: true }, keyboard }] };
}

/** Which files Telegram lets share an album: photos with videos, documents with documents, audio with audio. */
const albumFamily: Partial<Record<FilePartType, string>> = {
  photo: "visual",
  video: "visual",
  document: "document",
  audio: "audio",
};
/** Telegram's most files in one album (sendMediaGroup takes 2–10). */
const MAX_ALBUM_ITEMS = 10;

/**
 * Files sent by file_id, in order: each run of two or more that may share an album as one
 * album part (up to 10 a piece), the rest (a voice note, a lone file) as a part each.
 */
export function fileParts(files: readonly { type: FilePartType; fileId: string }[]): MessagePart[] {
  const parts: MessagePart[] = [];
  let run: { type: AlbumItemType; fileId: string }[] = [];
  const flush = () => {
    if (run.length >= 2) parts.push({ type: "album", items: run, format: { html: true } });
    else for (const file of run) parts.push({ ...file, format: { html: true } });
    run = [];
  };
  for (const file of files) {
    const family = albumFamily[file.type];
    if (run.length > 0 && (family !== albumFamily[run[0]!.type] || run.length === MAX_ALBUM_ITEMS)) flush();
    if (family) run.push({ type: file.type as AlbumItemType, fileId: file.fileId });
    else parts.push({ ...file, format: { html: true } });
  }
  flush();
  return parts;
}
