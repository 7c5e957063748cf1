// Small builders of rendered messages, shared by the renderers.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { RenderedMessage } from "../../jobs/delivery.js";

/** One HTML text with optional buttons: what most messages are. */
export function htmlMessage(text: string, keyboard?: InlineKeyboardMarkup): RenderedMessage {
  return { parts: [{ type: "text", text, format: { html: true }, keyboard }] };
}
