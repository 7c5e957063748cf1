// /broadcast: staff compose a notice (text with formatting, optionally a photo or document),
// see it exactly as recipients will, choose the audience within their scope, send now or
// at a chosen time, and confirm. Delivery runs in the queue (src/jobs/tasks/broadcast.ts and
// the delivery engine, src/jobs/delivery.ts).
import { InlineKeyboard } from "grammy";
import type { District } from "../../db/generated/sqlite/client.js";
import { countAudience } from "../../db/queries/audience.js";
import {
  adoptProgressMessage,
  cancelBroadcast,
  countRecipients,
  createBroadcast,
  findBroadcast,
} from "../../db/queries/broadcasts.js";
import { findDistrictById, listChildDistricts } from "../../db/queries/districts.js";
import { canHandleDistrict } from "../../domain/access.js";
import {
  type Audience,
  audiences,
  canAddress,
  canStopBroadcast,
  isAudience,
  needsDistrict,
} from "../../domain/audience.js";
import { exampleLocalDateTime, parseLocalDateTime } from "../../domain/local-time.js";
import { broadcastStateMessage } from "../broadcast-progress.js";
import {
  broadcastAudienceData,
  broadcastCancelData,
  broadcastConfirmData,
  broadcastDistrictData,
  broadcastWhenData,
} from "../callback-data.js";
import { handlerScopeOf } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext, BroadcastFlow } from "../context.js";
import { escapeHtml, formatDateTime } from "../format.js";
import { broadcastMessage } from "../renderers/broadcast.js";
import { sendPart } from "../transport.js";

export const broadcastFeature = new Composer<BotContext>();
const feature = broadcastFeature.chatType("private");
const senders = feature.filter((ctx) => ctx.user?.role === "staff" || ctx.user?.role === "admin");

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

function currentFlow(ctx: BotContext): BroadcastFlow | undefined {
  const flow = ctx.session.flow;
  return flow?.kind === "broadcast" ? flow : undefined;
}

const stale = (ctx: BotContext) =>
  ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });

senders.command("broadcast", async (ctx) => {
  ctx.session.flow = { kind: "broadcast", step: "content" };
  await ctx.reply(ctx.t("broadcast-compose"));
});

/** The content message: its text and formatting are kept exactly (entities), media by file_id. */
senders.on("message", async (ctx, next) => {
  const flow = currentFlow(ctx);
  if (!flow || ctx.message.text?.startsWith("/")) return next();
  if (flow.step === "time") return handleTime(ctx, flow);
  if (flow.step !== "content") {
    await ctx.reply(ctx.t("broadcast-use-buttons"));
    return;
  }
  const message = ctx.message;
  const photo = message.photo?.at(-1);
  const document = message.document;
  const text = message.text ?? message.caption ?? "";
  const media = photo ? "photo" : document ? "document" : null;
  if (!text.trim() && !media) {
    await ctx.reply(ctx.t("broadcast-unsupported"));
    return;
  }
  const limit = media ? MAX_CAPTION : MAX_TEXT;
  if ([...text].length > limit) {
    await ctx.reply(ctx.t("broadcast-too-long", { max: limit }));
    return;
  }
  Object.assign(flow, {
    step: "audience",
    text,
    entities: message.entities ?? message.caption_entities ?? [],
    mediaKind: media,
    mediaFileId: photo?.file_id ?? document?.file_id ?? null,
  } satisfies Partial<BroadcastFlow>);
  await ctx.reply(ctx.t("broadcast-preview-intro"));
  for (const part of broadcastMessage(broadcastContent(flow), ctx.t).parts)
    await sendPart(ctx.api, ctx.chat.id, part);
  const keyboard = new InlineKeyboard();
  for (const audience of audiences) {
    if (audience === "all_citizens" && ctx.user.role !== "admin") continue;
    keyboard.text(ctx.t(`broadcast-audience-${audience}`), broadcastAudienceData.pack({ audience })).row();
  }
  keyboard.text(ctx.t("button-cancel"), broadcastConfirmData.pack({ action: "cancel" }));
  await ctx.reply(ctx.t("broadcast-choose-audience"), { reply_markup: keyboard });
});

function broadcastContent(flow: BroadcastFlow) {
  return {
    text: flow.text ?? "",
    entities: JSON.stringify(flow.entities ?? []),
    mediaKind: flow.mediaKind ?? null,
    mediaFileId: flow.mediaFileId ?? null,
  };
}

senders.callbackQuery(broadcastAudienceData.filter, async (ctx) => {
  const data = broadcastAudienceData.unpack(ctx.callbackQuery.data);
  const flow = currentFlow(ctx);
  if (!data || flow?.step !== "audience") return stale(ctx);
  if (data.audience === "all_citizens" && ctx.user.role !== "admin") return stale(ctx);
  flow.audience = data.audience;
  flow.step = "district";
  await ctx.answerCallbackQuery();
  await showDistrictChoice(ctx, flow, null);
});

/** Staff choose among the districts of their scope; admins also "everywhere" for deputies/staff. */
async function showDistrictChoice(
  ctx: BotContext,
  flow: BroadcastFlow,
  districtId: number | null,
): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  let districts: District[];
  if (districtId === null) {
    districts =
      ctx.user.role === "admin"
        ? await listChildDistricts(prisma, null)
        : [await findDistrictById(prisma, ctx.user.staffDistrictId ?? 0)].filter((d) => d !== null);
  } else {
    const current = await findDistrictById(prisma, districtId);
    if (current) {
      keyboard
        .text(
          ctx.t("broadcast-pick-district", { name: localName(current, locale) }),
          broadcastDistrictData.pack({ action: "pick", districtId: current.id }),
        )
        .row();
    }
    districts = await listChildDistricts(prisma, districtId);
  }
  for (const d of districts) {
    keyboard
      .text(localName(d, locale), broadcastDistrictData.pack({ action: "open", districtId: d.id }))
      .row();
  }
  if (ctx.user.role === "admin" && !needsDistrict(flow.audience as Audience)) {
    keyboard
      .text(ctx.t("broadcast-everywhere"), broadcastDistrictData.pack({ action: "all", districtId: 0 }))
      .row();
  }
  keyboard.text(ctx.t("button-cancel"), broadcastConfirmData.pack({ action: "cancel" }));
  const text = ctx.t("broadcast-choose-district");
  if (ctx.callbackQuery?.message) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

senders.callbackQuery(broadcastDistrictData.filter, async (ctx) => {
  const data = broadcastDistrictData.unpack(ctx.callbackQuery.data);
  const flow = currentFlow(ctx);
  if (!data || flow?.step !== "district" || !flow.audience || !isAudience(flow.audience)) return stale(ctx);
  const districtId = data.action === "all" ? null : data.districtId;
  const scope = await handlerScopeOf(ctx);
  // Checked on every step, not only by the buttons offered.
  if (!canAddress({ role: ctx.user.role, scope }, flow.audience, districtId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-out-of-scope"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  if (data.action === "open") {
    await showDistrictChoice(ctx, flow, data.districtId);
    return;
  }
  flow.districtId = districtId;
  flow.step = "when";
  const keyboard = new InlineKeyboard()
    .text(ctx.t("broadcast-send-now"), broadcastWhenData.pack({ when: "now" }))
    .text(ctx.t("broadcast-send-later"), broadcastWhenData.pack({ when: "later" }))
    .row()
    .text(ctx.t("button-cancel"), broadcastConfirmData.pack({ action: "cancel" }));
  await ctx.editMessageText(ctx.t("broadcast-choose-when"), { reply_markup: keyboard });
});

senders.callbackQuery(broadcastWhenData.filter, async (ctx) => {
  const data = broadcastWhenData.unpack(ctx.callbackQuery.data);
  const flow = currentFlow(ctx);
  if (!data || flow?.step !== "when") return stale(ctx);
  await ctx.answerCallbackQuery();
  if (data.when === "later") {
    flow.step = "time";
    await ctx.editMessageText(
      ctx.t("broadcast-ask-time", {
        example: exampleLocalDateTime(ctx.deps.now(), ctx.deps.config.TIME_ZONE),
      }),
    );
    return;
  }
  flow.scheduledAt = null;
  await showConfirmation(ctx, flow);
});

async function handleTime(ctx: BotContext, flow: BroadcastFlow): Promise<void> {
  const at = parseLocalDateTime(ctx.message?.text ?? "", ctx.deps.config.TIME_ZONE);
  if (!at || at.getTime() <= ctx.deps.now().getTime()) {
    await ctx.reply(
      ctx.t("broadcast-bad-time", {
        example: exampleLocalDateTime(ctx.deps.now(), ctx.deps.config.TIME_ZONE),
      }),
    );
    return;
  }
  flow.scheduledAt = at.toISOString();
  await showConfirmation(ctx, flow);
}

async function showConfirmation(ctx: BotContext, flow: BroadcastFlow): Promise<void> {
  flow.step = "confirm";
  const prisma = ctx.deps.db.prisma;
  const locale = await ctx.i18n.getLocale();
  const audience = flow.audience as Audience;
  const district = flow.districtId ? await findDistrictById(prisma, flow.districtId) : null;
  const count = await countAudience(prisma, audience, flow.districtId ?? null);
  const text = ctx.t("broadcast-confirm", {
    audience: ctx.t(`broadcast-audience-${audience}`),
    district: district ? escapeHtml(localName(district, locale)) : ctx.t("broadcast-everywhere"),
    count,
    when: flow.scheduledAt
      ? formatDateTime(new Date(flow.scheduledAt), locale, ctx.deps.config.TIME_ZONE)
      : ctx.t("broadcast-now"),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("broadcast-confirm-button"), broadcastConfirmData.pack({ action: "send" }))
    .text(ctx.t("button-cancel"), broadcastConfirmData.pack({ action: "cancel" }));
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

senders.callbackQuery(broadcastConfirmData.filter, async (ctx) => {
  const data = broadcastConfirmData.unpack(ctx.callbackQuery.data);
  const flow = currentFlow(ctx);
  if (!data || !flow) return stale(ctx);
  if (data.action === "cancel") {
    ctx.session.flow = undefined;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("broadcast-discarded"));
    return;
  }
  if (flow.step !== "confirm" || !flow.audience || !isAudience(flow.audience)) return stale(ctx);
  const scope = await handlerScopeOf(ctx);
  if (!canAddress({ role: ctx.user.role, scope }, flow.audience, flow.districtId ?? null)) {
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-out-of-scope"), show_alert: true });
    return;
  }
  const now = ctx.deps.now();
  const content = broadcastContent(flow);
  const broadcast = await createBroadcast(
    ctx.deps.db,
    {
      createdById: ctx.user.id,
      audience: flow.audience,
      districtId: flow.districtId ?? null,
      text: content.text,
      entities: flow.entities ?? [],
      mediaKind: content.mediaKind,
      mediaFileId: content.mediaFileId,
      scheduledAt: flow.scheduledAt ? new Date(flow.scheduledAt) : null,
      progressChatId: BigInt(ctx.chat.id),
    },
    now,
  );
  ctx.session.flow = undefined;
  await ctx.answerCallbackQuery();
  const locale = await ctx.i18n.getLocale();
  const view = { t: ctx.t, locale, timeZone: ctx.deps.config.TIME_ZONE };
  const { text, reply_markup } = broadcastStateMessage(broadcast, undefined, null, view);
  await ctx.editMessageText(broadcast.scheduledAt ? text : ctx.t("broadcast-started", { id: broadcast.id }), {
    reply_markup,
  });
  // This message is the one the progress and a stop are drawn in, wherever the stop comes from.
  const messageId = ctx.callbackQuery.message?.message_id;
  if (messageId) await adoptProgressMessage(ctx.deps.db.prisma, broadcast.id, messageId, ctx.deps.now());
});

/**
 * Cancelling stops further sends; the sender, an admin, or staff whose scope covers the
 * broadcast's district may cancel (canStopBroadcast). From wherever it is stopped (the
 * confirmation, the progress, /broadcasts), the sender's confirmation/progress message then
 * says it was stopped, by whom and when, without its button; a tap on a stop button of a
 * broadcast that already ended says so and redraws that message as it now stands.
 */
senders.callbackQuery(broadcastCancelData.filter, async (ctx) => {
  const data = broadcastCancelData.unpack(ctx.callbackQuery.data);
  const broadcast = data ? await findBroadcast(ctx.deps.db.prisma, data.broadcastId) : null;
  if (!broadcast) return stale(ctx);
  const scope = await handlerScopeOf(ctx);
  if (!canStopBroadcast(ctx.user, broadcast, (id) => canHandleDistrict(scope, id))) return stale(ctx);
  const cancelled = await cancelBroadcast(ctx.deps.db, broadcast.id, ctx.deps.now(), ctx.user.id);
  const text = cancelled
    ? ctx.t("broadcast-cancelled", { id: broadcast.id })
    : ctx.t("broadcast-already-ended");
  await ctx.answerCallbackQuery({ text, show_alert: !cancelled });
  await redrawBroadcast(ctx, broadcast.id);
});

/**
 * Draws broadcast `broadcastId` as it now stands in the sender's confirmation/progress message
 * (in the sender's language), and in the tapped message too when that is another copy of it
 * (its only button this broadcast's stop); a /broadcasts list keeps its other buttons. Best
 * effort: a message too old to edit stays as it is.
 */
async function redrawBroadcast(ctx: BotContext, broadcastId: number): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const broadcast = await findBroadcast(prisma, broadcastId);
  if (!broadcast) return;
  const [counts, stopper] = await Promise.all([
    broadcast.startedAt ? countRecipients(prisma, broadcast.id) : undefined,
    broadcast.cancelledById ? prisma.user.findUnique({ where: { id: broadcast.cancelledById } }) : null,
  ]);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const senderLocale = broadcast.createdBy.locale ?? ctx.deps.config.DEFAULT_LOCALE;
  const senderView = {
    t: (key: string, vars?: Record<string, string | number>) => ctx.deps.i18n.t(senderLocale, key, vars),
    locale: senderLocale,
    timeZone,
  };
  const draw = async (chatId: number, messageId: number, view: typeof senderView) => {
    const { text, reply_markup } = broadcastStateMessage(broadcast, counts, stopper, view);
    await ctx.api.editMessageText(chatId, messageId, text, { reply_markup }).catch(() => undefined);
  };
  const original =
    broadcast.progressChatId && broadcast.progressMessageId
      ? { chatId: Number(broadcast.progressChatId), messageId: broadcast.progressMessageId }
      : undefined;
  if (original) await draw(original.chatId, original.messageId, senderView);
  const tapped = ctx.callbackQuery?.message;
  if (!tapped || (original && tapped.chat.id === original.chatId && tapped.message_id === original.messageId))
    return;
  const buttons = tapped.reply_markup?.inline_keyboard.flat() ?? [];
  if (buttons.length !== 1) return;
  await draw(tapped.chat.id, tapped.message_id, { t: ctx.t, locale: await ctx.i18n.getLocale(), timeZone });
}
