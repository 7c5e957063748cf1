// Every update, from polling or a webhook, enters here: claimed by update_id first, so an
// update delivered twice takes effect once, then handled behind the error boundary.
import type { Bot } from "grammy";
import { BotError } from "grammy";
import type { Update } from "grammy/types";
import { claimUpdate, markUpdateDone, type UpdateClaim } from "../../db/queries/processed-updates.js";
import type { BotContext, BotDeps } from "../context.js";

export type ProcessUpdate = (update: Update) => Promise<UpdateClaim>;

export function createUpdateProcessor(
  bot: Bot<BotContext>,
  deps: Pick<BotDeps, "db" | "logger" | "now">,
): ProcessUpdate {
  return async (update) => {
    const claim = await claimUpdate(deps.db, update.update_id, deps.now());
    if (claim !== "claimed") {
      deps.logger.debug({ updateId: update.update_id, claim }, "update skipped");
      return claim;
    }
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
    }
    await markUpdateDone(deps.db, update.update_id, deps.now());
    return claim;
  };
}
