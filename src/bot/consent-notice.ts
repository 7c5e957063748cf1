// Which notice someone must accept before using the bot: deputies, staff and admins get the one
// written for them (confidentiality of citizens' data, what is logged about their actions), once;
// everyone else the citizens' privacy notice (issue 7, item 13).
import { needsStaffNotice } from "../domain/roles.js";
import type { BotContext } from "./context.js";
import { privacyKeyboard } from "./keyboards/privacy.js";

/** The Fluent key of the notice this user has to accept (or reads with /privacy). */
export function consentNoticeKey(
  user: BotContext["user"],
): "staff-notice" | "department-notice" | "privacy-notice" {
  if (needsStaffNotice(user)) return "staff-notice";
  // A department's contact handles referred cases, not their own: the notice for handlers.
  return user.role === "department" ? "department-notice" : "privacy-notice";
}

/** Whether this user still has a notice to accept before going on. */
export function mustAcceptNotice(user: BotContext["user"]): boolean {
  return !user.consentedAt || needsStaffNotice(user);
}

/** Sends the notice with its Agree / Decline buttons, and remembers when. */
export async function showConsentNotice(ctx: BotContext): Promise<void> {
  ctx.session.noticeShownAt = ctx.deps.now().toISOString();
  await ctx.reply(ctx.t(consentNoticeKey(ctx.user)), {
    parse_mode: "HTML",
    reply_markup: privacyKeyboard(ctx.t),
  });
}
