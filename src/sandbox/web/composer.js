// What a persona writes: the message box, the bot's command menu and reply keyboard, photos,
// files and voice notes from this computer, and a location (typed, or this device's).
import { html } from "htm/preact";
import { useState } from "preact/hooks";

function CommandMenu({ commands, t, onCommand }) {
  const [open, setOpen] = useState(false);
  if (commands.length === 0) return null;
  return html`<div class="commands">
    <button type="button" aria-expanded=${open} onClick=${() => setOpen(!open)}>☰ ${t("sandbox-commands")}</button>
    ${
      open &&
      html`<ul role="menu">
      ${commands.map(
        (c) => html`<li role="none">
          <button
            type="button"
            role="menuitem"
            class="command-item"
            onClick=${() => {
              setOpen(false);
              onCommand(`/${c.command}`);
            }}
          >
            <code>/${c.command}</code> ${c.description}
          </button>
        </li>`,
      )}
    </ul>`
    }
  </div>`;
}

function ReplyKeyboard({ keyboard, onText, onLocation }) {
  return html`<div class="reply-keyboard" role="group">
    ${keyboard.keyboard.map(
      (row) => html`<div class="row">
        ${row.map((button) => {
          const text = typeof button === "string" ? button : button.text;
          const asksLocation = typeof button === "object" && button.request_location === true;
          return html`<button type="button" onClick=${() => (asksLocation ? onLocation() : onText(text))}>${text}</button>`;
        })}
      </div>`,
    )}
  </div>`;
}

function LocationForm({ t, onSend, onClose }) {
  const [latitude, setLatitude] = useState("");
  const [longitude, setLongitude] = useState("");
  const submit = (event) => {
    event.preventDefault();
    onSend({ latitude: Number(latitude), longitude: Number(longitude) });
  };
  const useDevice = () =>
    navigator.geolocation?.getCurrentPosition((p) => {
      setLatitude(String(p.coords.latitude));
      setLongitude(String(p.coords.longitude));
    });
  return html`<form class="location-form" onSubmit=${submit}>
    <label>${t("sandbox-latitude")} <input type="number" step="any" min="-90" max="90" required value=${latitude} onInput=${(e) => setLatitude(e.target.value)} /></label>
    <label>${t("sandbox-longitude")} <input type="number" step="any" min="-180" max="180" required value=${longitude} onInput=${(e) => setLongitude(e.target.value)} /></label>
    <button type="button" onClick=${useDevice}>${t("sandbox-my-location")}</button>
    <button type="submit">${t("sandbox-send-location")}</button>
    <button type="button" onClick=${onClose}>${t("sandbox-cancel")}</button>
  </form>`;
}

function Attach({ kind, accept, label, onFile }) {
  return html`<label class="attach">
    ${label}
    <input
      type="file"
      name=${kind}
      accept=${accept}
      onChange=${(event) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (file) onFile(kind, file);
      }}
    />
  </label>`;
}

export function Composer({ chat, t, replyTo, onCancelReply, onText, onFile, onLocation, onUnblock }) {
  const [text, setText] = useState("");
  const [locating, setLocating] = useState(false);
  if (chat.blocked)
    return html`<div class="composer blocked">
      <p>${t("sandbox-blocked-notice")}</p>
      <button type="button" onClick=${onUnblock}>${t("sandbox-unblock")}</button>
    </div>`;
  const send = async (value) => {
    if (await onText(value)) setText("");
  };
  const submit = (event) => {
    event.preventDefault();
    if (text.trim() !== "") void send(text);
  };
  const file = async (kind, chosen) => {
    if (await onFile(kind, chosen, text)) setText("");
  };
  return html`<div class="composer">
    ${
      chat.replyKeyboard?.keyboard &&
      html`<${ReplyKeyboard} keyboard=${chat.replyKeyboard} onText=${(value) => onText(value)} onLocation=${() => setLocating(true)} />`
    }
    ${
      replyTo &&
      html`<div class="replying">
      ${t("sandbox-replying-to")} <q>${replyTo.text ?? "…"}</q>
      <button type="button" onClick=${onCancelReply}>${t("sandbox-cancel")}</button>
    </div>`
    }
    ${
      locating &&
      html`<${LocationForm}
      t=${t}
      onSend=${async (point) => {
        if (await onLocation(point)) setLocating(false);
      }}
      onClose=${() => setLocating(false)}
    />`
    }
    <form class="message-box" onSubmit=${submit}>
      <${CommandMenu} commands=${chat.commands} t=${t} onCommand=${(c) => onText(c)} />
      <textarea
        rows="1"
        aria-label=${t("sandbox-message-placeholder")}
        placeholder=${t("sandbox-message-placeholder")}
        value=${text}
        onInput=${(e) => setText(e.target.value)}
        onKeyDown=${(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) submit(e);
        }}
      ></textarea>
      <button type="submit" class="send">${t("sandbox-send")}</button>
    </form>
    <div class="attachments">
      <${Attach} kind="photo" accept="image/*" label=${t("sandbox-attach-photo")} onFile=${file} />
      <${Attach} kind="document" accept="" label=${t("sandbox-attach-file")} onFile=${file} />
      <${Attach} kind="voice" accept="audio/*" label=${t("sandbox-attach-voice")} onFile=${file} />
      <button type="button" onClick=${() => setLocating(!locating)}>${t("sandbox-location")}</button>
    </div>
  </div>`;
}
