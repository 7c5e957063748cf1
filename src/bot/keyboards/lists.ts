import { InlineKeyboard } from "grammy";
import { listPageData, openCaseData } from "../callback-data.js";
import type { Translate } from "../format.js";
import { truncate } from "../format.js";

export const PAGE_SIZE = 8;

/** One button per case, then ‹ › when the list has more pages. */
export function caseListKeyboard(
  t: Translate,
  list: "my" | "inbox",
  items: { id: number; caseNo: string; status: string; description: string }[],
  page: number,
  total: number,
) {
  const kb = new InlineKeyboard();
  for (const item of items) {
    const label = `${item.caseNo} · ${t(`status-${item.status}`)} · ${truncate(item.description, 16)}`;
    kb.text(label, openCaseData.pack({ concernId: item.id })).row();
  }
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages > 1) {
    if (page > 0) kb.text(t("button-previous"), listPageData.pack({ list, page: page - 1 }));
    if (page < pages - 1) kb.text(t("button-next"), listPageData.pack({ list, page: page + 1 }));
  }
  return kb;
}
