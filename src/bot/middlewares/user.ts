import type { MiddlewareFn } from "grammy";
import { upsertUserFromTelegram } from "../../db/queries/users.js";
import type { BotContext } from "../context.js";
import { localeFromTelegram } from "../i18n.js";

/** Loads (or creates) the sender's user record; admins named in ADMIN_IDS are admins. */
export const attachUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const { config, db, now } = ctx.deps;
  const telegramId = BigInt(from.id);
  ctx.user = await upsertUserFromTelegram(
    db.prisma,
    {
      telegramId,
      firstName: from.first_name,
      lastName: from.last_name,
      username: from.username,
      locale: localeFromTelegram(from.language_code, config.DEFAULT_LOCALE),
      role: config.ADMIN_IDS.includes(telegramId) ? "admin" : undefined,
    },
    now(),
  );
  ctx.logger = ctx.logger.child({ userId: ctx.user.id });
  await next();
};
