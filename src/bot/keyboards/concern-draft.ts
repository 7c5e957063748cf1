import { InlineKeyboard } from "grammy";
import { draftData } from "../callback-data.js";
import type { Translate } from "../format.js";

export function describeKeyboard(t: Translate) {
  return new InlineKeyboard()
    .text(t("button-done-describing"), draftData.pack({ action: "done", value: 0 }))
    .text(t("button-cancel"), draftData.pack({ action: "cancel", value: 0 }));
}

export function categoryKeyboard(t: Translate, categories: { id: number; label: string }[]) {
  const kb = new InlineKeyboard();
  categories.forEach((c, i) => {
    kb.text(c.label, draftData.pack({ action: "cat", value: c.id }));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("button-skip-category"), draftData.pack({ action: "cat", value: 0 }));
}

export function confirmKeyboard(t: Translate, anonymous: boolean) {
  return new InlineKeyboard()
    .text(
      anonymous ? t("button-anonymous-on") : t("button-anonymous-off"),
      draftData.pack({ action: "anon", value: anonymous ? 0 : 1 }),
    )
    .row()
    .text(t("button-submit"), draftData.pack({ action: "submit", value: 0 }))
    .text(t("button-cancel"), draftData.pack({ action: "cancel", value: 0 }));
}
