// Fluent translations from locales/<locale>/*.ftl: one file per feature, merged per locale.
// zh-CN is the primary locale; the user's choice (/language) wins, then their Telegram
// language, then DEFAULT_LOCALE.
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Locale } from "../config.js";
import type { BotContext } from "./context.js";

// No trailing slash: the plugin derives each locale from the path below this folder.
export const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));

/** Maps Telegram's language_code (IETF tag) to one of our locales. */
export function localeFromTelegram(code: string | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  const lower = code.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return fallback;
}

/**
 * The plugin's Fluent negotiates languages over every bundle on each translation
 * (Fluent.matchBundles: about 4 % of the CPU of a flood of taps, bench/inbound.ts); the answer
 * depends only on the locales asked for and the bundles loaded, so it is kept per both.
 */
function rememberBundleMatches(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as {
    bundles: Set<unknown>;
    matchBundles(locales: string[]): Set<unknown>;
  };
  const match = fluent.matchBundles.bind(fluent);
  const matches = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = `${fluent.bundles.size}\u0000${locales.join("\u0000")}`;
    let found = matches.get(key);
    if (!found) {
      found = match(locales);
      matches.set(key, found);
    }
    return found;
  };
}

export function createI18n(defaultLocale: Locale): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    directory: localesDir,
    // Fluent's bidi isolation marks would show up as junk in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) =>
      ctx.user?.locale ?? localeFromTelegram(ctx.from?.language_code, ctx.deps.config.DEFAULT_LOCALE),
  });
  rememberBundleMatches(i18n);
  return i18n;
}
