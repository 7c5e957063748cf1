// The main menu and /help: what this user can do, by role.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const menuFeature = new Composer<BotContext>();
const feature = menuFeature.chatType("private");

export async function showMainMenu(ctx: BotContext): Promise<void> {
  const parts = [ctx.t("menu-citizen")];
  if (ctx.user.role !== "citizen") parts.push(ctx.t("menu-handler"));
  if (ctx.user.role === "admin") parts.push(ctx.t("menu-admin"));
  await ctx.reply(parts.join("\n\n"), { parse_mode: "HTML" });
}

feature.command(["help", "menu"], showMainMenu);
