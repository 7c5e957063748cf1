import { InlineKeyboard } from "grammy";
import { newConcernData } from "../callback-data.js";
import type { Translate } from "../format.js";

/** "File this as a new concern?": always a yes and a no, both naming the offer `offer` (its id). */
export function newConcernOfferKeyboard(t: Translate, offer: string) {
  return new InlineKeyboard()
    .text(t("button-file-as-concern"), newConcernData.pack({ source: "text", offer }))
    .text(t("button-not-concern"), newConcernData.pack({ source: "no", offer }));
}
