// /id: anyone's own numeric Telegram id, which an administrator puts in ADMIN_IDS (README,
// "Going live"). Works before consent: it tells the person only what Telegram already knows.
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const whoamiFeature = new Composer<BotContext>();

whoamiFeature.chatType("private").command("id", async (ctx) => {
  await ctx.reply(ctx.t("whoami-id", { id: String(ctx.from.id) }), { parse_mode: "HTML" });
});
