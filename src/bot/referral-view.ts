// How a referral (交办件) reads, and its buttons, for each audience: the department's card
// (which names the citizen only when they agreed to it for this case), the staff's and the
// deputy's. Used by replies and queued messages alike.
import { InlineKeyboard } from "grammy";
import type { ReferralNote } from "../db/queries/referral-notes.js";
import type { ReferralDetails } from "../db/queries/referrals.js";
import { localDate } from "../domain/local-time.js";
import {
  answerClasses,
  departmentMaySeeCitizen,
  deputyRatings,
  parseReferralStatus,
  type ReferralAction,
  referralActionAllowed,
  returnReasons,
} from "../domain/referral.js";
import type { ReferralAudience } from "../domain/referral-recipients.js";
import { citizenLabel, localName } from "./case-view.js";
import { displayName, escapeHtml } from "./format.js";
import { referralActionData } from "./referral-callback-data.js";
import type { ViewOptions } from "./view-options.js";

/**
 * A deadline as people read it: the calendar date in the zone ("2026-12-29") whose end it is
 * (deadlines are the end of a working day, src/domain/working-days.ts).
 */
export function formatDeadline(deadline: Date, timeZone: string): string {
  return localDate(deadline, timeZone);
}

/**
 * The card of a referral as its audience may see it (HTML), with the internal notes written on
 * this referral (`notes`, oldest first; never given for the citizen's audience).
 */
export function referralCard(
  referral: ReferralDetails,
  audience: ReferralAudience,
  { t, locale, timeZone }: ViewOptions,
  notes: readonly ReferralNote[] = [],
): string {
  const { concern } = referral;
  const status = parseReferralStatus(referral.status);
  const when = (date: Date) => formatDeadline(date, timeZone);
  const lines = [
    t("referral-card-title", {
      caseNo: concern.caseNo,
      department: escapeHtml(localName(referral.department, locale)),
      status: t(`referral-status-${status}`),
    }),
    t("case-card-district", { district: escapeHtml(localName(concern.district, locale)) }),
    t("case-card-category", {
      category: concern.category ? escapeHtml(localName(concern.category, locale)) : t("case-no-category"),
    }),
    t("referral-card-deadline", { time: when(referral.deadline) }),
  ];
  if (status === "sent" && referral.acknowledgeBy)
    lines.push(t("referral-card-acknowledge-by", { time: when(referral.acknowledgeBy) }));
  const seesCitizen = audience !== "department" || departmentMaySeeCitizen(concern);
  lines.push(
    seesCitizen
      ? t("case-card-citizen", { citizen: citizenLabel(t, concern) })
      : t("referral-card-citizen-hidden"),
  );
  lines.push("", escapeHtml(concern.description));
  if (referral.note) lines.push("", t("referral-card-note", { note: escapeHtml(referral.note) }));
  if (referral.returnReason)
    lines.push(
      "",
      t("referral-card-returned", {
        reason: t(`referral-return-reason-${referral.returnReason}`),
        note: escapeHtml(referral.returnNote ?? ""),
      }),
    );
  if (referral.returnReason && referral.suggestedDepartment)
    lines.push(
      t("referral-card-suggested", {
        department: escapeHtml(localName(referral.suggestedDepartment, locale)),
      }),
    );
  if (referral.reworkReason && status === "rework")
    lines.push(
      "",
      t(`referral-card-rework-${referral.reworkReason}`, { note: escapeHtml(referral.reviewNote ?? "") }),
    );
  if (referral.answer && referral.answerClass) {
    lines.push(
      "",
      t("referral-card-answer", {
        answerClass: t(`referral-class-${referral.answerClass}`),
        text: escapeHtml(referral.answer),
        contact: escapeHtml(referral.contactPerson ?? ""),
      }),
    );
    if (referral.promisedAt) lines.push(t("referral-card-promised", { time: when(referral.promisedAt) }));
  }
  const pending = referral.extensions[0];
  if (pending)
    lines.push(
      "",
      t("referral-card-extension", {
        time: when(pending.requestedDeadline),
        reason: escapeHtml(pending.reason),
      }),
    );
  if (audience !== "citizen" && notes.length > 0) {
    lines.push("", t("referral-card-notes"));
    for (const note of notes) {
      const who =
        note.actorRole === "department"
          ? t("timeline-role-department")
          : escapeHtml(note.actor ? displayName(note.actor) : "");
      lines.push(t("referral-card-note-line", { who, text: escapeHtml(note.text ?? "") }));
    }
  }
  return lines.join("\n");
}

const button = (
  action: Parameters<typeof referralActionData.pack>[0]["action"],
  referralId: number,
  value = 0,
) => referralActionData.pack({ action, referralId, value });

/** The department's buttons: those its status allows (each is checked again when pressed). */
export function departmentKeyboard(t: ViewOptions["t"], referral: ReferralDetails): InlineKeyboard {
  const kb = new InlineKeyboard();
  const status = parseReferralStatus(referral.status);
  const allowed = (action: ReferralAction) => referralActionAllowed(status, action);
  if (allowed("acknowledge")) kb.text(t("referral-button-acknowledge"), button("ack", referral.id));
  if (allowed("answer")) kb.text(t("referral-button-answer"), button("ans", referral.id));
  kb.row();
  if (allowed("return")) kb.text(t("referral-button-return"), button("ret", referral.id));
  if (allowed("request_extension") && referral.extensions.length === 0)
    kb.text(t("referral-button-extension"), button("ext", referral.id));
  return noteButton(kb, t, referral);
}

/**
 * The internal-note button (内部备注), offered until the referral is withdrawn or re-routed
 * (a note stays possible in any state: pressing it checks who may).
 */
function noteButton(kb: InlineKeyboard, t: ViewOptions["t"], referral: ReferralDetails): InlineKeyboard {
  const status = parseReferralStatus(referral.status);
  if (status === "withdrawn" || status === "rerouted") return kb;
  return kb.row().text(t("referral-button-note"), button("nt", referral.id));
}

/** The withdraw button (撤回) while the referral is unanswered; pressing it checks who may. */
function withdrawButton(kb: InlineKeyboard, t: ViewOptions["t"], referral: ReferralDetails): InlineKeyboard {
  if (referralActionAllowed(parseReferralStatus(referral.status), "withdraw"))
    kb.row().text(t("referral-button-withdraw"), button("wd", referral.id));
  return noteButton(kb, t, referral);
}

/** The staff's buttons: re-route or refuse a return, decide an extension, review an answer, withdraw. */
export function staffKeyboard(t: ViewOptions["t"], referral: ReferralDetails): InlineKeyboard {
  const kb = new InlineKeyboard();
  const status = parseReferralStatus(referral.status);
  if (status === "returned") {
    if (referral.suggestedDepartmentId)
      kb.text(
        t("referral-button-reroute-suggested"),
        button("ro", referral.id, referral.suggestedDepartmentId),
      ).row();
    kb.text(t("referral-button-reroute"), button("ro", referral.id, 0));
    kb.text(t("referral-button-refuse-return"), button("rn", referral.id));
  }
  if (status === "answered") {
    kb.text(t("referral-button-review-accept"), button("va", referral.id));
    kb.text(t("referral-button-review-rework"), button("vr", referral.id));
  }
  if (referral.extensions.length > 0 && referralActionAllowed(status, "decide_extension")) {
    kb.row();
    kb.text(t("referral-button-extension-approve"), button("xa", referral.id));
    kb.text(t("referral-button-extension-refuse"), button("xr", referral.id));
  }
  return withdrawButton(kb, t, referral);
}

/** The deputy's buttons: rating an accepted answer, withdrawing an unanswered referral, a note. */
export function deputyRatingKeyboard(t: ViewOptions["t"], referral: ReferralDetails): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (parseReferralStatus(referral.status) !== "accepted") return withdrawButton(kb, t, referral);
  deputyRatings.forEach((rating, index) => {
    kb.text(t(`rating-${rating}`), button("rt", referral.id, index));
  });
  return noteButton(kb, t, referral);
}

/** The buttons of an audience's card. */
export function referralKeyboard(
  t: ViewOptions["t"],
  referral: ReferralDetails,
  audience: ReferralAudience,
): InlineKeyboard | undefined {
  switch (audience) {
    case "department":
      return departmentKeyboard(t, referral);
    case "staff":
    case "staff_above":
      return staffKeyboard(t, referral);
    case "handlers":
      return deputyRatingKeyboard(t, referral);
    case "citizen":
      return undefined;
  }
}

/** The fixed list of return reasons, one button each. */
export function returnReasonKeyboard(t: ViewOptions["t"], referralId: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  returnReasons.forEach((reason, index) => {
    kb.text(t(`referral-return-reason-${reason}`), button("rr", referralId, index)).row();
  });
  return kb;
}

/** The answer classes A–D, one button each. */
export function answerClassKeyboard(t: ViewOptions["t"], referralId: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  answerClasses.forEach((answerClass, index) => {
    kb.text(t(`referral-class-${answerClass}`), button("ac", referralId, index)).row();
  });
  return kb;
}

/** Departments to choose from (for a return's suggestion, or a re-route), the referral's own left out. */
export function departmentChoiceKeyboard(
  departments: readonly { id: number; nameZh: string; nameEn: string }[],
  locale: string,
  referral: { id: number; departmentId: number },
  action: "rd" | "ro",
  none?: string,
): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const d of departments) {
    if (d.id === referral.departmentId) continue;
    kb.text(localName(d, locale), button(action, referral.id, d.id)).row();
  }
  if (none) kb.text(none, button(action, referral.id, 0));
  return kb;
}
