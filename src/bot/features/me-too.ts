// "This is my problem too" (issue 11): after a citizen has described a problem and chosen its
// category, and before they submit it, up to three similar open cases of their district are
// offered (src/domain/similar-concerns.ts). Joining one makes them its co-signer: a party who
// hears every update and the answer, may rate it and is counted; nothing new is filed.
import { InlineKeyboard } from "grammy";
import { addCosigner, OwnConcernError } from "../../db/queries/concern-parties.js";
import { listSimilarityCandidates } from "../../db/queries/similar-concerns.js";
import { rankSimilarConcerns } from "../../domain/similar-concerns.js";
import { meTooData, openCaseData } from "../callback-data.js";
import { caseErrorMessage } from "../case-access.js";
import { statusLabel } from "../case-view.js";
import { Composer } from "../composer.js";
import { type ConcernFlow, showConfirmation } from "../concern-confirmation.js";
import type { BotContext } from "../context.js";
import { escapeHtml, truncate } from "../format.js";

export const meTooFeature = new Composer<BotContext>();
const feature = meTooFeature.chatType("private");

/** Characters of another citizen's description shown in the offer: enough to recognise it. */
const SUMMARY_CHARS = 60;

/**
 * Offers the similar open cases for a draft whose category was just chosen, editing the
 * tapped message; false (nothing shown) when there are none. The citizen's own cases are not
 * offered: they would add to those instead.
 */
export async function offerSimilarCases(ctx: BotContext, draft: ConcernFlow): Promise<boolean> {
  const districtId = ctx.user.districtId;
  if (!districtId) return false;
  const now = ctx.deps.now();
  const candidates = await listSimilarityCandidates(ctx.deps.db.prisma, { districtId, now });
  const similar = rankSimilarConcerns(
    { text: draft.description, categoryId: draft.categoryId, location: draft.location, districtId, now },
    candidates.filter((c) => c.citizenId !== ctx.user.id),
  );
  if (similar.length === 0) return false;
  draft.step = "similar";
  draft.similarIds = similar.map((s) => s.concern.id);
  const lines = [ctx.t("metoo-title", { count: similar.length })];
  for (const [i, { concern }] of similar.entries()) {
    lines.push(
      "",
      ctx.t("metoo-case", {
        n: i + 1,
        caseNo: concern.caseNo,
        status: statusLabel(ctx.t, concern.status),
        cosigners: concern._count.parties,
        summary: escapeHtml(truncate(concern.description, SUMMARY_CHARS)),
      }),
    );
  }
  lines.push("", ctx.t("metoo-hint"));
  const keyboard = new InlineKeyboard();
  for (const [i, { concern }] of similar.entries())
    keyboard
      .text(
        ctx.t("button-metoo-join", { n: i + 1 }),
        meTooData.pack({ action: "join", concernId: concern.id }),
      )
      .row();
  keyboard.text(ctx.t("button-metoo-skip"), meTooData.pack({ action: "skip", concernId: 0 }));
  await ctx.editMessageText(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
  return true;
}

feature.callbackQuery(meTooData.filter, async (ctx) => {
  const data = meTooData.unpack(ctx.callbackQuery.data);
  const flow = ctx.session.flow;
  const draft = flow?.kind === "concern" && flow.step === "similar" ? flow : undefined;
  if (!data || !draft) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  if (data.action === "skip") {
    draft.step = "confirm";
    draft.similarIds = undefined;
    await ctx.answerCallbackQuery();
    await showConfirmation(ctx, draft);
    return;
  }
  // Only a case that was offered: a forged id could otherwise join any case anywhere.
  if (!draft.similarIds?.includes(data.concernId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const prisma = ctx.deps.db.prisma;
  try {
    const concern = await prisma.concern.findUnique({ where: { id: data.concernId } });
    if (!concern || concern.districtId !== ctx.user.districtId) {
      await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
      return;
    }
    await addCosigner(prisma, { concernId: concern.id, userId: ctx.user.id, now: ctx.deps.now() });
    const cosigners = await prisma.concernParty.count({ where: { concernId: concern.id } });
    ctx.session.flow = undefined;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("metoo-joined", { caseNo: concern.caseNo, cosigners }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(
        ctx.t("button-open-case"),
        openCaseData.pack({ concernId: concern.id }),
      ),
    });
  } catch (error) {
    const answer = error instanceof OwnConcernError ? ctx.t("metoo-own-case") : caseErrorMessage(ctx, error);
    if (!answer) throw error;
    await ctx.answerCallbackQuery({ text: answer, show_alert: true });
  }
});
