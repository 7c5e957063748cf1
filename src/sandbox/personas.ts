// The sandbox's personas: the Telegram users a person can act as in the web chat. What a
// persona may do is decided by the bot's database (roles come from invites and ADMIN_IDS);
// the role here only says what the persona was made for, to label it in the switcher.
import { type Locale, locales } from "../config.js";
import type { TelegramUser } from "./bot-api/chats.js";

export const personaRoles = ["citizen", "representative", "staff", "admin"] as const;
export type PersonaRole = (typeof personaRoles)[number];

export interface Persona {
  /** The Telegram user id, which is also their private chat's id. */
  id: number;
  name: string;
  locale: Locale;
  role: PersonaRole;
  /** The district a deputy or staff member was invited for. */
  districtCode?: string;
}

/** Telegram user ids of personas start here; nothing else in the sandbox uses such ids. */
export const FIRST_PERSONA_ID = 100_001;
/** Bot API: first_name is 1-64 characters. */
export const MAX_PERSONA_NAME = 64;

export class UnknownPersonaError extends Error {
  constructor(readonly personaId: string) {
    super(`no persona with id ${personaId}`);
    this.name = "UnknownPersonaError";
  }
}

export class InvalidPersonaError extends Error {
  constructor(readonly field: "name" | "locale") {
    super(`invalid persona ${field}`);
    this.name = "InvalidPersonaError";
  }
}

/** The persona as Telegram describes a user; Chinese-speaking Telegram apps send "zh-hans". */
export function telegramUserOf(persona: Persona): TelegramUser {
  return {
    id: persona.id,
    is_bot: false,
    first_name: persona.name,
    language_code: persona.locale === "zh-CN" ? "zh-hans" : "en",
  };
}

export class PersonaStore {
  private personas = new Map<number, Persona>();

  list(): Persona[] {
    return [...this.personas.values()];
  }

  /** The persona with this id (as typed in a URL). Throws UnknownPersonaError. */
  get(id: string | number): Persona {
    const persona = /^\d{1,15}$/.test(String(id)) ? this.personas.get(Number(id)) : undefined;
    if (!persona) throw new UnknownPersonaError(String(id));
    return persona;
  }

  /** Adds a persona with the next free id. Throws InvalidPersonaError for an empty or over-long name or an unknown locale. */
  create(input: { name: unknown; locale: unknown; role?: PersonaRole; districtCode?: string }): Persona {
    const name = typeof input.name === "string" ? input.name.trim() : "";
    if (name === "" || [...name].length > MAX_PERSONA_NAME) throw new InvalidPersonaError("name");
    if (!locales.includes(input.locale as Locale)) throw new InvalidPersonaError("locale");
    const id = Math.max(FIRST_PERSONA_ID - 1, ...this.personas.keys()) + 1;
    const persona: Persona = {
      id,
      name,
      locale: input.locale as Locale,
      role: input.role ?? "citizen",
      ...(input.districtCode ? { districtCode: input.districtCode } : {}),
    };
    this.personas.set(id, persona);
    return persona;
  }

  replaceAll(personas: Persona[]): void {
    this.personas = new Map(personas.map((p) => [p.id, p]));
  }
}
