// /deputies: who represents the citizen's district (and the districts containing it), the
// liaison station each is grouped into (编组进站), its address and its regular reception days.

import type { LiaisonStation } from "../../db/generated/sqlite/client.js";
import { listDeputiesOfDistrict } from "../../db/queries/activities.js";
import { localText } from "../activity-view.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { displayName, escapeHtml } from "../format.js";
import { replyInPieces } from "../reply-in-pieces.js";
import { showDistrictPicker } from "./district.js";

export const deputiesFeature = new Composer<BotContext>();
const feature = deputiesFeature.chatType("private");

function stationBlock(ctx: BotContext, station: LiaisonStation, deputies: string[], locale: string): string {
  const lines = [ctx.t("deputies-station", { station: escapeHtml(localName(station, locale)) })];
  const address = localText(station.addressZh, station.addressEn, locale);
  if (address) lines.push(ctx.t("deputies-address", { address: escapeHtml(address) }));
  const reception = localText(station.receptionZh, station.receptionEn, locale);
  if (reception) lines.push(ctx.t("deputies-reception", { reception: escapeHtml(reception) }));
  if (station.phone) lines.push(ctx.t("deputies-phone", { phone: escapeHtml(station.phone) }));
  lines.push(
    deputies.length > 0
      ? ctx.t("deputies-list", { deputies: deputies.join(ctx.t("activity-list-separator")) })
      : ctx.t("deputies-station-none"),
  );
  return lines.join("\n");
}

feature.command("deputies", async (ctx) => {
  const found = ctx.user.districtId
    ? await listDeputiesOfDistrict(ctx.deps.db.prisma, ctx.user.districtId)
    : undefined;
  if (!found) {
    await ctx.reply(ctx.t("deputies-need-district"));
    await showDistrictPicker(ctx, null);
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const { district, assignments, stations } = found;
  // Stations in the order their deputies come (nearest district first), then the stations of
  // the district's own tree that have no deputy registered yet.
  const byStation = new Map<number, { station: LiaisonStation; deputies: string[] }>();
  const withoutStation: string[] = [];
  const seen = new Set<number>();
  for (const a of assignments) {
    if (seen.has(a.userId)) continue;
    seen.add(a.userId);
    const label = ctx.t("deputies-deputy", {
      name: escapeHtml(displayName(a.user)),
      district: escapeHtml(localName(a.district, locale)),
    });
    if (!a.station) {
      withoutStation.push(label);
      continue;
    }
    const entry = byStation.get(a.station.id) ?? { station: a.station, deputies: [] };
    entry.deputies.push(label);
    byStation.set(a.station.id, entry);
  }
  for (const station of stations) {
    if (!byStation.has(station.id)) byStation.set(station.id, { station, deputies: [] });
  }
  const blocks = [ctx.t("deputies-title", { district: escapeHtml(localName(district, locale)) })];
  if (assignments.length === 0) blocks.push(ctx.t("deputies-none"));
  for (const { station, deputies } of byStation.values())
    blocks.push(stationBlock(ctx, station, deputies, locale));
  if (withoutStation.length > 0)
    blocks.push(
      ctx.t("deputies-without-station", { deputies: withoutStation.join(ctx.t("activity-list-separator")) }),
    );
  blocks.push(ctx.t("deputies-hint"));
  await replyInPieces(ctx, blocks.join("\n\n"));
});
