// Keeps each user's command menu in step with their role and language (src/bot/commands.ts):
// after an invite, a role from ADMIN_IDS, or /language, the next update they send sets their
// chat's menu once. What was set is remembered in the session ("role:locale"), so an
// unchanged user costs no call. A failed call is logged and tried again on their next update.
import type { MiddlewareFn } from "grammy";
import { menuRole } from "../../domain/roles.js";
import { setChatMenu } from "../commands.js";
import type { BotContext } from "../context.js";

export const keepRoleMenu: MiddlewareFn<BotContext> = async (ctx, next) => {
  await next();
  // After the update: an invite redeemed by this very update counts, and the reply goes first.
  const chatId = ctx.chat?.type === "private" ? ctx.chat.id : undefined;
  if (chatId === undefined || !ctx.user) return;
  const locale = await ctx.i18n.getLocale();
  // Citizens have the default menus (undefined); the others their role's, in their language.
  // A suspended deputy or staff member has a citizen's (menuRole).
  const role = menuRole(ctx.user);
  const wanted = role === "citizen" ? undefined : `${role}:${locale}`;
  if (ctx.session.commandMenu === wanted) return;
  try {
    await setChatMenu(ctx.api, ctx.deps.i18n, chatId, role, locale);
    ctx.session.commandMenu = wanted;
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not set the user's command menu");
  }
};
