import { InlineKeyboard } from "grammy";
import { districtNavData, districtPickData } from "../callback-data.js";
import type { Translate } from "../format.js";

/** A level of the district tree: tapping a district with children opens it, a leaf is chosen. */
export function districtKeyboard(
  t: Translate,
  children: { id: number; label: string; hasChildren: boolean }[],
  current: { id: number; label: string; parentId: number | null } | null,
) {
  const kb = new InlineKeyboard();
  children.forEach((d, i) => {
    kb.text(
      d.label,
      d.hasChildren
        ? districtNavData.pack({ districtId: d.id })
        : districtPickData.pack({ districtId: d.id }),
    );
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  if (current) {
    kb.text(
      t("district-pick-this", { name: current.label }),
      districtPickData.pack({ districtId: current.id }),
    ).row();
    kb.text(t("button-back"), districtNavData.pack({ districtId: current.parentId ?? 0 }));
  }
  return kb;
}
