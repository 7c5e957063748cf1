// The main menu and /help: what this user can do, by role.

import { menuRole, menuSections } from "../../domain/roles.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const menuFeature = new Composer<BotContext>();
const feature = menuFeature.chatType("private");

export async function showMainMenu(ctx: BotContext): Promise<void> {
  const parts = menuSections(menuRole(ctx.user)).map((section) => ctx.t(`menu-${section}`));
  await ctx.reply(parts.join("\n\n"), { parse_mode: "HTML" });
}

feature.command(["help", "menu"], showMainMenu);
