// /broadcasts: the scheduled and running broadcasts a staff member may stop (their own, and
// those to districts in their scope; administrators all), each with its stop button. The
// stop itself is src/bot/features/broadcast.ts, which checks the same rule again on the tap.
import { InlineKeyboard } from "grammy";
import { canHandleDistrict } from "../../domain/access.js";
import { canStopBroadcast } from "../../domain/audience.js";
import { broadcastCancelData } from "../callback-data.js";
import { handlerScopeOf } from "../case-access.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml, formatDateTime, truncate } from "../format.js";
import { replyInPieces } from "../reply-in-pieces.js";

export const broadcastListFeature = new Composer<BotContext>();
const senders = broadcastListFeature
  .chatType("private")
  .filter((ctx) => ctx.user?.role === "staff" || ctx.user?.role === "admin");

/** How many are listed at most (newest first). */
const LISTED = 20;

senders.command("broadcasts", async (ctx) => {
  const prisma = ctx.deps.db.prisma;
  const scope = await handlerScopeOf(ctx);
  const open = await prisma.broadcast.findMany({
    where: { status: { in: ["scheduled", "sending"] } },
    orderBy: { id: "desc" },
    take: 200,
  });
  const mine = open
    .filter((b) => canStopBroadcast(ctx.user, b, (id) => canHandleDistrict(scope, id)))
    .slice(0, LISTED);
  if (mine.length === 0) {
    await ctx.reply(ctx.t("broadcasts-none"));
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("broadcasts-title", { count: mine.length })];
  for (const b of mine) {
    lines.push(
      ctx.t(b.status === "scheduled" ? "broadcasts-item-scheduled" : "broadcasts-item-sending", {
        id: b.id,
        when: b.scheduledAt ? formatDateTime(b.scheduledAt, locale, ctx.deps.config.TIME_ZONE) : "",
        text: escapeHtml(truncate(b.text, 40)),
      }),
    );
    keyboard
      .text(ctx.t("broadcasts-stop", { id: b.id }), broadcastCancelData.pack({ broadcastId: b.id }))
      .row();
  }
  await replyInPieces(ctx, lines.join("\n"), keyboard);
});
