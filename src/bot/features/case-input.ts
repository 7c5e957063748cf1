// Messages typed while a flow waits for them: a case description, a message on a case
// (either way), an outcome or a reason for declining. Commands never reach this point (the
// prompt guard, src/bot/middlewares/prompt-guard.ts, ends a prompt on any command). A citizen's
// message goes to the case at once; a deputy's or staff member's text — which reaches the
// citizen or changes the case — is shown back first with Send / Edit / Cancel.
import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { addConcernMessage, addEventAttachments, changeConcernStatus } from "../../db/queries/concerns.js";
import { handlerRole } from "../../domain/access.js";
import { cancelFlowData, caseConfirmData } from "../callback-data.js";
import { accessCase, caseErrorMessage } from "../case-access.js";
import { withUnreachableWarning } from "../case-view.js";
import { Composer } from "../composer.js";
import type { AttachmentDraft, BotContext, CaseConfirmFlow, Flow } from "../context.js";
import { escapeHtml } from "../format.js";
import { extractAttachment, MAX_ATTACHMENTS } from "../media.js";
import { viewOptionsOf } from "../view-options.js";
import { handleDraftInput } from "./concern-intake.js";

export const caseInputFeature = new Composer<BotContext>();
const feature = caseInputFeature.chatType("private");

const MAX_MESSAGE_LENGTH = 2000;

/**
 * How long the notifications of a citizen's message that is the first item of an album wait
 * (ms): Telegram sends an album's items as separate updates, a moment apart; they join it.
 */
const ALBUM_HOLD_MS = 2_000;

/**
 * A later item of a citizen's album added to a case (the first item ended the prompt) joins
 * the message of the first, whose notifications — held back a moment — carry the whole album
 * (one album to the handlers). True when the current message was taken so.
 */
export async function joinCaseAlbum(ctx: BotContext): Promise<boolean> {
  const album = ctx.session.caseAlbum;
  const message = ctx.message;
  const group = message?.media_group_id;
  if (!album || !message || !group || album.mediaGroupId !== group) return false;
  const media = extractAttachment(message);
  if (media.kind !== "attachment") return false;
  const access = await accessCase(ctx, album.concernId);
  if (access.as !== "citizen") return false;
  await addEventAttachments(ctx.deps.db, {
    concernId: album.concernId,
    eventId: album.eventId,
    attachments: [media.attachment],
    now: ctx.deps.now(),
  });
  return true;
}

feature.on("message", async (ctx, next) => {
  if (!(await joinCaseAlbum(ctx))) await next();
});

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (!flow || ctx.message.text?.startsWith("/")) return next();
  switch (flow.kind) {
    case "concern":
      return handleDraftInput(ctx, flow);
    case "message":
    case "resolve":
    case "decline":
      return takeCaseText(ctx, { action: flow.kind, concernId: flow.concernId });
    case "case_confirm":
      // A new text while one waits for Send replaces it (and is shown back in turn).
      return takeCaseText(ctx, { action: flow.action, concernId: flow.concernId });
    default:
      // Flows of other features (broadcasts, activities) are handled by them.
      return next();
  }
});

/** What a text on a case is for: a message (either way), an outcome, a reason for declining. */
export interface CaseTextTarget {
  action: "message" | "resolve" | "decline";
  concernId: number;
}

/**
 * Takes the current message as a text on a case: checks it (text needed, length, file size)
 * and the sender's access; a citizen's message is added to the case at once, a deputy's or
 * staff member's text is shown back with Send / Edit / Cancel (CaseConfirmFlow). Used by the
 * prompts above and by Telegram replies to the bot's messages about a case
 * (src/bot/features/case-replies.ts). Answers every refusal in the user's language.
 */
export async function takeCaseText(ctx: BotContext, target: CaseTextTarget): Promise<void> {
  if (await joinCaseAlbum(ctx)) return;
  const message = ctx.message!;
  const media = extractAttachment(message);
  const text = message.text ?? message.caption ?? "";
  if (media.kind === "too-large") {
    await ctx.reply(ctx.t("error-file-too-large", { mb: 20 }));
    return;
  }
  // An album arrives as one update per item: the rest of it joins the text waiting for Send.
  const pending = ctx.session.flow;
  if (
    media.kind === "attachment" &&
    message.media_group_id &&
    pending?.kind === "case_confirm" &&
    pending.mediaGroupId === message.media_group_id &&
    pending.concernId === target.concernId
  ) {
    await addToAlbum(ctx, pending, media.attachment, text);
    return;
  }
  // Outcomes and reasons are words; messages may also carry a photo or file.
  if (!text.trim() && (target.action !== "message" || media.kind === "none")) {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    await ctx.reply(ctx.t("case-text-too-long", { max: MAX_MESSAGE_LENGTH }));
    return;
  }
  const access = await accessCase(ctx, target.concernId);
  if (access.as === "none" || (target.action !== "message" && access.as !== "handler")) {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("case-not-found"));
    return;
  }
  const attachments = media.kind === "attachment" ? [media.attachment] : [];
  const sourceKey = `msg:${message.chat.id}:${message.message_id}`;
  if (access.as === "citizen") {
    const mediaGroupId = media.kind === "attachment" ? message.media_group_id : undefined;
    await applyCaseText(
      ctx,
      { ...target, text, attachments, sourceKey, ...(mediaGroupId ? { mediaGroupId } : {}) },
      access.concern.caseNo,
    );
    return;
  }
  const flow: CaseConfirmFlow = {
    kind: "case_confirm",
    ...target,
    text,
    attachments,
    sourceKey,
    nonce: randomBytes(6).toString("base64url"),
    ...(message.media_group_id ? { mediaGroupId: message.media_group_id } : {}),
  };
  ctx.session.flow = flow;
  await showConfirmation(ctx, flow, access.concern.caseNo, message);
}

/**
 * Adds a later item of an album to the text waiting for Send (its caption too, when the
 * first item had none), and redraws the check with the new number of files; over
 * MAX_ATTACHMENTS, says so. The check's Send button stays the same.
 */
async function addToAlbum(
  ctx: BotContext,
  flow: CaseConfirmFlow,
  attachment: AttachmentDraft,
  caption: string,
): Promise<void> {
  if (flow.attachments.length >= MAX_ATTACHMENTS) {
    await ctx.reply(ctx.t("concern-too-many-files", { max: MAX_ATTACHMENTS }));
    return;
  }
  flow.attachments.push(attachment);
  if (!flow.text.trim() && caption.trim() && [...caption].length <= MAX_MESSAGE_LENGTH) flow.text = caption;
  if (flow.confirmMessageId === undefined) return;
  const concern = await ctx.deps.db.prisma.concern.findUnique({
    where: { id: flow.concernId },
    select: { caseNo: true },
  });
  const { body, options } = confirmationOf(ctx, flow, concern?.caseNo ?? "—");
  // Best-effort: the check already on screen still sends the whole album.
  await ctx.api.editMessageText(ctx.chat!.id, flow.confirmMessageId, body, options).catch(() => undefined);
}

/**
 * Shows a text prepared for a handler (a canned reply with its variables filled in) with Send /
 * Edit / Cancel, exactly as if they had typed it; `sourceKey` is the act's idempotency key.
 */
export async function confirmPreparedText(
  ctx: BotContext,
  target: CaseTextTarget & { caseNo: string },
  text: string,
  sourceKey: string,
): Promise<void> {
  const flow: CaseConfirmFlow = {
    kind: "case_confirm",
    action: target.action,
    concernId: target.concernId,
    text,
    attachments: [],
    sourceKey,
    nonce: randomBytes(6).toString("base64url"),
  };
  ctx.session.flow = flow;
  await showConfirmation(ctx, flow, target.caseNo);
}

/** The check's text and buttons: what will be sent, how many files go with it, Send / Edit / Cancel. */
function confirmationOf(ctx: BotContext, flow: CaseConfirmFlow, caseNo: string) {
  const files = flow.attachments.length;
  const body = [
    ctx.t(`case-confirm-${flow.action}`, { caseNo }),
    "",
    escapeHtml(flow.text),
    ...(files > 0 ? ["", ctx.t("case-confirm-files", { count: files })] : []),
  ].join("\n");
  const pack = (action: "send" | "edit" | "cancel") => caseConfirmData.pack({ action, nonce: flow.nonce });
  const reply_markup = new InlineKeyboard()
    .text(ctx.t("button-confirm-send"), pack("send"))
    .text(ctx.t("button-confirm-edit"), pack("edit"))
    .text(ctx.t("button-cancel"), pack("cancel"));
  return { body, options: { parse_mode: "HTML" as const, reply_markup } };
}

async function showConfirmation(
  ctx: BotContext,
  flow: CaseConfirmFlow,
  caseNo: string,
  source?: Message,
): Promise<void> {
  const { body, options } = confirmationOf(ctx, flow, caseNo);
  const sent = await ctx.reply(body, {
    ...options,
    ...(source
      ? { reply_parameters: { message_id: source.message_id, allow_sending_without_reply: true } }
      : {}),
  });
  // 0: queued while sending is paused (src/bot/deferred-replies.ts): nothing on screen to redraw yet.
  if (sent.message_id > 0) flow.confirmMessageId = sent.message_id;
}

/** Adds the message to the case, or resolves or declines it, and says so; the citizen hears through the queue. */
async function applyCaseText(
  ctx: BotContext,
  input: CaseTextTarget & {
    text: string;
    attachments: AttachmentDraft[];
    sourceKey: string;
    /** The album it is the first item of: the rest joins it (see caseAlbumFeature). */
    mediaGroupId?: string;
  },
  caseNo: string,
): Promise<boolean> {
  const access = await accessCase(ctx, input.concernId);
  if (access.as === "none" || (input.action !== "message" && access.as !== "handler")) {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("case-not-found"));
    return false;
  }
  const { db, now } = ctx.deps;
  const role = access.as === "citizen" ? "citizen" : handlerRole(ctx.user.role);
  // A citizen's message sent at once may be the first of an album still arriving; a handler's
  // waited for Send, its album complete.
  const albumStart = access.as === "citizen" ? input.mediaGroupId : undefined;
  try {
    if (input.action === "message") {
      const event = await addConcernMessage(db, {
        concernId: input.concernId,
        actorId: ctx.user.id,
        actorRole: role,
        text: input.text,
        attachments: input.attachments,
        sourceKey: input.sourceKey,
        now: now(),
        ...(albumStart ? { holdMs: ALBUM_HOLD_MS } : {}),
      });
      if (albumStart)
        ctx.session.caseAlbum = {
          mediaGroupId: albumStart,
          concernId: input.concernId,
          eventId: event.id,
        };
    } else {
      await changeConcernStatus(db, {
        concernId: input.concernId,
        action: input.action,
        actorId: ctx.user.id,
        actorRole: role,
        text: input.text,
        now: now(),
      });
    }
  } catch (error) {
    const answer = caseErrorMessage(ctx, error);
    if (!answer) throw error;
    ctx.session.flow = undefined;
    await ctx.reply(answer);
    return false;
  }
  ctx.session.flow = undefined;
  const key =
    input.action === "message"
      ? role === "citizen"
        ? "case-message-sent"
        : "case-reply-queued"
      : `case-${input.action}d`;
  await ctx.reply(ctx.t(key, { caseNo }), { parse_mode: "HTML" });
  return true;
}

type PromptFlow = Extract<Flow, { kind: "message" | "resolve" | "decline" }>;

feature.callbackQuery(caseConfirmData.filter, async (ctx) => {
  const data = caseConfirmData.unpack(ctx.callbackQuery.data);
  const flow = ctx.session.flow;
  if (!data || flow?.kind !== "case_confirm" || flow.nonce !== data.nonce) {
    // An older check, or one that ended (a command, another button, the time limit).
    await ctx.answerCallbackQuery({ text: ctx.t("case-confirm-stale"), show_alert: true });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  const concern = await ctx.deps.db.prisma.concern.findUnique({
    where: { id: flow.concernId },
    select: { caseNo: true, citizen: { select: { inactiveAt: true, inactiveReason: true } } },
  });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const caseNo = concern?.caseNo ?? "—";
  switch (data.action) {
    case "send":
      await applyCaseText(ctx, flow, caseNo);
      return;
    case "edit": {
      const prompt: PromptFlow = { kind: flow.action, concernId: flow.concernId };
      ctx.session.flow = prompt;
      const key = flow.action === "message" ? "case-write-reply" : `case-write-${flow.action}`;
      const words = ctx.t(key, { caseNo });
      const citizen = concern?.citizen ?? { inactiveAt: null };
      await ctx.reply(withUnreachableWarning(words, citizen, await viewOptionsOf(ctx)), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
      });
      return;
    }
    case "cancel":
      ctx.session.flow = undefined;
      await ctx.reply(ctx.t("case-confirm-cancelled"));
      return;
  }
});
