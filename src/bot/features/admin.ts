// What the operator's command line does, from the bot, for admins named in ADMIN_IDS:
// /invite makes a single-use link for a representative, staff member or department contact, /seed loads a
// seed file sent as a document, /districts lists the codes.

import { listChildDistricts } from "../../db/queries/districts.js";
import {
  createInvite,
  inviteLink,
  UnknownDepartmentError,
  UnknownDistrictError,
} from "../../db/queries/invites.js";
import { seedDirectory, seedFileSchema } from "../../db/queries/seed.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { replyInPieces } from "../reply-in-pieces.js";

export const adminFeature = new Composer<BotContext>();
const feature = adminFeature.chatType("private");
const admins = feature.filter((ctx) => ctx.user?.role === "admin");

admins.command("invite", async (ctx) => {
  const [role, districtCode] = ctx.match.trim().split(/\s+/);
  if ((role !== "representative" && role !== "staff" && role !== "department") || !districtCode) {
    await ctx.reply(ctx.t("admin-invite-usage"));
    return;
  }
  try {
    const invite = await createInvite(ctx.deps.db.prisma, {
      role,
      districtCode,
      createdById: ctx.user.id,
      ttlHours: ctx.deps.config.INVITE_TTL_HOURS,
      now: ctx.deps.now(),
    });
    // Named as people know it, with the code that was typed: "东门社区(QS-CG-DM)".
    const place = invite.department ?? invite.district;
    const named = place
      ? ctx.t("admin-invite-place", {
          name: localName(place, await ctx.i18n.getLocale()),
          code: districtCode,
        })
      : districtCode;
    await ctx.reply(
      ctx.t(role === "department" ? "admin-invite-created-department" : "admin-invite-created", {
        role: ctx.t(`role-${role}`),
        district: escapeHtml(named),
        link: inviteLink(ctx.me.username, invite.token),
        hours: ctx.deps.config.INVITE_TTL_HOURS,
      }),
      { parse_mode: "HTML" },
    );
  } catch (error) {
    if (!(error instanceof UnknownDistrictError || error instanceof UnknownDepartmentError)) throw error;
    const key =
      error instanceof UnknownDepartmentError ? "admin-unknown-department" : "admin-unknown-district";
    await ctx.reply(ctx.t(key, { code: escapeHtml(districtCode) }), { parse_mode: "HTML" });
  }
});

admins.command("districts", async (ctx) => {
  const lines: string[] = [];
  const walk = async (parentId: number | null, depth: number) => {
    for (const d of await listChildDistricts(ctx.deps.db.prisma, parentId)) {
      lines.push(
        `${"  ".repeat(depth)}<code>${escapeHtml(d.code)}</code> ${escapeHtml(d.nameZh)} / ${escapeHtml(d.nameEn)}`,
      );
      await walk(d.id, depth + 1);
    }
  };
  await walk(null, 0);
  await replyInPieces(ctx, lines.length ? lines.join("\n") : ctx.t("district-none-configured"));
});

const MAX_SEED_BYTES = 1024 * 1024;

admins.on("message:document", async (ctx, next) => {
  if (!ctx.message.caption?.startsWith("/seed")) return next();
  const doc = ctx.message.document;
  if ((doc.file_size ?? 0) > MAX_SEED_BYTES) {
    await ctx.reply(ctx.t("admin-seed-too-large"));
    return;
  }
  const file = await ctx.getFile();
  const root = ctx.deps.config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  const response = await fetch(`${root}/file/bot${ctx.deps.config.BOT_TOKEN}/${file.file_path}`);
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    await ctx.reply(ctx.t("admin-seed-invalid", { problems: "JSON" }));
    return;
  }
  const parsed = seedFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("\n");
    await ctx.reply(ctx.t("admin-seed-invalid", { problems: escapeHtml(problems) }), { parse_mode: "HTML" });
    return;
  }
  const counts = await seedDirectory(ctx.deps.db.prisma, parsed.data, ctx.deps.now());
  await ctx.reply(ctx.t("admin-seed-done", counts));
});
