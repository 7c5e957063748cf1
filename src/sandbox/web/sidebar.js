// Beside the chat: who you are (the persona switcher, a new persona, blocking the bot), the
// stations' QR codes as deep links, and the sandbox's settings (page language, flood limits,
// reset demo).
import { html } from "htm/preact";
import { useState } from "preact/hooks";

/** The two languages of the bot (and of the page). */
function LanguageSelect({ label, value, t, onChange }) {
  return html`<label
    >${label}
    <select value=${value} onChange=${(e) => onChange(e.target.value)}>
      <option value="zh-CN">${t("sandbox-language-zh")}</option>
      <option value="en">${t("sandbox-language-en")}</option>
    </select></label
  >`;
}

function NewPersona({ t, onCreate }) {
  const [name, setName] = useState("");
  const [locale, setLocale] = useState("zh-CN");
  const submit = async (event) => {
    event.preventDefault();
    if (await onCreate({ name, locale })) setName("");
  };
  return html`<form class="new-persona" onSubmit=${submit}>
    <fieldset>
      <legend>${t("sandbox-new-persona")}</legend>
      <label>${t("sandbox-persona-name")} <input value=${name} maxlength="64" onInput=${(e) => setName(e.target.value)} /></label>
      <${LanguageSelect} label=${t("sandbox-persona-language")} value=${locale} t=${t} onChange=${setLocale} />
      <button type="submit">${t("sandbox-create")}</button>
    </fieldset>
  </form>`;
}

/** A t.me link pasted by hand (an invite someone sent, a QR code), opened as the current persona. */
function OpenLink({ t, onOpen }) {
  const [link, setLink] = useState("");
  const submit = async (event) => {
    event.preventDefault();
    if (link.trim() && (await onOpen(link.trim()))) setLink("");
  };
  return html`<form class="open-link" onSubmit=${submit}>
    <label
      >${t("sandbox-open-link")}
      <input type="url" placeholder="https://t.me/…" value=${link} onInput=${(e) => setLink(e.target.value)}
    /></label>
    <p class="hint">${t("sandbox-open-link-hint")}</p>
    <button type="submit">${t("sandbox-open-link")}</button>
  </form>`;
}

export function PersonaSwitcher({ session, personaId, t, onSelect }) {
  return html`<div class="persona-switcher">
    <label for="persona">${t("sandbox-persona")}</label>
    <select id="persona" value=${personaId ?? ""} onChange=${(e) => onSelect(Number(e.target.value))}>
      ${session.personas.map((p) => html`<option value=${p.id}>${p.name} · ${p.label}</option>`)}
    </select>
  </div>`;
}

export function Sidebar({
  session,
  persona,
  t,
  uiLocale,
  onCreate,
  onBlocked,
  onPoster,
  onOpenLink,
  onSettings,
  onLocale,
  onReset,
}) {
  return html`<aside class="sidebar">
    <details open>
      <summary>${t("sandbox-posters")}</summary>
      <p class="hint">${t("sandbox-posters-hint")}</p>
      <ul class="posters">
        ${session.posters.map(
          (p) => html`<li>
            <a
              href=${p.link}
              onClick=${(e) => {
                e.preventDefault();
                onPoster(p.link);
              }}
              ><span aria-hidden="true">▦</span> ${p.name}</a
            >
          </li>`,
        )}
      </ul>
    </details>
    <details>
      <summary>${t("sandbox-persona")}</summary>
      ${
        persona &&
        html`<label class="toggle"
        ><input type="checkbox" checked=${persona.blocked} onChange=${(e) => onBlocked(e.target.checked)} />
        ${t("sandbox-block")}</label
      >`
      }
      <${OpenLink} t=${t} onOpen=${onOpenLink} />
      <${NewPersona} t=${t} onCreate=${onCreate} />
    </details>
    <details>
      <summary>${t("sandbox-settings")}</summary>
      <${LanguageSelect} label=${t("sandbox-ui-language")} value=${uiLocale} t=${t} onChange=${onLocale} />
      <label class="toggle"
        ><input
          type="checkbox"
          checked=${session.settings.rateLimit}
          onChange=${(e) => onSettings({ rateLimit: e.target.checked })}
        />
        ${t("sandbox-rate-limit")}</label
      >
      <button
        type="button"
        class="danger"
        onClick=${() => {
          if (window.confirm(t("sandbox-reset-confirm"))) onReset();
        }}
      >
        ${t("sandbox-reset")}
      </button>
    </details>
  </aside>`;
}
