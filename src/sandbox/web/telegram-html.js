// The bot's HTML as Telegram clients show it: Telegram's tags only (DOMPurify with an
// allow-list), links found in plain text, and t.me deep links to this bot recognised so
// that they open the chat with their /start payload, as they do in Telegram.
import DOMPurify from "dompurify";

const TELEGRAM_HTML = {
  ALLOWED_TAGS: [
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
  ],
  ALLOWED_ATTR: ["href", "class", "expandable", "emoji-id"],
  ALLOWED_URI_REGEXP: /^(?:https?|tg|mailto):/i,
};

const URL_IN_TEXT = /(?:https?:\/\/|\bt\.me\/)[^\s<>"'，。）]+[^\s<>"'，。）.,;:!?]/g;

/** Fills `element` with the message: sanitized `html` when the bot sent HTML, else `text`. */
export function renderMessageText(element, { html, text }) {
  if (html !== undefined) element.innerHTML = DOMPurify.sanitize(html, TELEGRAM_HTML);
  else element.textContent = text ?? "";
  linkify(element);
  for (const link of element.querySelectorAll("a")) {
    link.target = "_blank";
    link.rel = "noopener noreferrer";
  }
}

/** Wraps the URLs found in text nodes (outside links and code) in links. */
function linkify(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement.closest("a, code, pre")) nodes.push(node);
  }
  for (const node of nodes) {
    const text = node.textContent;
    const matches = [...text.matchAll(URL_IN_TEXT)];
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of matches) {
      fragment.append(text.slice(last, match.index));
      const link = document.createElement("a");
      link.href = match[0].startsWith("t.me/") ? `https://${match[0]}` : match[0];
      link.textContent = match[0];
      fragment.append(link);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
}

/** The /start payload of a deep link to `botUsername` (https://t.me/<bot>?start=…), or null for any other URL. */
export function startPayloadOf(href, botUsername) {
  let url;
  try {
    url = new URL(href, window.location.href);
  } catch {
    return null;
  }
  const bot = botUsername.toLowerCase();
  if (url.protocol === "tg:" && url.searchParams.get("domain")?.toLowerCase() === bot)
    return url.searchParams.get("start") ?? "";
  if (!["t.me", "telegram.me"].includes(url.hostname)) return null;
  if (url.pathname.replace(/^\//, "").toLowerCase() !== bot) return null;
  return url.searchParams.get("start") ?? "";
}
