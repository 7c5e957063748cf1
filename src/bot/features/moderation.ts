// Moderation in the bot (issue 11), for staff and admins within their district scope:
// /review lists the cases held for review (a muted citizen's, or caught by the flood rules)
// to release to the deputies or reject with a reason; /moderation <case number> shows the
// citizen behind a case (as a deputy may see them: never an anonymous one's identity), their
// moderation record and buttons to mute or block them or undo an action. Every action is a
// ModerationAction row or a status event on the case's timeline; the rules are in
// src/domain/moderation.ts.
import { InlineKeyboard } from "grammy";
import { scopeDistrictIds } from "../../db/queries/access.js";
import { findConcern } from "../../db/queries/concerns.js";
import {
  applyModeration,
  ConcernNotHeldError,
  declineHeldConcern,
  listHeldConcerns,
  listModerationActions,
  ModerationAlreadyUndoneError,
  ModerationNotAllowedError,
  releaseHeldConcern,
  undoModeration,
} from "../../db/queries/moderation.js";
import { canHandleDistrict, type HandlerScope } from "../../domain/access.js";
import type { ModerationKind } from "../../domain/moderation.js";
import { cancelFlowData, moderationData } from "../callback-data.js";
import { caseErrorMessage, handlerScopeOf } from "../case-access.js";
import { citizenLabel } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml, formatDateTime, truncate } from "../format.js";

export const moderationFeature = new Composer<BotContext>();
const feature = moderationFeature.chatType("private");

const PAGE_SIZE = 5;

/** Staff and admins moderate; their scope decides where. Null for anyone else. */
async function moderatorScope(ctx: BotContext): Promise<HandlerScope | null> {
  if (ctx.user.role !== "staff" && ctx.user.role !== "admin") return null;
  const scope = await handlerScopeOf(ctx);
  return scope.kind === "none" ? null : scope;
}

async function showReviewQueue(ctx: BotContext, scope: HandlerScope, page: number): Promise<void> {
  const prisma = ctx.deps.db.prisma;
  const districtIds = scope.kind === "all" ? null : await scopeDistrictIds(prisma, scope);
  const { items, total } = await listHeldConcerns(prisma, { districtIds, page, pageSize: PAGE_SIZE });
  if (total === 0) {
    await ctx.reply(ctx.t("moderation-queue-empty"));
    return;
  }
  const locale = await ctx.i18n.getLocale();
  for (const hold of items) {
    const keyboard = new InlineKeyboard()
      .text(
        ctx.t("button-moderation-release"),
        moderationData.pack({ action: "release", id: hold.concernId }),
      )
      .text(ctx.t("button-moderation-reject"), moderationData.pack({ action: "reject", id: hold.concernId }))
      .row()
      .text(ctx.t("button-moderation-who"), moderationData.pack({ action: "who", id: hold.concernId }));
    await ctx.reply(
      ctx.t("moderation-held-case", {
        caseNo: hold.concern.caseNo,
        reason: ctx.t(`moderation-reason-${hold.reason}`),
        time: formatDateTime(hold.createdAt, locale, ctx.deps.config.TIME_ZONE),
        text: escapeHtml(truncate(hold.concern.description, 500)),
      }),
      { parse_mode: "HTML", reply_markup: keyboard },
    );
  }
  const shown = page * PAGE_SIZE + items.length;
  const footer = new InlineKeyboard();
  if (shown < total)
    footer.text(ctx.t("button-moderation-more"), moderationData.pack({ action: "page", id: page + 2 }));
  await ctx.reply(ctx.t("moderation-queue-count", { total, shown }), { reply_markup: footer });
}

feature.command("review", async (ctx) => {
  const scope = await moderatorScope(ctx);
  if (!scope) {
    await ctx.reply(ctx.t("moderation-not-allowed"));
    return;
  }
  await showReviewQueue(ctx, scope, 0);
});

/** The citizen of a case and their moderation record, with the actions staff may take. */
async function showCitizenRecord(ctx: BotContext, concernId: number, scope: HandlerScope): Promise<boolean> {
  const prisma = ctx.deps.db.prisma;
  const concern = await findConcern(prisma, concernId);
  if (!concern || !canHandleDistrict(scope, concern.districtId)) return false;
  const locale = await ctx.i18n.getLocale();
  const timeZone = ctx.deps.config.TIME_ZONE;
  const actions = await listModerationActions(prisma, concern.citizenId);
  const lines = [
    ctx.t("moderation-record-title", { caseNo: concern.caseNo, citizen: citizenLabel(ctx.t, concern) }),
    ctx.t(
      concern.citizen.bannedAt
        ? "moderation-state-blocked"
        : concern.citizen.mutedAt
          ? "moderation-state-muted"
          : "moderation-state-none",
    ),
  ];
  for (const a of actions)
    lines.push(
      ctx.t(a.undoneAt ? "moderation-record-undone" : "moderation-record-line", {
        kind: ctx.t(`moderation-kind-${a.kind}`),
        time: formatDateTime(a.createdAt, locale, timeZone),
        undone: a.undoneAt ? formatDateTime(a.undoneAt, locale, timeZone) : "",
      }),
    );
  const keyboard = new InlineKeyboard();
  if (!concern.citizen.mutedAt)
    keyboard.text(ctx.t("button-moderation-mute"), moderationData.pack({ action: "mute", id: concern.id }));
  if (!concern.citizen.bannedAt)
    keyboard.text(ctx.t("button-moderation-block"), moderationData.pack({ action: "block", id: concern.id }));
  for (const a of actions.filter((a) => !a.undoneAt))
    keyboard
      .row()
      .text(
        ctx.t("button-moderation-undo", { kind: ctx.t(`moderation-kind-${a.kind}`) }),
        moderationData.pack({ action: "undo", id: a.id }),
      );
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
  return true;
}

feature.command("moderation", async (ctx) => {
  const scope = await moderatorScope(ctx);
  if (!scope) {
    await ctx.reply(ctx.t("moderation-not-allowed"));
    return;
  }
  const caseNo = ctx.match.trim();
  const concern = caseNo ? await ctx.deps.db.prisma.concern.findUnique({ where: { caseNo } }) : null;
  if (!concern || !(await showCitizenRecord(ctx, concern.id, scope)))
    await ctx.reply(ctx.t("moderation-usage"));
});

feature.callbackQuery(moderationData.filter, async (ctx) => {
  const data = moderationData.unpack(ctx.callbackQuery.data);
  const scope = data ? await moderatorScope(ctx) : null;
  if (!data || !scope) {
    await ctx.answerCallbackQuery({ text: ctx.t("moderation-not-allowed"), show_alert: true });
    return;
  }
  const { db, now } = ctx.deps;
  if (data.action === "page") {
    await ctx.answerCallbackQuery();
    await showReviewQueue(ctx, scope, data.id - 1);
    return;
  }
  if (data.action === "undo") {
    const action = await db.prisma.moderationAction.findUnique({
      where: { id: data.id },
      include: { user: true },
    });
    // Undone only where the moderator's scope covers the person's district (admins: anywhere).
    if (
      !action ||
      !(scope.kind === "all" || (action.user.districtId && canHandleDistrict(scope, action.user.districtId)))
    ) {
      await ctx.answerCallbackQuery({ text: ctx.t("moderation-not-allowed"), show_alert: true });
      return;
    }
    try {
      await undoModeration(db.prisma, { actionId: action.id, actorId: ctx.user.id, now: now() });
    } catch (error) {
      if (!(error instanceof ModerationAlreadyUndoneError)) throw error;
      await ctx.answerCallbackQuery({ text: ctx.t("moderation-already-undone"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("moderation-undone", { kind: ctx.t(`moderation-kind-${action.kind}`) }));
    return;
  }
  const concern = await db.prisma.concern.findUnique({ where: { id: data.id } });
  if (!concern || !canHandleDistrict(scope, concern.districtId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const actorRole = ctx.user.role === "admin" ? ("admin" as const) : ("staff" as const);
  try {
    switch (data.action) {
      case "who":
        await ctx.answerCallbackQuery();
        await showCitizenRecord(ctx, concern.id, scope);
        return;
      case "mute":
      case "block": {
        const kind: ModerationKind = data.action;
        await applyModeration(db.prisma, {
          userId: concern.citizenId,
          kind,
          actorId: ctx.user.id,
          now: now(),
        });
        ctx.logger.info({ userId: concern.citizenId, kind, by: ctx.user.id }, "moderation applied");
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t(`moderation-applied-${kind}`, { caseNo: concern.caseNo }), {
          parse_mode: "HTML",
        });
        return;
      }
      case "release":
        await releaseHeldConcern(db, { concernId: concern.id, actorId: ctx.user.id, actorRole, now: now() });
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("moderation-released", { caseNo: concern.caseNo }), { parse_mode: "HTML" });
        return;
      case "reject":
        if (concern.status !== "held") throw new ConcernNotHeldError(concern.id);
        ctx.session.flow = { kind: "hold_reject", concernId: concern.id };
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("moderation-reject-ask", { caseNo: concern.caseNo }), {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cancelFlowData.pack({ zero: "0" })),
        });
        return;
    }
  } catch (error) {
    const answer = moderationErrorMessage(ctx, error);
    if (!answer) throw error;
    await ctx.answerCallbackQuery({ text: answer, show_alert: true });
  }
});

function moderationErrorMessage(ctx: BotContext, error: unknown): string | undefined {
  if (error instanceof ConcernNotHeldError) return ctx.t("moderation-not-held");
  if (error instanceof ModerationNotAllowedError) return ctx.t("moderation-only-citizens");
  return caseErrorMessage(ctx, error);
}

feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow?.kind !== "hold_reject" || ctx.message.text?.startsWith("/")) return next();
  const reason = ctx.message.text ?? "";
  if (!reason.trim()) {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  ctx.session.flow = undefined;
  const scope = await moderatorScope(ctx);
  const concern = await ctx.deps.db.prisma.concern.findUnique({ where: { id: flow.concernId } });
  if (!scope || !concern || !canHandleDistrict(scope, concern.districtId)) {
    await ctx.reply(ctx.t("moderation-not-allowed"));
    return;
  }
  try {
    await declineHeldConcern(ctx.deps.db, {
      concernId: concern.id,
      actorId: ctx.user.id,
      actorRole: ctx.user.role === "admin" ? "admin" : "staff",
      reason: reason.slice(0, 2000),
      now: ctx.deps.now(),
    });
  } catch (error) {
    const answer = moderationErrorMessage(ctx, error);
    if (!answer) throw error;
    await ctx.reply(answer);
    return;
  }
  await ctx.reply(ctx.t("moderation-rejected", { caseNo: concern.caseNo }), { parse_mode: "HTML" });
});
