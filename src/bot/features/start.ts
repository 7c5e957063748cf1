// /start: deep links (a station's QR code d_<district>, an invite inv_<token>), the privacy
// notice and consent, then the district choice. /privacy shows the notice again.

import { findDistrictByCode } from "../../db/queries/districts.js";
import { redeemInvite } from "../../db/queries/invites.js";
import { subscribe } from "../../db/queries/subscriptions.js";
import { recordConsent, setUserDistrict } from "../../db/queries/users.js";
import { CLAIM_PAYLOAD_PREFIX } from "../../domain/case-intake.js";
import { needsStaffNotice } from "../../domain/roles.js";
import { consentData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import { makeConcernOffer } from "../concern-offers.js";
import { mustAcceptNotice, showConsentNotice } from "../consent-notice.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { myDataKeyboard } from "../keyboards/privacy.js";
import { showDistrictPicker } from "./district.js";
import { showOpenCasesOnJoining } from "./inbox.js";
import { claimCase } from "./intake.js";
import { showMainMenu } from "./menu.js";

export const startFeature = new Composer<BotContext>();
const feature = startFeature.chatType("private");

async function handleInvite(ctx: BotContext, token: string): Promise<void> {
  const { db, now } = ctx.deps;
  const result = await redeemInvite(db.prisma, { token, userId: ctx.user.id, now: now() });
  if (!result.ok) {
    await ctx.reply(ctx.t(`invite-${result.reason.replace("_", "-")}`));
    return;
  }
  ctx.user = (await db.prisma.user.findUnique({ where: { id: ctx.user.id } })) ?? ctx.user;
  const locale = await ctx.i18n.getLocale();
  const place = result.role === "department" ? result.department : result.district;
  await ctx.reply(
    ctx.t(`invite-welcome-${result.role}`, { district: escapeHtml(localName(place, locale)) }),
    { parse_mode: "HTML" },
  );
  // A newcomer is shown the cases waiting once they have accepted the notice for deputies and staff.
  if (!needsStaffNotice(ctx.user)) await showOpenCasesOnJoining(ctx);
}

feature.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  if (payload.startsWith("inv_")) await handleInvite(ctx, payload.slice(4));
  // A walk-in slip's QR code: the case is claimed once the privacy notice is accepted.
  if (payload.startsWith(CLAIM_PAYLOAD_PREFIX))
    ctx.session.pendingClaimCode = payload.slice(CLAIM_PAYLOAD_PREFIX.length);
  if (payload.startsWith("d_")) {
    const district = await findDistrictByCode(ctx.deps.db.prisma, payload.slice(2));
    if (district) ctx.session.pendingDistrictCode = district.code;
    else await ctx.reply(ctx.t("start-unknown-district"));
  }
  // Deputies and staff get their own notice after the invite, citizens the privacy notice.
  if (mustAcceptNotice(ctx.user)) {
    await showConsentNotice(ctx);
    return;
  }
  await afterConsent(ctx);
});

feature.command("privacy", async (ctx) => {
  if (mustAcceptNotice(ctx.user)) {
    await showConsentNotice(ctx);
    return;
  }
  await ctx.reply(ctx.t("privacy-notice"), { parse_mode: "HTML", reply_markup: myDataKeyboard(ctx.t) });
});

feature.callbackQuery(consentData.filter, async (ctx) => {
  const data = consentData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (data.answer === "no") {
    await ctx.reply(ctx.t("privacy-declined"));
    return;
  }
  const staffNotice = needsStaffNotice(ctx.user);
  if (!ctx.user.consentedAt || staffNotice)
    ctx.user = await recordConsent(ctx.deps.db.prisma, ctx.user.id, ctx.deps.now(), {
      staffNotice,
      consentedAt: ctx.user.consentedAt,
    });
  ctx.session.noticeShownAt = undefined;
  await ctx.reply(ctx.t(staffNotice ? "staff-notice-accepted" : "privacy-accepted"));
  await afterConsent(ctx);
  // Someone who just joined as a deputy or staff member sees the cases already waiting.
  if (staffNotice) await showOpenCasesOnJoining(ctx);
  // What was typed before accepting is kept: offered again now.
  const { pendingText, pendingMedia } = ctx.session;
  if (pendingText || pendingMedia) {
    ctx.session.pendingText = undefined;
    ctx.session.pendingMedia = undefined;
    await makeConcernOffer(
      ctx,
      { text: pendingText, attachments: pendingMedia?.attachments ?? [], sourceMessageIds: [] },
      { key: "consent-kept-offer", args: { text: escapeHtml(pendingText ?? "") } },
    );
  }
});

/** A QR-code district is applied at once; otherwise a citizen without a district picks one. */
async function afterConsent(ctx: BotContext): Promise<void> {
  const claim = ctx.session.pendingClaimCode;
  if (claim) {
    ctx.session.pendingClaimCode = undefined;
    await claimCase(ctx, claim);
  }
  const code = ctx.session.pendingDistrictCode;
  if (code) {
    ctx.session.pendingDistrictCode = undefined;
    const district = await findDistrictByCode(ctx.deps.db.prisma, code);
    if (district) {
      ctx.user = await setUserDistrict(ctx.deps.db.prisma, ctx.user.id, district.id, ctx.deps.now());
      await subscribe(ctx.deps.db.prisma, ctx.user.id, district.id, ctx.deps.now());
      const locale = await ctx.i18n.getLocale();
      await ctx.reply(ctx.t("district-chosen", { district: escapeHtml(localName(district, locale)) }), {
        parse_mode: "HTML",
      });
    }
  }
  if (!ctx.user.districtId && ctx.user.role === "citizen") {
    await showDistrictPicker(ctx, null);
    return;
  }
  await showMainMenu(ctx);
}
