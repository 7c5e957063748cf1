import type { MiddlewareFn } from "grammy";
import { mustAcceptNotice, showConsentNotice } from "../consent-notice.js";
import type { BotContext } from "../context.js";
import { extractAttachment } from "../media.js";

/** The notice is shown again only after this long; before, one line says what is waited for. */
const NOTICE_REPEAT_MS = 10 * 60_000;

/**
 * Nothing past this point runs for someone who has not accepted the privacy notice (deputies
 * and staff: their own notice, src/bot/consent-notice.ts, even when they consented earlier as
 * citizens). Whatever was tried is answered in one
 * line saying why; a text or file typed meanwhile is kept and offered again once the notice is
 * accepted; the notice itself is not sent again with every button.
 */
export const requireConsent: MiddlewareFn<BotContext> = async (ctx, next) => {
  // A citizen who became a deputy or staff member has consented as a citizen, but sees no
  // citizen's data before accepting the notice for those who handle it (issue 7, item 13).
  if (ctx.user && !mustAcceptNotice(ctx.user)) return next();
  const message = ctx.message;
  const isCommand = message?.text?.startsWith("/") ?? false;
  if (message && !isCommand) {
    const media = extractAttachment(message);
    const text = message.text ?? message.caption;
    if (media.kind === "attachment") {
      const pending = ctx.session.pendingMedia;
      const group = message.media_group_id;
      if (group && pending?.groupId === group) pending.attachments.push(media.attachment);
      else ctx.session.pendingMedia = { attachments: [media.attachment], groupId: group };
    } else if (message.text !== undefined) {
      ctx.session.pendingMedia = undefined;
    }
    if (text?.trim()) ctx.session.pendingText = [ctx.session.pendingText, text].filter(Boolean).join("\n");
  }
  const shownAt = ctx.session.noticeShownAt ? new Date(ctx.session.noticeShownAt).getTime() : 0;
  const showAgain = ctx.deps.now().getTime() - shownAt > NOTICE_REPEAT_MS;
  // The notice follows this line when it is sent again; otherwise it is the one already above.
  const where = showAgain ? "" : "-above";
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("privacy-required"), show_alert: true });
  else if (message)
    await ctx.reply(ctx.t(`${isCommand ? "consent-gate-command" : "consent-gate-kept"}${where}`));
  if (showAgain) await showConsentNotice(ctx);
};
