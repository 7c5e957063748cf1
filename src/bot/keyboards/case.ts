import { InlineKeyboard } from "grammy";
import { canApply, canExchangeMessages, canRate } from "../../domain/concern-status.js";
import {
  caseActionData,
  citizenCaseData,
  citizenReplyData,
  openCaseData,
  rateData,
  triageData,
} from "../callback-data.js";
import type { Translate } from "../format.js";
import { caseClockData, referDraftData } from "../referral-callback-data.js";

/** The deputies' buttons for a case, offering only what its status allows. */
export function handlerKeyboard(
  t: Translate,
  concern: { id: number; status: string; attachmentCount: number; pausedAt?: Date | null },
) {
  const kb = new InlineKeyboard();
  const { id, status } = concern;
  if (canApply(status, "accept"))
    kb.text(t("button-accept"), caseActionData.pack({ action: "accept", concernId: id }));
  if (canExchangeMessages(status))
    kb.text(t("button-reply"), caseActionData.pack({ action: "reply", concernId: id }));
  kb.row();
  if (canApply(status, "resolve"))
    kb.text(t("button-resolve"), caseActionData.pack({ action: "resolve", concernId: id }));
  if (canApply(status, "decline"))
    kb.text(t("button-decline"), caseActionData.pack({ action: "decline", concernId: id }));
  kb.row();
  if (canExchangeMessages(status)) {
    kb.text(t("button-refer"), referDraftData.pack({ action: "start", concernId: id, value: 0 }));
    // A referred case can wait for the citizen's clarification: its referrals' clocks stand still.
    if (status === "referred")
      kb.text(
        t(concern.pausedAt ? "button-clock-resume" : "button-clock-pause"),
        caseClockData.pack({ action: concern.pausedAt ? "resume" : "pause", concernId: id }),
      );
    kb.row();
  }
  if (concern.attachmentCount > 0)
    kb.text(t("button-files"), caseActionData.pack({ action: "files", concernId: id }));
  kb.text(t("button-open-case"), openCaseData.pack({ concernId: id }));
  kb.text(t("button-triage"), triageData.pack({ action: "menu", concernId: id, value: 0 }));
  return kb;
}

/**
 * The citizen's buttons for their own case: add to it while open, open it, withdraw it while
 * open, reopen it once closed (the 30 days are checked when tapped, with a clear answer).
 */
export function citizenCaseKeyboard(t: Translate, concern: { id: number; status: string }) {
  const kb = new InlineKeyboard();
  const concernId = concern.id;
  if (canExchangeMessages(concern.status))
    kb.text(t("button-add-message"), citizenReplyData.pack({ concernId }));
  kb.text(t("button-open-case"), openCaseData.pack({ concernId }));
  if (canApply(concern.status, "withdraw"))
    kb.row().text(t("button-withdraw"), citizenCaseData.pack({ action: "withdraw", concernId }));
  else if (canApply(concern.status, "reopen"))
    kb.row().text(t("button-reopen"), citizenCaseData.pack({ action: "reopen", concernId }));
  return kb;
}

/** A co-signer's buttons: open the case, and rate an outcome that may be rated. */
export function cosignerCaseKeyboard(t: Translate, concern: { id: number; status: string }) {
  const kb = canRate(concern.status, null) ? ratingKeyboard(t, concern.id).row() : new InlineKeyboard();
  return kb.text(t("button-open-case"), openCaseData.pack({ concernId: concern.id }));
}

export function ratingKeyboard(t: Translate, concernId: number) {
  return new InlineKeyboard()
    .text(t("rating-satisfied"), rateData.pack({ concernId, rating: "s" }))
    .text(t("rating-basically_satisfied"), rateData.pack({ concernId, rating: "b" }))
    .row()
    .text(t("rating-unsatisfied"), rateData.pack({ concernId, rating: "u" }));
}
