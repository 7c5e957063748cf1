import type { BotContext } from "./context.js";
import type { Translate } from "./format.js";

/** What every view needs to speak to this user: their words, language and time zone. */
export interface ViewOptions {
  t: Translate;
  locale: string;
  timeZone: string;
}

export async function viewOptionsOf(ctx: BotContext): Promise<ViewOptions> {
  return { t: ctx.t, locale: await ctx.i18n.getLocale(), timeZone: ctx.deps.config.TIME_ZONE };
}
