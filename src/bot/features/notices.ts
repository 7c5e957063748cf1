// /notices: a citizen's activity notices and broadcasts — all on or off, and which
// districts' notices they follow (their own district and the larger areas around it).
// The "stop these notices" button on every notice lands here too.
import { InlineKeyboard } from "grammy";
import { districtAncestors, findDistrictById } from "../../db/queries/districts.js";
import { listSubscriptions, setNoticesOptOut, setSubscription } from "../../db/queries/subscriptions.js";
import { noticesData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const noticesFeature = new Composer<BotContext>();
const feature = noticesFeature.chatType("private");

async function noticesView(ctx: BotContext) {
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const optedOut = ctx.user.noticesOptOutAt !== null;
  const keyboard = new InlineKeyboard().text(
    optedOut ? ctx.t("notices-turn-on") : ctx.t("notices-turn-off"),
    noticesData.pack({ action: optedOut ? "on" : "off", districtId: 0 }),
  );
  keyboard.row();
  const own = ctx.user.districtId ? await findDistrictById(prisma, ctx.user.districtId) : null;
  const candidates = own ? [...(await districtAncestors(prisma, own.id)), own] : [];
  const active = new Set(
    (await listSubscriptions(prisma, ctx.user.id)).filter((s) => s.active).map((s) => s.districtId),
  );
  for (const district of candidates) {
    const on = active.has(district.id);
    keyboard
      .text(
        `${on ? "☑" : "☐"} ${localName(district, locale)}`,
        noticesData.pack({ action: on ? "unsub" : "sub", districtId: district.id }),
      )
      .row();
  }
  const text = optedOut ? ctx.t("notices-status-off") : ctx.t("notices-status-on");
  return { text, keyboard };
}

feature.command("notices", async (ctx) => {
  const { text, keyboard } = await noticesView(ctx);
  await ctx.reply(text, { reply_markup: keyboard });
});

feature.callbackQuery(noticesData.filter, async (ctx) => {
  const data = noticesData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  const { db, now } = ctx.deps;
  const stopping = data.action === "stop" || data.action === "off";
  if (stopping || data.action === "on") {
    await setNoticesOptOut(db.prisma, ctx.user.id, stopping, now());
  } else {
    const district = await findDistrictById(db.prisma, data.districtId);
    if (!district) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    await setSubscription(db.prisma, ctx.user.id, district.id, data.action === "sub", now());
  }
  ctx.user = (await db.prisma.user.findUnique({ where: { id: ctx.user.id } })) ?? ctx.user;
  await ctx.answerCallbackQuery({
    text: stopping ? ctx.t("notices-stopped") : data.action === "on" ? ctx.t("notices-resumed") : undefined,
  });
  const { text, keyboard } = await noticesView(ctx);
  // Under a notice, answer below it and leave the notice as it was; in /notices, redraw.
  if (data.action === "stop") await ctx.reply(text, { reply_markup: keyboard });
  else await ctx.editMessageText(text, { reply_markup: keyboard });
});
