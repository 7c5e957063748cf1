import type { MiddlewareFn } from "grammy";
import type { User as TelegramUser } from "grammy/types";
import type { Config } from "../../config.js";
import { type TelegramProfile, upsertUserFromTelegram } from "../../db/queries/users.js";
import type { BotContext } from "../context.js";
import { localeFromTelegram } from "../i18n.js";
import { updateState } from "../intake/preload.js";

/** The stored profile of a Telegram user; admins named in ADMIN_IDS are admins. */
export function telegramProfile(from: TelegramUser, config: Config): TelegramProfile {
  const telegramId = BigInt(from.id);
  return {
    telegramId,
    firstName: from.first_name,
    lastName: from.last_name,
    username: from.username,
    locale: localeFromTelegram(from.language_code, config.DEFAULT_LOCALE),
    role: config.ADMIN_IDS.includes(telegramId) ? "admin" : undefined,
  };
}

/**
 * Loads (or creates) the sender's user record: the one the intake loaded with the update's
 * claim (src/db/queries/intake.ts), or else from the database here.
 */
export const attachUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const { config, db, now } = ctx.deps;
  const loaded = updateState(ctx.update)?.user;
  ctx.user =
    loaded && loaded.telegramId === BigInt(from.id)
      ? loaded
      : await upsertUserFromTelegram(db.prisma, telegramProfile(from, config), now());
  ctx.logger = ctx.logger.child({ userId: ctx.user.id });
  await next();
};
