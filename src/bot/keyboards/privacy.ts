import { InlineKeyboard } from "grammy";
import { consentData } from "../callback-data.js";
import type { Translate } from "../format.js";

export function privacyKeyboard(t: Translate) {
  return new InlineKeyboard()
    .text(t("button-consent"), consentData.pack({ answer: "yes" }))
    .text(t("button-decline-consent"), consentData.pack({ answer: "no" }));
}
