// /new: a citizen describes a problem (text, photos, files, voice), picks a category,
// chooses whether to stay anonymous and submits; the case number comes back at once.
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { loadNewCaseAudience } from "../../db/queries/case-people.js";
import { findConcernStatus } from "../../db/queries/concerns.js";
import { createConcernUnderModeration } from "../../db/queries/moderation.js";
import { draftData, locationConsentData, newConcernData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import { type ConcernFlow, showConfirmation } from "../concern-confirmation.js";
import { findConcernOffer, type OfferContent, takeConcernOffer } from "../concern-offers.js";
import type { BotContext } from "../context.js";
import { citizenCaseKeyboard } from "../keyboards/case.js";
import { categoryKeyboard, describeKeyboard } from "../keyboards/concern-draft.js";
import { extractAttachment, MAX_ATTACHMENTS } from "../media.js";
import { showDistrictPicker } from "./district.js";
import { offerSimilarCases } from "./me-too.js";

export const concernIntakeFeature = new Composer<BotContext>();
const feature = concernIntakeFeature.chatType("private");

/**
 * Starts a concern draft, optionally holding the content of the offer it was accepted from (a
 * text, or a photo or album with its caption: issue 7, items 9 and review 1). Asks for a
 * district first when the citizen has none; returns whether the draft was started.
 */
export async function startDraft(ctx: BotContext, content?: OfferContent): Promise<boolean> {
  if (!ctx.user.districtId) {
    await ctx.reply(ctx.t("concern-need-district"));
    await showDistrictPicker(ctx, null);
    return false;
  }
  const initialText = content?.text ?? "";
  const attachments = content?.attachments ?? [];
  // The words count as a part of the message they came in, so that editing it amends the draft.
  const sourceId = content?.sourceMessageIds.length === 1 ? content.sourceMessageIds[0]! : 0;
  const flow: ConcernFlow = {
    kind: "concern",
    step: "describe",
    draftId: randomUUID(),
    description: initialText,
    attachments,
    categoryId: null,
    anonymous: false,
    parts: initialText ? [{ messageId: sourceId, text: initialText }] : [],
  };
  // The rest of an album still arriving joins the draft without a status message per photo.
  if (content?.groupId) flow.lastMediaGroupId = content.groupId;
  ctx.session.flow = flow;
  ctx.session.pendingText = undefined;
  ctx.session.pendingMedia = undefined;
  const text =
    initialText || attachments.length > 0
      ? ctx.t("concern-draft-status", { chars: [...flow.description].length, files: attachments.length })
      : ctx.t("concern-describe");
  await ctx.reply(text, { reply_markup: describeKeyboard(ctx.t) });
  return true;
}

feature.command("new", (ctx) => startDraft(ctx));

// Yes or no to one offer: yes files exactly what that offer was made for; an offer no longer
// open (superseded long ago, already answered, from before a restart) says so and loses its buttons.
feature.callbackQuery(newConcernData.filter, async (ctx) => {
  const data = newConcernData.unpack(ctx.callbackQuery.data);
  const offer = data ? findConcernOffer(ctx, data.offer) : undefined;
  if (!data || !offer) {
    await ctx.answerCallbackQuery({ text: ctx.t("offer-expired-toast"), show_alert: true });
    await ctx.editMessageText(ctx.t("offer-expired")).catch(() => undefined);
    return;
  }
  if (data.source === "no") {
    takeConcernOffer(ctx, offer.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t(offer.attachments.length > 0 ? "fallback-not-concern-media" : "fallback-not-concern"),
    );
    return;
  }
  if (currentDraft(ctx)) {
    // One draft at a time: this offer stays open for after the current one.
    await ctx.answerCallbackQuery({ text: ctx.t("offer-draft-open"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  if (!(await startDraft(ctx, offer))) return;
  takeConcernOffer(ctx, offer.id);
  await ctx.editMessageReplyMarkup().catch(() => undefined);
});

function currentDraft(ctx: BotContext): ConcernFlow | undefined {
  const flow = ctx.session.flow;
  return flow?.kind === "concern" ? flow : undefined;
}

/** Text and media while describing; anything else gets a clear answer. */
export async function handleDraftInput(ctx: BotContext, draft: ConcernFlow): Promise<void> {
  const message = ctx.message!;
  const max = ctx.deps.config.MAX_CONCERN_LENGTH;
  if (draft.step !== "describe") {
    await ctx.reply(ctx.t("concern-use-buttons"));
    return;
  }
  const place = message.location ?? message.venue?.location;
  if (place) {
    await handleLocation(ctx, draft, { latitude: place.latitude, longitude: place.longitude });
    return;
  }
  let added = "";
  if (message.text !== undefined) {
    added = message.text;
  } else {
    const media = extractAttachment(message);
    if (media.kind === "none") {
      await ctx.reply(ctx.t("concern-unsupported-input"));
      return;
    }
    if (media.kind === "too-large") {
      await ctx.reply(ctx.t("error-file-too-large", { mb: 20 }));
      return;
    }
    if (draft.attachments.length >= MAX_ATTACHMENTS) {
      await ctx.reply(ctx.t("concern-too-many-files", { max: MAX_ATTACHMENTS }));
      return;
    }
    draft.attachments.push(media.attachment);
    added = media.caption ?? "";
  }
  const combined = [draft.description, added].filter(Boolean).join("\n");
  if ([...combined].length > max) {
    await ctx.reply(ctx.t("concern-too-long", { max, length: [...combined].length }));
    return;
  }
  draft.description = combined;
  if (added) draft.parts = [...(draft.parts ?? []), { messageId: message.message_id, text: added }];
  // An album arrives as one update per photo: acknowledge it once, not once per photo.
  const group = message.media_group_id;
  if (group && draft.lastMediaGroupId === group) return;
  draft.lastMediaGroupId = group;
  await ctx.reply(
    ctx.t("concern-draft-status", { chars: [...draft.description].length, files: draft.attachments.length }),
    { reply_markup: describeKeyboard(ctx.t) },
  );
}

/** A location is sensitive personal information: attached only with its own consent, asked once. */
async function handleLocation(
  ctx: BotContext,
  draft: ConcernFlow,
  location: { latitude: number; longitude: number },
): Promise<void> {
  if (ctx.user.locationConsentAt) {
    draft.location = location;
    await ctx.reply(ctx.t("concern-location-attached"), { reply_markup: describeKeyboard(ctx.t) });
    return;
  }
  draft.pendingLocation = location;
  await ctx.reply(ctx.t("concern-location-consent"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("button-location-consent"), locationConsentData.pack({ answer: "yes" }))
      .text(ctx.t("button-location-decline"), locationConsentData.pack({ answer: "no" })),
  });
}

feature.callbackQuery(locationConsentData.filter, async (ctx) => {
  const data = locationConsentData.unpack(ctx.callbackQuery.data);
  const draft = currentDraft(ctx);
  if (!data || !draft?.pendingLocation) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  if (data.answer === "yes") {
    const now = ctx.deps.now();
    await ctx.deps.db.prisma.user.update({
      where: { id: ctx.user.id },
      data: { locationConsentAt: now, updatedAt: now },
    });
    ctx.user = { ...ctx.user, locationConsentAt: now };
    draft.location = draft.pendingLocation;
  }
  draft.pendingLocation = undefined;
  await ctx.editMessageText(
    ctx.t(data.answer === "yes" ? "concern-location-attached" : "concern-location-discarded"),
    { reply_markup: describeKeyboard(ctx.t) },
  );
});

feature.callbackQuery(draftData.filter, async (ctx) => {
  const data = draftData.unpack(ctx.callbackQuery.data);
  const draft = currentDraft(ctx);
  if (!data || !draft) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  const prisma = ctx.deps.db.prisma;
  switch (data.action) {
    case "cancel":
      ctx.session.flow = undefined;
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("concern-cancelled"));
      return;
    case "done": {
      if (draft.step !== "describe") break;
      if (!draft.description.trim()) {
        await ctx.answerCallbackQuery({ text: ctx.t("concern-need-text"), show_alert: true });
        return;
      }
      draft.step = "category";
      await ctx.answerCallbackQuery();
      const locale = await ctx.i18n.getLocale();
      const categories = await prisma.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
      await ctx.editMessageText(ctx.t("concern-choose-category"), {
        reply_markup: categoryKeyboard(
          ctx.t,
          categories.map((c) => ({ id: c.id, label: localName(c, locale) })),
        ),
      });
      return;
    }
    case "cat": {
      if (draft.step !== "category") break;
      if (data.value !== 0 && !(await prisma.category.findUnique({ where: { id: data.value } }))) break;
      draft.categoryId = data.value || null;
      await ctx.answerCallbackQuery();
      if (await offerSimilarCases(ctx, draft)) return;
      draft.step = "confirm";
      await showConfirmation(ctx, draft);
      return;
    }
    case "anon":
      if (draft.step !== "confirm") break;
      draft.anonymous = data.value === 1;
      await ctx.answerCallbackQuery();
      await showConfirmation(ctx, draft);
      return;
    case "submit": {
      if (draft.step !== "confirm") break;
      await submitDraft(ctx, draft);
      return;
    }
  }
  await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
});

async function submitDraft(ctx: BotContext, draft: ConcernFlow): Promise<void> {
  const { db, config, now } = ctx.deps;
  if (!ctx.user.districtId) {
    await ctx.answerCallbackQuery({ text: ctx.t("concern-need-district"), show_alert: true });
    return;
  }
  // A muted citizen's concern, or one the flood rules catch, waits for staff (src/domain/moderation.ts).
  const created = await createConcernUnderModeration(db, {
    citizenId: ctx.user.id,
    districtId: ctx.user.districtId,
    categoryId: draft.categoryId,
    description: draft.description,
    anonymous: draft.anonymous,
    attachments: draft.attachments,
    sourceKey: `draft:${draft.draftId}`,
    now: now(),
    timeZone: config.TIME_ZONE,
    dueDays: config.CASE_DUE_DAYS,
    location: draft.location,
  });
  const { concern, hold } = created;
  ctx.session.flow = undefined;
  rememberSubmittedDraft(ctx, concern.id, draft);
  await ctx.answerCallbackQuery();
  if (hold) {
    const key = hold.reason === "muted" ? "moderation-held-muted" : "moderation-held-flood";
    await ctx.editMessageText(ctx.t(key, { caseNo: concern.caseNo }), {
      parse_mode: "HTML",
      reply_markup: citizenCaseKeyboard(ctx.t, concern),
    });
    return;
  }
  // Who was told decides what the citizen is told: "the deputies will…" only when they were.
  // Filed by this update a moment ago, the case is as the transaction that told them left it;
  // a repeated Submit reads its status now (a deputy may have taken it on) and its audience.
  const [current, audience] = created.audience
    ? [concern, created.audience]
    : await Promise.all([
        findConcernStatus(db.prisma, concern.id),
        loadNewCaseAudience(db.prisma, concern.districtId),
      ]);
  const submitted = audience.to === "deputies" ? "concern-submitted" : `concern-submitted-${audience.to}`;
  await ctx.editMessageText(ctx.t(submitted, { caseNo: concern.caseNo }), {
    parse_mode: "HTML",
    reply_markup: citizenCaseKeyboard(ctx.t, current ?? concern),
  });
}

/** How many submitted drafts are remembered for amending by an edit. */
const REMEMBERED_DRAFTS = 5;

function rememberSubmittedDraft(ctx: BotContext, concernId: number, draft: ConcernFlow): void {
  const messageIds = (draft.parts ?? []).map((p) => p.messageId).filter((id) => id > 0);
  if (messageIds.length === 0) return;
  ctx.session.submittedDrafts = [...(ctx.session.submittedDrafts ?? []), { concernId, messageIds }].slice(
    -REMEMBERED_DRAFTS,
  );
}
