import { InlineKeyboard } from "grammy";
import { consentData, myDataData } from "../callback-data.js";
import type { Translate } from "../format.js";

export function privacyKeyboard(t: Translate) {
  return new InlineKeyboard()
    .text(t("button-consent"), consentData.pack({ answer: "yes" }))
    .text(t("button-decline-consent"), consentData.pack({ answer: "no" }));
}

/** Under the privacy notice once consented: export my data, delete my account. */
export function myDataKeyboard(t: Translate) {
  return new InlineKeyboard()
    .text(t("button-mydata-export"), myDataData.pack({ action: "export" }))
    .row()
    .text(t("button-mydata-delete"), myDataData.pack({ action: "delete" }));
}

/** The second tap that carries out an export or a deletion, or cancels it. */
export function myDataConfirmKeyboard(t: Translate, action: "export_yes" | "delete_yes") {
  return new InlineKeyboard()
    .text(
      t(action === "export_yes" ? "button-mydata-export-yes" : "button-mydata-delete-yes"),
      myDataData.pack({ action }),
    )
    .row()
    .text(t("button-cancel"), myDataData.pack({ action: "cancel" }));
}
