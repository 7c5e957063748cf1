// The last step of a draft concern: what will be submitted, with the anonymity toggle and the
// submit button. Shown after the category, or after the "me too" offer was passed over.
import { localName } from "./case-view.js";
import type { BotContext, Flow } from "./context.js";
import { escapeHtml } from "./format.js";
import { confirmKeyboard } from "./keyboards/concern-draft.js";

export type ConcernFlow = Extract<Flow, { kind: "concern" }>;

/** Edits the message of the tapped button into the draft's confirmation. */
export async function showConfirmation(ctx: BotContext, draft: ConcernFlow): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const prisma = ctx.deps.db.prisma;
  const [district, category] = await Promise.all([
    prisma.district.findUnique({ where: { id: ctx.user.districtId ?? 0 } }),
    draft.categoryId ? prisma.category.findUnique({ where: { id: draft.categoryId } }) : null,
  ]);
  const text = ctx.t("concern-confirm", {
    district: escapeHtml(district ? localName(district, locale) : "—"),
    category: category ? escapeHtml(localName(category, locale)) : ctx.t("case-no-category"),
    files: draft.attachments.length,
    description: escapeHtml(draft.description),
    anonymity: draft.anonymous ? ctx.t("concern-anonymous-yes") : ctx.t("concern-anonymous-no"),
    location: draft.location ? ctx.t("concern-location-yes") : ctx.t("concern-location-no"),
  });
  await ctx.editMessageText(text, {
    parse_mode: "HTML",
    reply_markup: confirmKeyboard(ctx.t, draft.anonymous),
  });
}
