// "Waiting for the citizen" on a referred case: deputies and staff covering it stop the clock
// of its referrals while the citizen is asked for more details, and start it again (the
// deadlines move on by the working days of the wait). Checked on every press.

import { ClockStateError, pauseCaseClock, resumeCaseClock } from "../../db/queries/case-clock.js";
import { handlerRole } from "../../domain/access.js";
import { accessCaseAsHandler } from "../case-access.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { caseClockData } from "../referral-callback-data.js";
import { referralTime } from "../referral-support.js";
import { refreshCaseMessage } from "./inbox.js";

export const caseClockFeature = new Composer<BotContext>();
const feature = caseClockFeature.chatType("private");

feature.callbackQuery(caseClockData.filter, async (ctx) => {
  const data = caseClockData.unpack(ctx.callbackQuery.data);
  const concern = data ? await accessCaseAsHandler(ctx, data.concernId) : undefined;
  if (!data || !concern) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const actor = { concernId: concern.id, actorId: ctx.user.id, actorRole: handlerRole(ctx.user.role) };
  try {
    if (data.action === "pause") await pauseCaseClock(ctx.deps.db, { ...actor, now: ctx.deps.now() });
    else await resumeCaseClock(ctx.deps.db, { ...actor, time: await referralTime(ctx) });
  } catch (error) {
    if (!(error instanceof ClockStateError)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(`case-clock-not-${data.action}d`), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t(`case-clock-${data.action}d`, { caseNo: concern.caseNo }) });
  await refreshCaseMessage(ctx, concern.id);
});
