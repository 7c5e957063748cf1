// The triage desk's buttons (src/bot/features/triage.ts): only what the actor may do.
import { InlineKeyboard } from "grammy";
import { priorityOf } from "../../domain/triage.js";
import { triageData } from "../callback-data.js";
import type { Translate } from "../format.js";

/** The menu on one case: category, priority, claim, assign (staff), merge, note. */
export function triageMenuKeyboard(
  t: Translate,
  concern: { id: number; priority: number; assigneeId: number | null; open: boolean },
  actor: { id: number; staff: boolean },
) {
  const concernId = concern.id;
  const kb = new InlineKeyboard();
  if (concern.open) {
    const urgent = priorityOf(concern.priority) === "urgent";
    kb.text(t("triage-button-category"), triageData.pack({ action: "cats", concernId, value: 0 }));
    kb.text(
      t(urgent ? "triage-button-normal" : "triage-button-urgent"),
      triageData.pack({ action: "pri", concernId, value: urgent ? 0 : 1 }),
    ).row();
    if (concern.assigneeId !== actor.id && (concern.assigneeId === null || actor.staff))
      kb.text(t("triage-button-claim"), triageData.pack({ action: "claim", concernId, value: 0 }));
    if (actor.staff)
      kb.text(
        t(concern.assigneeId === null ? "triage-button-assign" : "triage-button-reassign"),
        triageData.pack({ action: "deps", concernId, value: 0 }),
      );
    kb.row().text(t("triage-button-merge"), triageData.pack({ action: "merge", concernId, value: 0 }));
  }
  kb.text(t("triage-button-note"), triageData.pack({ action: "note", concernId, value: 0 }));
  return kb;
}

/** One button per choice (a category, a deputy), two to a row, then back to the menu. */
export function triageChoiceKeyboard(
  t: Translate,
  concernId: number,
  action: "cat" | "assign",
  choices: { id: number; label: string }[],
) {
  const kb = new InlineKeyboard();
  choices.forEach((choice, i) => {
    kb.text(choice.label, triageData.pack({ action, concernId, value: choice.id }));
    if (i % 2 === 1) kb.row();
  });
  kb.row().text(t("button-back"), triageData.pack({ action: "menu", concernId, value: 1 }));
  return kb;
}
