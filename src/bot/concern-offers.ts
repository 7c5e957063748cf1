// "File this as a new concern?": what a citizen sends outside /new is offered as a concern. Each
// offer holds its own content (the text, photos or files of the message(s) it was made for),
// so that accepting an older offer files exactly what it was made for (issue 7, review item 1).
import { randomBytes } from "node:crypto";
import type { AttachmentDraft, BotContext, ConcernOffer } from "./context.js";
import { newConcernOfferKeyboard } from "./keyboards/concern-offer.js";

/** How many offers stay open at once; an older one is edited into "expired" when it drops out. */
export const OPEN_OFFERS = 5;

/** What an offer is made of: the words, the files, the album they came in, the messages. */
export interface OfferContent {
  text?: string | undefined;
  attachments: AttachmentDraft[];
  groupId?: string | undefined;
  sourceMessageIds: number[];
}

/**
 * Sends the offer for `content` (the wording depends on whether it holds files: "this text" or
 * "these photos or files"; `intro` replaces it, e.g. after the consent notice) and keeps the
 * content under the offer's own id in the session. An offer that drops out of the OPEN_OFFERS
 * kept is edited into "expired" (best effort) so that no button promises what it cannot do.
 */
export async function makeConcernOffer(
  ctx: BotContext,
  content: OfferContent,
  intro?: { key: string; args: Record<string, string> },
): Promise<void> {
  const id = randomBytes(6).toString("base64url");
  const key =
    intro?.key ?? (content.attachments.length > 0 ? "fallback-offer-media" : "fallback-offer-concern");
  const sent = await ctx.reply(ctx.t(key, intro?.args ?? {}), {
    parse_mode: "HTML",
    reply_markup: newConcernOfferKeyboard(ctx.t, id),
  });
  const offer: ConcernOffer = { id, ...content };
  // 0: queued while sending is paused; nothing on screen to edit later.
  if (sent.message_id > 0) offer.offerMessageId = sent.message_id;
  const offers = [...(ctx.session.concernOffers ?? []), offer];
  const dropped = offers.slice(0, Math.max(0, offers.length - OPEN_OFFERS));
  ctx.session.concernOffers = offers.slice(-OPEN_OFFERS);
  for (const old of dropped) await expireOfferMessage(ctx, old.offerMessageId);
}

/** The open offer made for the album `groupId`, if any (its later items join it). */
export function offerForAlbum(ctx: BotContext, groupId: string): ConcernOffer | undefined {
  return ctx.session.concernOffers?.find((o) => o.groupId === groupId);
}

/** Takes the offer `id` out of the session and returns it; undefined when it is not open. */
export function takeConcernOffer(ctx: BotContext, id: string): ConcernOffer | undefined {
  const offers = ctx.session.concernOffers ?? [];
  const offer = offers.find((o) => o.id === id);
  if (offer) ctx.session.concernOffers = offers.filter((o) => o !== offer);
  return offer;
}

/** The open offer `id`, left in the session. */
export function findConcernOffer(ctx: BotContext, id: string): ConcernOffer | undefined {
  return ctx.session.concernOffers?.find((o) => o.id === id);
}

/** Edits an offer's message into "this offer has expired", without buttons (best effort). */
export async function expireOfferMessage(ctx: BotContext, messageId: number | undefined): Promise<void> {
  if (messageId === undefined || !ctx.chat) return;
  await ctx.api.editMessageText(ctx.chat.id, messageId, ctx.t("offer-expired")).catch(() => undefined);
}
