import { InlineKeyboard } from "grammy";
import { setUserLocale } from "../../db/queries/users.js";
import { languageData } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const languageFeature = new Composer<BotContext>();
const feature = languageFeature.chatType("private");

feature.command("language", async (ctx) => {
  const keyboard = new InlineKeyboard()
    .text("简体中文", languageData.pack({ locale: "zh-CN" }))
    .text("English", languageData.pack({ locale: "en" }));
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
});

feature.callbackQuery(languageData.filter, async (ctx) => {
  const data = languageData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  ctx.user = await setUserLocale(ctx.deps.db.prisma, ctx.user.id, data.locale, ctx.deps.now());
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
});
