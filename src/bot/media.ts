// What a citizen or deputy may attach, read off a Telegram message.
import type { Message } from "grammy/types";
import type { AttachmentDraft } from "./context.js";

/** Telegram lets bots download files up to 20 MB; larger ones could never be opened again. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

export type ExtractedMedia =
  | { kind: "attachment"; attachment: AttachmentDraft; caption: string | undefined }
  | { kind: "too-large" }
  | { kind: "none" };

export function extractAttachment(message: Message): ExtractedMedia {
  const caption = message.caption;
  const make = (attachment: AttachmentDraft): ExtractedMedia =>
    (attachment.fileSize ?? 0) > MAX_FILE_BYTES
      ? { kind: "too-large" }
      : { kind: "attachment", attachment, caption };
  if (message.photo?.length) {
    const largest = message.photo[message.photo.length - 1]!;
    return make({
      kind: "photo",
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      fileSize: largest.file_size,
    });
  }
  const file = message.document ?? message.voice ?? message.video ?? message.audio;
  if (file) {
    const kind = message.document ? "document" : message.voice ? "voice" : message.video ? "video" : "audio";
    return make({
      kind,
      fileId: file.file_id,
      fileUniqueId: file.file_unique_id,
      fileName: "file_name" in file ? file.file_name : undefined,
      mimeType: file.mime_type,
      fileSize: file.file_size,
    });
  }
  return { kind: "none" };
}
