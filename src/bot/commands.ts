// The command menu Telegram shows, in each language.
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Locale } from "../config.js";
import type { BotContext } from "./context.js";

const commands = [
  "new",
  "my",
  "activities",
  "deputies",
  "inbox",
  "activity_new",
  "activities_manage",
  "stats",
  "report",
  "notices",
  "district",
  "language",
  "privacy",
  "help",
] as const;

export function commandList(i18n: I18n<BotContext>, locale: string) {
  return commands.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

export async function registerCommands(
  api: Api,
  i18n: I18n<BotContext>,
  defaultLocale: Locale,
): Promise<void> {
  await api.setMyCommands(commandList(i18n, defaultLocale));
  await api.setMyCommands(commandList(i18n, "zh-CN"), { language_code: "zh" });
  await api.setMyCommands(commandList(i18n, "en"), { language_code: "en" });
}
