// Choosing one's district (选区) by walking the tree; /district changes it later.

import { findDistrictById, listChildDistricts } from "../../db/queries/districts.js";
import { subscribe } from "../../db/queries/subscriptions.js";
import { setUserDistrict } from "../../db/queries/users.js";
import { districtNavData, districtPickData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { districtKeyboard } from "../keyboards/districts.js";
import { showMainMenu } from "./menu.js";

export const districtFeature = new Composer<BotContext>();
const feature = districtFeature.chatType("private");

export async function showDistrictPicker(
  ctx: BotContext,
  districtId: number | null,
  edit = false,
): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const current = districtId ? await findDistrictById(prisma, districtId) : null;
  const children = await listChildDistricts(prisma, current?.id ?? null);
  // One query for which of these districts have children, not one per button.
  const parents = new Set(
    (
      await prisma.district.findMany({
        where: { parentId: { in: children.map((d) => d.id) } },
        select: { parentId: true },
        distinct: ["parentId"],
      })
    ).map((d) => d.parentId),
  );
  const rows = children.map((d) => ({
    id: d.id,
    label: localName(d, locale),
    hasChildren: parents.has(d.id),
  }));
  if (rows.length === 0 && !current) {
    await ctx.reply(ctx.t("district-none-configured"));
    return;
  }
  const text = current
    ? ctx.t("district-choose-within", { district: escapeHtml(localName(current, locale)) })
    : ctx.t("district-choose");
  const keyboard = districtKeyboard(
    ctx.t,
    rows,
    current ? { id: current.id, label: localName(current, locale), parentId: current.parentId } : null,
  );
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

feature.command("district", (ctx) => showDistrictPicker(ctx, null));

feature.callbackQuery(districtNavData.filter, async (ctx) => {
  const data = districtNavData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  await ctx.answerCallbackQuery();
  await showDistrictPicker(ctx, data.districtId || null, true);
});

feature.callbackQuery(districtPickData.filter, async (ctx) => {
  const data = districtPickData.unpack(ctx.callbackQuery.data);
  const district = data ? await findDistrictById(ctx.deps.db.prisma, data.districtId) : null;
  if (!district) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  await ctx.answerCallbackQuery();
  ctx.user = await setUserDistrict(ctx.deps.db.prisma, ctx.user.id, district.id, ctx.deps.now());
  // Choosing a district subscribes to its notices; /notices and every notice can stop that.
  await subscribe(ctx.deps.db.prisma, ctx.user.id, district.id, ctx.deps.now());
  const locale = await ctx.i18n.getLocale();
  await ctx.editMessageText(ctx.t("district-chosen", { district: escapeHtml(localName(district, locale)) }), {
    parse_mode: "HTML",
  });
  await showMainMenu(ctx);
});
