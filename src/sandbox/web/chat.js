// The chat with the bot: messages as Telegram draws them (text and HTML, media, locations,
// replies, edits replaced in place) with their inline keyboards.
import { html } from "htm/preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { renderMessageText } from "./telegram-html.js";

function RichText({ message }) {
  const ref = useRef(null);
  useLayoutEffect(() => {
    renderMessageText(ref.current, message);
  }, [message.html, message.text]);
  return html`<div class="text" ref=${ref}></div>`;
}

function time(unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function sizeLabel(bytes) {
  if (bytes === undefined) return "";
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Media({ media, t }) {
  switch (media.kind) {
    case "photo":
      return html`<a class="photo" href=${media.url} target="_blank" rel="noopener">
        <img src=${media.url} width=${media.width} height=${media.height} alt=${t("sandbox-attach-photo")} />
      </a>`;
    case "voice":
    case "audio":
      return html`<div class="audio"><audio controls preload="none" src=${media.url}></audio>
        <a href=${media.url} download=${media.name ?? ""}>${t("sandbox-download")}</a></div>`;
    case "video":
    case "video_note":
    case "animation":
      return html`<video controls preload="metadata" src=${media.url}></video>`;
    default:
      return html`<a class="document" href=${media.url} download=${media.name ?? ""}>
        <span aria-hidden="true">📎</span> ${media.name ?? t("sandbox-attach-file")}
        <small>${sizeLabel(media.size)}</small></a>`;
  }
}

function InlineKeyboard({ message, pending, onPress, onLink }) {
  return html`<div class="inline-keyboard" role="group">
    ${message.inlineKeyboard.map(
      (row) => html`<div class="row">
        ${row.map((button) =>
          button.callbackData !== undefined
            ? html`<button
                type="button"
                class=${pending ? "pending" : ""}
                onClick=${() => onPress(message, button)}
              >
                ${button.text}
              </button>`
            : html`<button type="button" class="url" onClick=${() => onLink(button.url)}>${button.text} ↗</button>`,
        )}
      </div>`,
    )}
  </div>`;
}

function Message({ message, t, pending, onPress, onLink, onReply }) {
  const onClick = (event) => {
    // A spoiler is revealed by a tap, as in Telegram (phones have no hover); a link inside one
    // opens only once it is revealed.
    const spoiler = event.target.closest("tg-spoiler, .tg-spoiler");
    if (spoiler && !spoiler.classList.contains("revealed")) {
      event.preventDefault();
      spoiler.classList.add("revealed");
      return;
    }
    const link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || link.classList.contains("photo")) return;
    event.preventDefault();
    onLink(link.href);
  };
  return html`<article
    class=${`message ${message.fromBot ? "from-bot" : "from-me"}`}
    data-message-id=${message.id}
    data-from=${message.fromBot ? "bot" : "me"}
  >
    <div class="bubble" onClick=${onClick}>
      ${message.replyTo && html`<blockquote class="reply-to">${message.replyTo.text ?? "…"}</blockquote>`}
      ${message.media && html`<${Media} media=${message.media} t=${t} />`}
      ${
        message.location &&
        html`<a
        class="location"
        href=${`https://www.openstreetmap.org/?mlat=${message.location.latitude}&mlon=${message.location.longitude}#map=17/${message.location.latitude}/${message.location.longitude}`}
        ><span aria-hidden="true">📍</span> ${message.location.latitude.toFixed(5)}, ${message.location.longitude.toFixed(5)}</a
      >`
      }
      ${message.text !== undefined && html`<${RichText} message=${message} />`}
      <footer>
        ${message.edited && html`<span class="edited">${t("sandbox-edited")}</span>`}
        <time>${time(message.date)}</time>
        ${
          message.fromBot &&
          html`<button type="button" class="reply" title=${t("sandbox-reply")} onClick=${() => onReply(message)}>↩</button>`
        }
      </footer>
    </div>
    ${
      message.inlineKeyboard &&
      html`<${InlineKeyboard} message=${message} pending=${pending} onPress=${onPress} onLink=${onLink} />`
    }
  </article>`;
}

export function ChatView({ chat, t, pending, typing, onPress, onLink, onReply }) {
  const ref = useRef(null);
  const count = chat.messages.length;
  useEffect(() => {
    ref.current?.scrollTo({ top: ref.current.scrollHeight });
  }, [count, chat.personaId]);
  return html`<section class="chat" role="log" aria-live="polite" ref=${ref}>
    ${count === 0 && html`<p class="empty">${t("sandbox-empty-chat")}</p>`}
    ${chat.messages.map(
      (message) =>
        html`<${Message}
          key=${message.id}
          message=${message}
          t=${t}
          pending=${pending.has(message.id)}
          onPress=${onPress}
          onLink=${onLink}
          onReply=${onReply}
        />`,
    )}
    ${typing && html`<p class="typing">${t("sandbox-typing")}</p>`}
  </section>`;
}
