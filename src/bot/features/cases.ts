// Looking at cases: /my (a citizen's own), opening one with its timeline, its files.
import { InlineKeyboard } from "grammy";
import { findCosignature } from "../../db/queries/concern-parties.js";
import {
  findConcern,
  listAttachments,
  listConcernsOfCitizen,
  listTimeline,
} from "../../db/queries/concerns.js";
import { listMergedInto } from "../../db/queries/merge.js";
import { listCaseReferrals } from "../../db/queries/referrals.js";
import { parseReferralStatus } from "../../domain/referral.js";
import { cancelFlowData, citizenReplyData, listPageData, openCaseData } from "../callback-data.js";
import { accessCase } from "../case-access.js";
import { caseCard, localName, timelineText } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { citizenCaseKeyboard, cosignerCaseKeyboard, handlerKeyboard } from "../keyboards/case.js";
import { caseListKeyboard, PAGE_SIZE } from "../keyboards/lists.js";
import { referralActionData } from "../referral-callback-data.js";
import { replyInPieces } from "../reply-in-pieces.js";
import { viewOptionsOf } from "../view-options.js";

export const casesFeature = new Composer<BotContext>();
const feature = casesFeature.chatType("private");

async function showMyCases(ctx: BotContext, page: number, edit: boolean): Promise<void> {
  const { items, total } = await listConcernsOfCitizen(ctx.deps.db.prisma, ctx.user.id, page, PAGE_SIZE);
  const text = total === 0 ? ctx.t("my-empty") : ctx.t("my-title", { total });
  const keyboard = caseListKeyboard(ctx.t, "my", items, page, total);
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

feature.command("my", (ctx) => showMyCases(ctx, 0, false));

feature.callbackQuery(listPageData.filter, async (ctx, next) => {
  const data = listPageData.unpack(ctx.callbackQuery.data);
  if (data?.list !== "my") return next();
  await ctx.answerCallbackQuery();
  await showMyCases(ctx, data.page, true);
});

export async function sendCase(ctx: BotContext, concernId: number): Promise<boolean> {
  const access = await accessCase(ctx, concernId);
  if (access.as === "none") return sendCosignedCase(ctx, concernId);
  const view = await viewOptionsOf(ctx);
  const viewer = access.as;
  // A citizen's timeline leaves out what is not theirs to see: read further back for them.
  const events = await listTimeline(ctx.deps.db.prisma, concernId, viewer === "handler" ? 10 : 60);
  const categories = events.some((e) => e.kind === "categorized")
    ? new Map((await ctx.deps.db.prisma.category.findMany()).map((c) => [c.id, c]))
    : undefined;
  const referralIds = [...new Set(events.flatMap((e) => (e.referralId ? [e.referralId] : [])))];
  const [departments, total] =
    viewer === "handler"
      ? await Promise.all([
          referralIds.length > 0
            ? ctx.deps.db.prisma.referral
                .findMany({ where: { id: { in: referralIds } }, select: { id: true, department: true } })
                .then((rows) => new Map(rows.map((r) => [r.id, r.department])))
            : undefined,
          ctx.deps.db.prisma.concernEvent.count({ where: { concernId } }),
        ])
      : [undefined, events.length];
  const hidden = total - events.length;
  const timeline = timelineText(events, viewer, access.concern.anonymous, view, {
    categories,
    departments,
    hidden,
  });
  if (viewer !== "handler") {
    const text = `${caseCard(access.concern, viewer, view)}\n\n${timeline}`;
    await replyInPieces(ctx, text, citizenCaseKeyboard(ctx.t, access.concern));
    return true;
  }
  // Handlers also see the cases merged into this one (并案), and open each referral's card.
  const [merged, referrals] = await Promise.all([
    listMergedInto(ctx.deps.db.prisma, concernId),
    listCaseReferrals(ctx.deps.db.prisma, concernId),
  ]);
  const mergedLine =
    merged.length > 0
      ? `\n${ctx.t("case-merged-duplicates", { count: merged.length, cases: merged.map((m) => m.caseNo).join("、") })}`
      : "";
  const text = `${caseCard(access.concern, viewer, view)}${mergedLine}\n\n${timeline}`;
  const keyboard = handlerKeyboard(ctx.t, {
    ...access.concern,
    attachmentCount: access.concern._count.attachments,
  });
  for (const referral of referrals)
    keyboard.row().text(
      ctx.t("case-referral-row", {
        department: localName(referral.department, view.locale),
        status: ctx.t(`referral-status-${parseReferralStatus(referral.status)}`),
      }),
      referralActionData.pack({ action: "op", referralId: referral.id, value: 0 }),
    );
  await replyInPieces(ctx, text, keyboard);
  return true;
}

/** A case the user co-signed ("me too") and has not left: the citizen's view, without the filer's words. */
async function sendCosignedCase(ctx: BotContext, concernId: number): Promise<boolean> {
  const prisma = ctx.deps.db.prisma;
  const party = await findCosignature(prisma, concernId, ctx.user.id);
  const concern = party && party.leftAt === null ? await findConcern(prisma, concernId) : null;
  if (!concern) return false;
  const view = await viewOptionsOf(ctx);
  const events = await listTimeline(prisma, concernId, 60);
  const text = `${caseCard(concern, "cosigner", view)}\n\n${timelineText(events, "cosigner", concern.anonymous, view)}`;
  await replyInPieces(ctx, text, cosignerCaseKeyboard(ctx.t, concern));
  return true;
}

feature.callbackQuery(openCaseData.filter, async (ctx) => {
  const data = openCaseData.unpack(ctx.callbackQuery.data);
  if (!data || !(await sendCase(ctx, data.concernId))) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
});

/** Sends a case's files back by file_id: they stay on Telegram's servers, not ours. */
export async function sendAttachments(ctx: BotContext, concernId: number): Promise<void> {
  const files = await listAttachments(ctx.deps.db.prisma, concernId);
  for (const file of files) {
    if (file.kind === "location" && file.latitude !== null && file.longitude !== null) {
      await ctx.replyWithLocation(file.latitude, file.longitude);
      continue;
    }
    if (!file.fileId) continue;
    switch (file.kind) {
      case "photo":
        await ctx.replyWithPhoto(file.fileId);
        break;
      case "voice":
        await ctx.replyWithVoice(file.fileId);
        break;
      case "video":
        await ctx.replyWithVideo(file.fileId);
        break;
      case "audio":
        await ctx.replyWithAudio(file.fileId);
        break;
      default:
        await ctx.replyWithDocument(file.fileId);
    }
  }
}

feature.callbackQuery(citizenReplyData.filter, async (ctx) => {
  const data = citizenReplyData.unpack(ctx.callbackQuery.data);
  const access = data ? await accessCase(ctx, data.concernId) : { as: "none" as const };
  if (!data || access.as === "none") {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  ctx.session.flow = { kind: "message", concernId: data.concernId };
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("case-write-message", { caseNo: access.concern.caseNo }), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
  });
});

feature.callbackQuery(cancelFlowData.filter, async (ctx) => {
  ctx.session.flow = undefined;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("flow-cancelled"));
});
