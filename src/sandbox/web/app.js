// The sandbox's web chat: pick a persona, talk to the bot as them. Preact components written
// with htm, loaded as ES modules without a build step (see index.html's import map); live
// updates arrive as server-sent events.
import { html, render } from "htm/preact";
import { useEffect, useReducer, useRef, useState } from "preact/hooks";
import { listen, request } from "./api.js";
import { ChatView } from "./chat.js";
import { Composer } from "./composer.js";
import { PersonaSwitcher, Sidebar } from "./sidebar.js";
import { startPayloadOf } from "./telegram-html.js";

const TOAST_MS = 3500;
/** Telegram stops a button's loading mark when the bot answers, or after about 15 s. */
const PENDING_MS = 15_000;

/** Seconds of an audio file, as a Telegram app measures a voice note; 0 when the browser cannot tell. */
function durationOf(file) {
  return new Promise((resolve) => {
    const audio = new Audio();
    const url = URL.createObjectURL(file);
    const done = (seconds) => {
      URL.revokeObjectURL(url);
      resolve(Number.isFinite(seconds) ? Math.round(seconds) : 0);
    };
    audio.preload = "metadata";
    audio.onloadedmetadata = () => done(audio.duration);
    audio.onerror = () => done(0);
    setTimeout(() => done(0), 2000);
    audio.src = url;
  });
}

function chatReducer(chat, action) {
  switch (action.type) {
    case "load":
      return action.chat;
    case "upsert": {
      if (!chat) return chat;
      const others = chat.messages.filter((m) => m.id !== action.message.id);
      const messages = [...others, action.message].sort((a, b) => a.id - b.id);
      return { ...chat, messages };
    }
    case "delete":
      return chat && { ...chat, messages: chat.messages.filter((m) => m.id !== action.messageId) };
    case "keyboard":
      return chat && { ...chat, replyKeyboard: action.keyboard ?? null };
    case "blocked":
      return chat && { ...chat, blocked: action.blocked };
    default:
      return chat;
  }
}

function App() {
  const [uiLocale, setUiLocale] = useState(localStorage.getItem("sandbox-locale") ?? "zh-CN");
  const [session, setSession] = useState(null);
  const [personaId, setPersonaId] = useState(Number(localStorage.getItem("sandbox-persona")) || null);
  const [chat, dispatch] = useReducer(chatReducer, null);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState(null);
  const [toasts, setToasts] = useState([]);
  const [alert, setAlert] = useState(null);
  const [pending, setPending] = useState(new Set());
  const [typing, setTyping] = useState(false);
  const [replyTo, setReplyTo] = useState(null);
  const current = useRef({ personaId, loading: false, buffered: [] });

  // Plain functions, made afresh on every render: the event listener reaches the newest ones
  // through onEvent below, so none of them sees an old language or persona.
  const strings = session?.strings ?? {};
  const t = (key) => strings[key] ?? key;
  const call = async (method, path, body) => {
    try {
      const data = await request(method, path, {
        body,
        locale: uiLocale,
        offline: strings["sandbox-error-network"],
      });
      setError(null);
      return data;
    } catch (e) {
      setError(e.message);
      return undefined;
    }
  };

  const loadSession = async () => {
    const data = await call("GET", `/api/session?locale=${uiLocale}`);
    if (!data) return;
    setSession(data);
    document.documentElement.lang = uiLocale;
    document.title = data.strings["sandbox-title"];
    const known = data.personas.some((p) => p.id === current.current.personaId);
    if (!known && data.personas.length > 0) selectPersona(data.personas[0].id);
  };

  const loadChat = async (id) => {
    current.current = { personaId: id, loading: true, buffered: [] };
    const data = await call("GET", `/api/chats/${id}`);
    if (current.current.personaId !== id) return;
    if (data) dispatch({ type: "load", chat: data });
    // Events that came while the snapshot was on its way are applied on top of it.
    for (const event of current.current.buffered) applyChatEvent(event);
    current.current.loading = false;
    current.current.buffered = [];
  };

  const selectPersona = (id) => {
    localStorage.setItem("sandbox-persona", String(id));
    setPersonaId(id);
    setReplyTo(null);
    setPending(new Set());
    setTyping(false);
    void loadChat(id);
  };

  const clearPending = (messageId) =>
    setPending((before) => {
      const after = new Set(before);
      after.delete(messageId);
      return after;
    });

  const toast = (text) => {
    const id = Math.random();
    setToasts((list) => [...list, { id, text }]);
    setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), TOAST_MS);
  };

  function applyChatEvent(event) {
    switch (event.type) {
      case "message":
      case "edit":
        if (event.message.fromBot) setTyping(false);
        dispatch({ type: "upsert", message: event.message });
        break;
      case "delete":
        dispatch({ type: "delete", messageId: event.messageId });
        break;
      case "replyKeyboard":
        dispatch({ type: "keyboard", keyboard: event.keyboard });
        break;
      case "blocked":
        dispatch({ type: "blocked", blocked: event.blocked });
        break;
      case "chatAction":
        setTyping(event.action === "typing");
        break;
      case "callbackAnswer":
        clearPending(event.messageId);
        if (event.text && event.showAlert) setAlert(event.text);
        else if (event.text) toast(event.text);
        break;
    }
  }

  // The server's events: those about the chat on screen update it, the others the session.
  const onEvent = useRef(null);
  onEvent.current = (type, data) => {
    if (
      type === "ready" ||
      type === "reset" ||
      type === "personas" ||
      type === "settings" ||
      type === "blocked"
    ) {
      void loadSession();
      if (type === "ready" || type === "reset") {
        if (current.current.personaId) void loadChat(current.current.personaId);
        return;
      }
    }
    if (type === "commands") {
      if (current.current.personaId) void loadChat(current.current.personaId);
      return;
    }
    if (data.chatId === undefined || data.chatId !== current.current.personaId) return;
    const event = { type, ...data };
    if (current.current.loading) current.current.buffered.push(event);
    else applyChatEvent(event);
  };
  useEffect(() => listen((type, data) => onEvent.current(type, data), setConnected), []);
  useEffect(() => {
    localStorage.setItem("sandbox-locale", uiLocale);
    void loadSession();
  }, [uiLocale]);

  const persona = session?.personas.find((p) => p.id === personaId);
  /** Sends text as the persona; as a reply to `replyTo` unless `asReply` is false (a deep link's /start). */
  const sendText = async (text, asReply = true) => {
    const query = asReply && replyTo ? `?replyTo=${replyTo.id}` : "";
    const sent = await call("POST", `/api/chats/${personaId}/messages${query}`, { text });
    if (sent) {
      if (query) setReplyTo(null);
      dispatch({ type: "upsert", message: sent.message });
    }
    return sent !== undefined;
  };
  const sendFile = async (kind, file, caption) => {
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    if (kind === "voice") form.set("duration", String(await durationOf(file)));
    if (caption.trim()) form.set("caption", caption);
    const sent = await call("POST", `/api/chats/${personaId}/messages`, form);
    if (sent) dispatch({ type: "upsert", message: sent.message });
    return sent !== undefined;
  };
  const sendLocation = async (location) => {
    const sent = await call("POST", `/api/chats/${personaId}/messages`, { location });
    if (sent) dispatch({ type: "upsert", message: sent.message });
    return sent !== undefined;
  };
  const press = async (message, button) => {
    setPending((before) => new Set(before).add(message.id));
    setTimeout(() => clearPending(message.id), PENDING_MS);
    const pressed = await call("POST", `/api/chats/${personaId}/press`, {
      messageId: message.id,
      data: button.callbackData,
    });
    if (!pressed) clearPending(message.id);
  };
  // t.me links to this bot open its chat with their /start payload, as in Telegram; others open a tab.
  const startCommand = (href) => {
    const payload = startPayloadOf(href, session.bot.username);
    return payload ? `/start ${payload}` : "/start";
  };
  const openLink = (href) => {
    if (startPayloadOf(href, session.bot.username) === null) window.open(href, "_blank", "noopener");
    else void sendText(startCommand(href), false);
  };
  // Switches show their new state at once (a re-render before the answer must not undo the
  // tap); a refused change reloads what the server has.
  const setBlocked = async (blocked) => {
    setSession((s) => ({
      ...s,
      personas: s.personas.map((p) => (p.id === personaId ? { ...p, blocked } : p)),
    }));
    dispatch({ type: "blocked", blocked });
    if (!(await call("POST", `/api/chats/${personaId}/blocked`, { blocked }))) {
      void loadSession();
      void loadChat(personaId);
    }
  };
  const setSettings = async (settings) => {
    setSession((s) => ({ ...s, settings: { ...s.settings, ...settings } }));
    if (!(await call("POST", "/api/settings", settings))) void loadSession();
  };

  if (!session)
    return html`<main class="loading">${error ? html`<p role="alert">${error}</p>` : html`<p>…</p>`}</main>`;
  return html`<div class="layout">
    <header>
      <h1>${t("sandbox-title")}</h1>
      <p class="intro">${t("sandbox-intro")}</p>
      <${PersonaSwitcher} session=${session} personaId=${personaId} t=${t} onSelect=${selectPersona} />
      ${!connected && html`<p class="connecting">${t("sandbox-connecting")}</p>`}
    </header>
    <${Sidebar}
      session=${session}
      persona=${persona}
      t=${t}
      uiLocale=${uiLocale}
      onCreate=${async (input) => {
        const created = await call("POST", "/api/personas", input);
        if (created) {
          await loadSession();
          selectPersona(created.id);
        }
        return created !== undefined;
      }}
      onBlocked=${setBlocked}
      onPoster=${openLink}
      onOpenLink=${async (href) => {
        if (startPayloadOf(href, session.bot.username) !== null) return sendText(startCommand(href), false);
        setError(t("sandbox-error-not-a-bot-link"));
        return false;
      }}
      onSettings=${setSettings}
      onLocale=${setUiLocale}
      onReset=${() => call("POST", "/api/reset")}
    />
    <main class="conversation" aria-label=${persona ? persona.name : ""}>
      ${
        error &&
        html`<div class="error" role="alert">
        <span>${error}</span>
        <button type="button" onClick=${() => setError(null)} aria-label=${t("sandbox-close")}>×</button>
      </div>`
      }
      ${
        chat &&
        html`<${ChatView}
          chat=${chat}
          t=${t}
          pending=${pending}
          typing=${typing}
          onPress=${press}
          onLink=${openLink}
          onReply=${setReplyTo}
        />
        <${Composer}
          chat=${chat}
          t=${t}
          replyTo=${replyTo}
          onCancelReply=${() => setReplyTo(null)}
          onText=${sendText}
          onFile=${sendFile}
          onLocation=${sendLocation}
          onUnblock=${() => setBlocked(false)}
        />`
      }
    </main>
    <div class="toasts">${toasts.map((x) => html`<div class="toast" role="status" key=${x.id}>${x.text}</div>`)}</div>
    ${
      alert &&
      html`<div class="backdrop">
      <div class="alert" role="alertdialog" aria-modal="true">
        <p>${alert}</p>
        <button type="button" onClick=${() => setAlert(null)}>${t("sandbox-ok")}</button>
      </div>
    </div>`
    }
  </div>`;
}

render(html`<${App} />`, document.getElementById("app"));
