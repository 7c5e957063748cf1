// Telegram's answer envelope, and the error a method throws to answer with one.

import type { Json, Reply } from "./types.js";

export const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });

export const fail = (status: number, description: string, parameters?: Json): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

/**
 * A Telegram-shaped error (`error_code`, `description`, optional `parameters`) thrown by a
 * method implementation; the server answers it as Telegram would. Descriptions follow
 * Telegram's wording, which bots (ours included) match on, e.g. "message is not modified".
 */
export class BotApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
    this.name = "BotApiError";
  }

  get reply(): Reply {
    return fail(this.status, this.description, this.parameters);
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new BotApiError(403, `Forbidden: ${what}`);
