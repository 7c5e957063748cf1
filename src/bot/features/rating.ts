// The citizen rates an outcome: 满意 / 基本满意 / 不满意; 不满意 re-opens the case (and sends an
// outcome the departments answered back to them, 重办).

import { rateAsCosigner } from "../../db/queries/concern-parties.js";
import { rateConcern } from "../../db/queries/concerns.js";
import { redoReferralsAfterCitizen } from "../../db/queries/referrals.js";
import type { Rating } from "../../domain/concern-status.js";
import { rateData, ratingOfCode } from "../callback-data.js";
import { caseErrorMessage } from "../case-access.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { referralTime } from "../referral-support.js";

export const ratingFeature = new Composer<BotContext>();
const feature = ratingFeature.chatType("private");

feature.callbackQuery(rateData.filter, async (ctx) => {
  const data = rateData.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const rating = ratingOfCode[data.rating];
  const concern = await ctx.deps.db.prisma.concern.findUnique({ where: { id: data.concernId } });
  if (concern && concern.citizenId !== ctx.user.id) return rateCosigned(ctx, concern.id, rating);
  let reopened: boolean;
  let caseNo: string;
  const time = await referralTime(ctx);
  try {
    const result = await rateConcern(ctx.deps.db, {
      concernId: data.concernId,
      citizenId: ctx.user.id,
      rating,
      now: ctx.deps.now(),
      // 不满意 with an outcome the departments answered: back to the same departments (重办).
      onReopened: async (tx, concern) => {
        const redone = await redoReferralsAfterCitizen(tx, ctx.deps.db, concern.id, time);
        return redone > 0 ? "referred" : undefined;
      },
    });
    reopened = result.reopened;
    caseNo = result.concern.caseNo;
  } catch (error) {
    const message = caseErrorMessage(ctx, error);
    if (!message) throw error;
    await ctx.answerCallbackQuery({ text: message, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(
    reopened
      ? ctx.t("rating-reopened", { caseNo })
      : ctx.t("rating-thanks", { caseNo, rating: ctx.t(`rating-${rating}`) }),
    { parse_mode: "HTML" },
  );
});

/** A co-signer's rating: kept on their co-signature and counted; it never reopens the case. */
async function rateCosigned(ctx: BotContext, concernId: number, rating: Rating): Promise<void> {
  let caseNo: string;
  try {
    const result = await rateAsCosigner(ctx.deps.db.prisma, {
      concernId,
      userId: ctx.user.id,
      rating,
      now: ctx.deps.now(),
    });
    caseNo = result.concern.caseNo;
  } catch (error) {
    const message = caseErrorMessage(ctx, error);
    if (!message) throw error;
    await ctx.answerCallbackQuery({ text: message, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t("cosign-rating-thanks", { caseNo, rating: ctx.t(`rating-${rating}`) }), {
    parse_mode: "HTML",
  });
}
