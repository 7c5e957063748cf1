// The command menu Telegram shows. Everyone sees the citizens' commands, in their Telegram
// app's language (the default menus); a deputy, staff member or administrator sees their
// role's commands in the language they chose, set for their own chat (BotCommandScopeChat,
// which Telegram prefers to the default menus), so nobody's menu offers a command they
// cannot use. The commands of a role are those of its /help sections (src/domain/roles.ts),
// the same lists /help shows (test/bot/help.test.ts holds them to it);
// /id (one's numeric Telegram id, for ADMIN_IDS and for an administrator's `admin suspend`) is in
// every menu, as one of the citizens' commands. A new
// command goes in sectionCommands, with its command-<name> description and its /help line.
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Locale } from "../config.js";
import { type MenuSection, menuSections } from "../domain/roles.js";
import type { BotContext } from "./context.js";

/** The commands of each /help section (locales/<locale>/menu.ftl), in menu order. */
const sectionCommands: Record<MenuSection, readonly string[]> = {
  citizen: [
    "new",
    "my",
    "activities",
    "deputies",
    "report",
    "notices",
    "district",
    "language",
    "privacy",
    "claim",
    "id",
    "help",
  ],
  handler: ["inbox", "activity_new", "activities_manage", "stats"],
  staff: ["broadcast", "broadcasts", "intake", "review", "moderation", "replies"],
  admin: ["invite", "districts", "people"],
  department: ["referrals"],
};

/** The commands a user with `role` may use: the citizens' first, then their role's, as /help lists them. */
export function roleCommands(role: string): string[] {
  const [citizen, ...others] = menuSections(role).map((section) => sectionCommands[section]);
  const rest = others.flat();
  // /help last, as in the citizens' menu.
  return [...citizen!.filter((c) => c !== "help"), ...rest, "help"];
}

/** The menu of `role` in `locale`: each command with its `command-<name>` description. */
export function commandList(i18n: I18n<BotContext>, locale: string, role = "citizen") {
  return roleCommands(role).map((command) => ({
    command,
    description: i18n.t(locale, `command-${command}`),
  }));
}

/** The default menus: the citizens' commands, in DEFAULT_LOCALE and per Telegram language (zh, en). */
export async function registerCommands(
  api: Api,
  i18n: I18n<BotContext>,
  defaultLocale: Locale,
): Promise<void> {
  await api.setMyCommands(commandList(i18n, defaultLocale));
  await api.setMyCommands(commandList(i18n, "zh-CN"), { language_code: "zh" });
  await api.setMyCommands(commandList(i18n, "en"), { language_code: "en" });
}

/**
 * Gives the private chat `chatId` the menu of `role` in `locale`; a citizen's chat menu is
 * deleted instead, so the default menus (in their app's language) apply again. Throws what
 * the Bot API call throws (GrammyError, HttpError).
 */
export async function setChatMenu(
  api: Api,
  i18n: I18n<BotContext>,
  chatId: number,
  role: string,
  locale: string,
): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (role === "citizen") await api.deleteMyCommands({ scope });
  else await api.setMyCommands(commandList(i18n, locale, role), { scope });
}
