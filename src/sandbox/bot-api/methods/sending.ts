// Methods that put a message in a chat: sendMessage, the media senders, sendLocation,
// sendMediaGroup, copyMessage and forwardMessage; and sendChatAction.
import { FILE_KINDS, type FileKind, fileObject, type StoredFile } from "../files.js";
import { readReplyMarkup } from "../markup.js";
import { badRequest, ok } from "../replies.js";
import type { BotApiState } from "../state.js";
import { readText } from "../text.js";
import { isUploadedFile, type Json } from "../types.js";
import { chatOf, type Method, postBotMessage } from "./common.js";

const MIME_BY_KIND: Partial<Record<FileKind, string>> = { voice: "audio/ogg", video_note: "video/mp4" };
const title = (kind: string) =>
  kind.replace(/(^|_)(\w)/g, (_m, _s, c: string) => ` ${c.toUpperCase()}`).trim();

/**
 * The file of a send call's `kind` field: an upload (stored), or a file_id. A known file_id
 * is reused; an unknown one is 400 "wrong file identifier/HTTP URL specified" when strict,
 * and otherwise stands for a file the test made up. A document's file_id cannot be sent as
 * a photo, nor the reverse (Telegram: "can't use file of type Document as Photo").
 */
function mediaOf(state: BotApiState, kind: FileKind, value: unknown): Json {
  let file: StoredFile | undefined;
  if (isUploadedFile(value)) {
    file = state.files.add({
      content: value.content,
      kind,
      fileName: value.filename,
      mimeType: value.mimeType ?? MIME_BY_KIND[kind],
    });
  } else if (typeof value === "string" && value !== "") {
    file = state.files.get(value);
    if (!file) {
      if (state.strict) throw badRequest("wrong file identifier/HTTP URL specified");
      const made = { file_id: value, file_unique_id: `u-${value}` };
      return kind === "photo" ? { photo: [{ ...made, width: 800, height: 600 }] } : { [kind]: made };
    }
    if ((file.kind === "photo") !== (kind === "photo"))
      throw badRequest(`can't use file of type ${title(file.kind)} as ${title(kind)}`);
  } else {
    throw badRequest(`there is no ${kind} in the request`);
  }
  const object = fileObject(file);
  return kind === "photo" ? { photo: [object] } : { [kind]: object };
}

const sendMessage: Method = (payload, state) => {
  const chat = chatOf(state, payload);
  const text = readText(payload, "text")!;
  const markup = readReplyMarkup(payload);
  const content = { text: text.text, ...(text.entities ? { entities: text.entities } : {}) };
  return ok(postBotMessage(state, chat, payload, content, markup, text.html));
};

function sendMedia(kind: FileKind): Method {
  return (payload, state) => {
    const chat = chatOf(state, payload);
    const caption = readText(payload, "caption");
    const markup = readReplyMarkup(payload);
    const content: Json = {
      ...mediaOf(state, kind, payload[kind]),
      ...(caption ? { caption: caption.text } : {}),
      ...(caption?.entities ? { caption_entities: caption.entities } : {}),
    };
    return ok(postBotMessage(state, chat, payload, content, markup, caption?.html));
  };
}

const sendLocation: Method = (payload, state) => {
  const chat = chatOf(state, payload);
  const latitude = Number(payload.latitude);
  const longitude = Number(payload.longitude);
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw badRequest("wrong location specified");
  const markup = readReplyMarkup(payload);
  return ok(postBotMessage(state, chat, payload, { location: { latitude, longitude } }, markup));
};

const sendMediaGroup: Method = (payload, state) => {
  const chat = chatOf(state, payload);
  const media = Array.isArray(payload.media) ? (payload.media as Json[]) : [];
  if (media.length < 2 || media.length > 10) throw badRequest("wrong number of messages in the media group");
  const groupId = String(Date.now());
  const messages = media.map((item) => {
    const kind = String(item.type) as FileKind;
    if (!FILE_KINDS.includes(kind)) throw badRequest(`unsupported media type "${String(item.type)}"`);
    const caption = readText(item, "caption");
    const content: Json = {
      media_group_id: groupId,
      ...mediaOf(state, kind, item.media),
      ...(caption ? { caption: caption.text } : {}),
      ...(caption?.entities ? { caption_entities: caption.entities } : {}),
    };
    return postBotMessage(state, chat, payload, content, undefined, caption?.html);
  });
  return ok(messages);
};

const CONTENT_FIELDS = ["text", "entities", "caption", "caption_entities", "location", ...FILE_KINDS];

/** copyMessage and forwardMessage: the content of a stored message, again in `chat_id`. */
function resend(forward: boolean): Method {
  return (payload, state) => {
    const chat = chatOf(state, payload);
    const from = state.strict
      ? state.chats.get(payload.from_chat_id)
      : state.chats.getOrCreate(payload.from_chat_id);
    const original = state.chats.find(from, payload.message_id);
    if (!original) {
      if (state.strict) throw badRequest("message to copy not found");
      const id = state.chats.nextMessageId(chat);
      return ok(
        forward
          ? { message_id: id, chat: chat.chat, date: Math.floor(Date.now() / 1000) }
          : { message_id: id },
      );
    }
    const content: Json = {};
    for (const key of CONTENT_FIELDS)
      if (original.message[key] !== undefined) content[key] = original.message[key];
    if (forward)
      content.forward_origin = {
        type: "user",
        sender_user: original.message.from,
        date: original.message.date,
      };
    const message = postBotMessage(state, chat, payload, content, readReplyMarkup(payload), original.html);
    return ok(forward ? message : { message_id: message.message_id });
  };
}

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const sendChatAction: Method = (payload, state) => {
  const chat = chatOf(state, payload);
  const action = String(payload.action ?? "");
  if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  state.emit("chatAction", { chatId: Number(chat.chat.id), action });
  return ok(true);
};

export const sendingMethods: Record<string, Method> = {
  sendMessage,
  ...Object.fromEntries(FILE_KINDS.map((kind) => [`send${title(kind).replace(" ", "")}`, sendMedia(kind)])),
  sendLocation,
  sendMediaGroup,
  copyMessage: resend(false),
  forwardMessage: resend(true),
  sendChatAction,
};
