// Every update, from polling or a webhook, enters here: claimed by update_id first, so an
// update delivered twice takes effect once, then handled behind the error boundary, then
// marked done. The claim, the sender's user and session are one round trip before handling
// (src/db/queries/intake.ts); the session, if it changed, and the "done" mark one after.
import type { Bot } from "grammy";
import { BotError } from "grammy";
import type { Chat, User as TelegramUser, Update } from "grammy/types";
import { beginUpdate, finishUpdate } from "../../db/queries/intake.js";
import { claimUpdate, type UpdateClaim } from "../../db/queries/processed-updates.js";
import type { BotContext, BotDeps } from "../context.js";
import { sessionKeyOf } from "../middlewares/session.js";
import { telegramProfile } from "../middlewares/user.js";
import { setUpdateState, type UpdateState } from "./preload.js";

export type ProcessUpdate = (update: Update) => Promise<UpdateClaim>;

/** The chat and sender of the update kinds the bot takes (allowedUpdates in polling.ts). */
function partiesOf(update: Update): { chat?: Chat; from?: TelegramUser } {
  const message = update.message ?? update.edited_message;
  if (message) return { chat: message.chat, from: message.from };
  if (update.callback_query)
    return { chat: update.callback_query.message?.chat, from: update.callback_query.from };
  if (update.my_chat_member) return { chat: update.my_chat_member.chat, from: update.my_chat_member.from };
  return {};
}

export function createUpdateProcessor(
  bot: Bot<BotContext>,
  deps: Pick<BotDeps, "db" | "logger" | "now" | "config">,
): ProcessUpdate {
  return async (update) => {
    const { chat, from } = partiesOf(update);
    // Only a person in a private chat (or with no chat) gets a user and a session (src/bot/create-bot.ts).
    const person = from !== undefined && !from.is_bot && (chat === undefined || chat.type === "private");
    const sessionKey = person ? sessionKeyOf(from) : undefined;
    const begun = await beginUpdate(deps.db, {
      updateId: update.update_id,
      now: deps.now(),
      profile: person ? telegramProfile(from, deps.config) : undefined,
      sessionKey,
    });
    const state: UpdateState = {};
    if (begun.claimed) {
      if (begun.user) state.user = begun.user;
      if (sessionKey !== undefined) state.session = { key: sessionKey, stored: begun.session };
    } else {
      // Claimed before: done, in progress elsewhere, or left by a process that died.
      const claim = await claimUpdate(deps.db, update.update_id, deps.now());
      if (claim !== "claimed") {
        deps.logger.debug({ updateId: update.update_id, claim }, "update skipped");
        return claim;
      }
    }
    setUpdateState(update, state);
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
    }
    await finishUpdate(deps.db, { updateId: update.update_id, now: deps.now(), session: state.sessionWrite });
    return "claimed";
  };
}
