// The triage desk (分诊) on a case, for deputies and staff: its category, its priority (一般 /
// 紧急), claiming it, assigning it to a deputy of its district (staff), merging it into a main
// case (并案) and internal notes. Every button re-checks the actor's scope and role on the case
// as it is now (src/domain/triage.ts checkTriage, again inside each write); forged or stale
// data gets a localized answer and changes nothing.

import { type ConcernDetails, findConcern } from "../../db/queries/concerns.js";
import { findConcernByNumber, mergeConcern } from "../../db/queries/merge.js";
import {
  addNote,
  assignConcern,
  listAssignableDeputies,
  MAX_NOTE_LENGTH,
  setCategory,
  setPriority,
} from "../../db/queries/triage.js";
import { canHandleDistrict, handlerRole, isHandler } from "../../domain/access.js";
import { parseCaseNumber } from "../../domain/case-number.js";
import { isOpen } from "../../domain/concern-status.js";
import {
  checkMerge,
  checkTriage,
  MergeRefusedError,
  type TriageActor,
  TriageRefusedError,
} from "../../domain/triage.js";
import { cancelFlowData, triageData } from "../callback-data.js";
import { caseErrorMessage, handlerScopeOf } from "../case-access.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { displayName, escapeHtml } from "../format.js";
import { triageChoiceKeyboard, triageMenuKeyboard } from "../keyboards/triage.js";

export const triageFeature = new Composer<BotContext>();
const feature = triageFeature.chatType("private");

async function actorOf(ctx: BotContext): Promise<TriageActor> {
  return {
    id: ctx.user.id,
    role: ctx.user.role,
    scope: await handlerScopeOf(ctx),
  };
}

/** The localized answer to a refused or failed triage action, or undefined for a bug. */
export function triageErrorMessage(ctx: BotContext, error: unknown): string | undefined {
  if (error instanceof TriageRefusedError)
    return error.code === "out_of_scope" ? ctx.t("case-not-found") : ctx.t(`triage-refused-${error.code}`);
  if (error instanceof MergeRefusedError) return ctx.t(`merge-refused-${error.code}`);
  return caseErrorMessage(ctx, error);
}

const isStaff = (role: string) => role === "staff" || role === "admin";

function menuText(ctx: BotContext, concern: ConcernDetails, locale: string): string {
  return [
    ctx.t("triage-menu-title", { caseNo: concern.caseNo }),
    ctx.t("case-card-category", {
      category: concern.category
        ? escapeHtml(localName(concern.category, locale))
        : ctx.t("case-no-category"),
    }),
    ctx.t("triage-menu-priority", {
      priority: ctx.t(concern.priority >= 1 ? "priority-urgent" : "priority-normal"),
    }),
    ctx.t("triage-card-assignee", {
      name: concern.assignee ? escapeHtml(displayName(concern.assignee)) : ctx.t("triage-nobody"),
    }),
  ].join("\n");
}

/** Sends (or, from one of its own buttons, redraws) the triage menu of a case. */
async function showMenu(ctx: BotContext, concernId: number, edit: boolean): Promise<void> {
  const concern = await findConcern(ctx.deps.db.prisma, concernId);
  if (!concern) return;
  const locale = await ctx.i18n.getLocale();
  const keyboard = triageMenuKeyboard(
    ctx.t,
    { ...concern, open: isOpen(concern.status) },
    { id: ctx.user.id, staff: isStaff(ctx.user.role) },
  );
  const text = menuText(ctx, concern, locale);
  if (edit)
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

const cancelKeyboard = (ctx: BotContext) => ({
  inline_keyboard: [[{ text: ctx.t("button-cancel"), callback_data: cancelFlowData.pack({ zero: "0" }) }]],
});

feature.callbackQuery(triageData.filter, async (ctx) => {
  const data = triageData.unpack(ctx.callbackQuery.data);
  const prisma = ctx.deps.db.prisma;
  const concern = data ? await findConcern(prisma, data.concernId) : null;
  const actor = await actorOf(ctx);
  if (!data || !concern || !canHandleDistrict(actor.scope, concern.districtId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("case-not-found"), show_alert: true });
    return;
  }
  const base = { concernId: concern.id, actor, actorRole: handlerRole(ctx.user.role), now: ctx.deps.now() };
  const alert = (text: string) => ctx.answerCallbackQuery({ text, show_alert: true });
  try {
    switch (data.action) {
      case "menu":
        await ctx.answerCallbackQuery();
        await showMenu(ctx, concern.id, data.value === 1);
        return;
      case "cats": {
        checkTriage("categorize", actor, concern);
        const locale = await ctx.i18n.getLocale();
        const categories = await prisma.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(ctx.t("triage-pick-category", { caseNo: concern.caseNo }), {
          parse_mode: "HTML",
          reply_markup: triageChoiceKeyboard(
            ctx.t,
            concern.id,
            "cat",
            categories.map((c) => ({ id: c.id, label: localName(c, locale) })),
          ),
        });
        return;
      }
      case "cat": {
        const { changed } = await setCategory(ctx.deps.db, { ...base, categoryId: data.value });
        await ctx.answerCallbackQuery({ text: ctx.t(changed ? "triage-done" : "triage-unchanged") });
        await showMenu(ctx, concern.id, true);
        return;
      }
      case "pri": {
        if (data.value > 1) return void (await alert(ctx.t("error-stale-button")));
        const priority = data.value === 1 ? "urgent" : "normal";
        const { changed } = await setPriority(ctx.deps.db, { ...base, priority });
        await ctx.answerCallbackQuery({ text: ctx.t(changed ? "triage-done" : "triage-unchanged") });
        await showMenu(ctx, concern.id, true);
        return;
      }
      case "claim":
        await assignConcern(ctx.deps.db, { ...base, assigneeId: actor.id });
        await ctx.answerCallbackQuery({ text: ctx.t("triage-claimed", { caseNo: concern.caseNo }) });
        await showMenu(ctx, concern.id, true);
        return;
      case "deps": {
        checkTriage("assign", actor, concern);
        const deputies = await listAssignableDeputies(prisma, concern.districtId);
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(
          ctx.t(deputies.length > 0 ? "triage-pick-deputy" : "triage-no-deputies", {
            caseNo: concern.caseNo,
          }),
          {
            parse_mode: "HTML",
            reply_markup: triageChoiceKeyboard(
              ctx.t,
              concern.id,
              "assign",
              deputies.map((d) => ({ id: d.id, label: displayName(d) })),
            ),
          },
        );
        return;
      }
      case "assign": {
        const updated = await assignConcern(ctx.deps.db, { ...base, assigneeId: data.value });
        await ctx.answerCallbackQuery({ text: ctx.t("triage-assigned", { caseNo: updated.caseNo }) });
        await showMenu(ctx, concern.id, true);
        return;
      }
      case "merge":
        checkTriage("merge", actor, concern);
        ctx.session.flow = { kind: "merge", concernId: concern.id };
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("merge-ask-main", { caseNo: concern.caseNo }), {
          parse_mode: "HTML",
          reply_markup: cancelKeyboard(ctx),
        });
        return;
      case "mergeok": {
        const { main } = await mergeConcern(ctx.deps.db, {
          duplicateId: concern.id,
          mainId: data.value,
          actor,
          actorRole: base.actorRole,
          now: base.now,
        });
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("merge-done", { caseNo: concern.caseNo, mainNo: main.caseNo }), {
          parse_mode: "HTML",
        });
        return;
      }
      case "note":
        checkTriage("note", actor, concern);
        ctx.session.flow = { kind: "note", concernId: concern.id };
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("note-ask", { caseNo: concern.caseNo }), {
          parse_mode: "HTML",
          reply_markup: cancelKeyboard(ctx),
        });
        return;
    }
  } catch (error) {
    const message = triageErrorMessage(ctx, error);
    if (!message) throw error;
    await alert(message);
  }
});

// What is typed while a note or a merge waits for it. Commands never reach this point.
feature.on("message", async (ctx, next) => {
  const flow = ctx.session.flow;
  if (!flow || (flow.kind !== "note" && flow.kind !== "merge") || ctx.message.text?.startsWith("/"))
    return next();
  const text = ctx.message.text ?? "";
  if (!text.trim()) {
    await ctx.reply(ctx.t("case-need-text"));
    return;
  }
  const actor = await actorOf(ctx);
  if (!isHandler(actor.scope)) {
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("case-not-found"));
    return;
  }
  try {
    if (flow.kind === "note") {
      if ([...text].length > MAX_NOTE_LENGTH) {
        await ctx.reply(ctx.t("case-text-too-long", { max: MAX_NOTE_LENGTH }));
        return;
      }
      await addNote(ctx.deps.db, {
        concernId: flow.concernId,
        actor,
        actorRole: handlerRole(ctx.user.role),
        text: text.trim(),
        sourceKey: `note:${ctx.message.chat.id}:${ctx.message.message_id}`,
        now: ctx.deps.now(),
      });
      ctx.session.flow = undefined;
      const concern = await findConcern(ctx.deps.db.prisma, flow.concernId);
      await ctx.reply(ctx.t("note-saved", { caseNo: concern?.caseNo ?? "" }), { parse_mode: "HTML" });
      return;
    }
    await previewMerge(ctx, flow.concernId, text, actor);
  } catch (error) {
    const message = triageErrorMessage(ctx, error);
    if (!message) throw error;
    ctx.session.flow = undefined;
    await ctx.reply(message);
  }
});

/** The main case typed for a merge: checked now, confirmed with a button (checked again then). */
async function previewMerge(ctx: BotContext, duplicateId: number, typed: string, actor: TriageActor) {
  const prisma = ctx.deps.db.prisma;
  const caseNo = parseCaseNumber(typed);
  const found = caseNo ? await findConcernByNumber(prisma, caseNo) : null;
  const [duplicate, main] = await Promise.all([
    findConcern(prisma, duplicateId),
    found ? findConcern(prisma, found.id) : null,
  ]);
  if (!duplicate) throw new TriageRefusedError("out_of_scope", duplicateId);
  if (!main) {
    // Unknown, or a case the actor may not see: the same answer, so that numbers cannot be probed.
    await ctx.reply(ctx.t(caseNo ? "merge-main-not-found" : "merge-not-a-number"));
    return;
  }
  try {
    checkMerge(duplicate, main, actor.scope);
  } catch (error) {
    // A main case that cannot take this one: the prompt stays open for another number.
    if (!(error instanceof MergeRefusedError)) throw error;
    await ctx.reply(
      `${triageErrorMessage(ctx, error)}\n${ctx.t("merge-ask-main", { caseNo: duplicate.caseNo })}`,
      {
        parse_mode: "HTML",
        reply_markup: cancelKeyboard(ctx),
      },
    );
    return;
  }
  ctx.session.flow = undefined;
  await ctx.reply(
    ctx.t("merge-confirm", {
      caseNo: duplicate.caseNo,
      mainNo: main.caseNo,
      main: escapeHtml(main.description.slice(0, 200)),
    }),
    {
      parse_mode: "HTML",
      reply_markup: {
        inline_keyboard: [
          [
            {
              text: ctx.t("merge-button-confirm"),
              callback_data: triageData.pack({ action: "mergeok", concernId: duplicate.id, value: main.id }),
            },
            { text: ctx.t("button-cancel"), callback_data: cancelFlowData.pack({ zero: "0" }) },
          ],
        ],
      },
    },
  );
}
