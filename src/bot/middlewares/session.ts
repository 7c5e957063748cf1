// Sessions in the database, keyed by the user, so that a half-finished flow survives a restart
// and several instances share it. The session the intake read with the update's claim is used
// (src/bot/intake/preload.ts); a session that did not change is not written back, and one that
// did is written with the update's "done" mark, in the same round trip. Updates fed to the bot
// directly (no intake) read and write it here. Nothing is written when a handler throws.
import type { MiddlewareFn } from "grammy";
import { readSession, writeSession } from "../../db/session-storage.js";
import type { BotContext, SessionData } from "../context.js";
import { updateState } from "../intake/preload.js";

/** The session key of an update: the sender's Telegram id (undefined without a sender). */
export const sessionKeyOf = (from: { id: number } | undefined): string | undefined => from?.id.toString();

export function databaseSession(initial: () => SessionData): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = sessionKeyOf(ctx.from);
    if (key === undefined) {
      Object.defineProperty(ctx, "session", {
        configurable: true,
        get: () => {
          throw new Error("Cannot access the session of an update without a sender");
        },
      });
      return next();
    }
    const { db, now } = ctx.deps;
    const state = updateState(ctx.update);
    const stored = state?.session?.key === key ? state.session.stored : await readSession(db.prisma, key);
    // No stored session reads as the initial one, and is not written while it stays that.
    const before = stored ?? JSON.stringify(initial());
    let value: SessionData | undefined | null = JSON.parse(before) as SessionData;
    Object.defineProperty(ctx, "session", {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (next: SessionData | undefined | null) => {
        value = next;
      },
    });
    await next();
    const after = value == null ? null : JSON.stringify(value);
    if (after === before || (after === null && stored === undefined)) return;
    if (state) state.sessionWrite = { key, value: after };
    else await writeSession(db.prisma, key, after, now());
  };
}
