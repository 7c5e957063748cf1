import { InlineKeyboard } from "grammy";
import { activityKinds } from "../../domain/activity.js";
import {
  activityDecisionData,
  activityDraftData,
  activityIcsData,
  activityManageData,
  activityRsvpData,
  cancelFlowData,
  noticesData,
} from "../callback-data.js";
import type { Translate } from "../format.js";
import { truncate } from "../format.js";

/** Under an announcement or an activity card: answer, raise a concern instead, calendar, stop. */
export function rsvpKeyboard(t: Translate, activityId: number, going: boolean, withStop = true) {
  const kb = new InlineKeyboard();
  if (going) kb.text(t("activity-button-withdraw"), activityRsvpData.pack({ answer: "w", activityId }));
  else kb.text(t("activity-button-going"), activityRsvpData.pack({ answer: "g", activityId }));
  kb.row().text(t("activity-button-concern-instead"), activityRsvpData.pack({ answer: "c", activityId }));
  kb.row().text(t("activity-button-ics"), activityIcsData.pack({ activityId }));
  // The same one-tap opt-out as under every broadcast (src/bot/features/notices.ts).
  if (withStop) kb.text(t("notices-stop-button"), noticesData.pack({ action: "stop", districtId: 0 }));
  return kb;
}

export function reminderKeyboard(t: Translate, activityId: number) {
  return new InlineKeyboard()
    .text(t("activity-button-withdraw"), activityRsvpData.pack({ answer: "w", activityId }))
    .row()
    .text(t("activity-button-ics"), activityIcsData.pack({ activityId }));
}

export function approvalKeyboard(t: Translate, activityId: number) {
  return new InlineKeyboard()
    .text(t("activity-button-approve"), activityDecisionData.pack({ decision: "approve", activityId }))
    .text(t("activity-button-reject"), activityDecisionData.pack({ decision: "reject", activityId }));
}

const draftCancel = (t: Translate) => ({
  text: t("button-cancel"),
  data: activityDraftData.pack({ action: "cancel", value: 0 }),
});

export function draftCancelKeyboard(t: Translate) {
  const cancel = draftCancel(t);
  return new InlineKeyboard().text(cancel.text, cancel.data);
}

export function kindKeyboard(t: Translate) {
  const kb = new InlineKeyboard();
  activityKinds.forEach((kind, index) => {
    kb.text(t(`activity-kind-${kind}`), activityDraftData.pack({ action: "kind", value: index }));
    if (index % 2 === 1) kb.row();
  });
  const cancel = draftCancel(t);
  return kb.row().text(cancel.text, cancel.data);
}

export function draftDistrictKeyboard(t: Translate, districts: { id: number; label: string }[]) {
  const kb = new InlineKeyboard();
  districts.forEach((d, index) => {
    kb.text(d.label, activityDraftData.pack({ action: "district", value: d.id }));
    if (index % 2 === 1) kb.row();
  });
  const cancel = draftCancel(t);
  return kb.row().text(cancel.text, cancel.data);
}

export function deputiesKeyboard(t: Translate, deputies: { id: number; label: string; selected: boolean }[]) {
  const kb = new InlineKeyboard();
  for (const d of deputies) {
    kb.text(
      `${d.selected ? "☑" : "☐"} ${d.label}`,
      activityDraftData.pack({ action: "deputy", value: d.id }),
    ).row();
  }
  kb.text(t("activity-button-deputies-done"), activityDraftData.pack({ action: "deputies_done", value: 0 }));
  const cancel = draftCancel(t);
  return kb.row().text(cancel.text, cancel.data);
}

export function capacityKeyboard(t: Translate) {
  const cancel = draftCancel(t);
  return new InlineKeyboard()
    .text(t("activity-button-no-limit"), activityDraftData.pack({ action: "no_limit", value: 0 }))
    .row()
    .text(cancel.text, cancel.data);
}

export function draftConfirmKeyboard(t: Translate, needsApproval: boolean) {
  const cancel = draftCancel(t);
  return new InlineKeyboard()
    .text(
      t(needsApproval ? "activity-button-submit" : "activity-button-create"),
      activityDraftData.pack({ action: "create", value: 0 }),
    )
    .row()
    .text(cancel.text, cancel.data);
}

export function manageListKeyboard(
  t: Translate,
  items: { id: number; date: string; title: string; status: string }[],
) {
  const kb = new InlineKeyboard();
  for (const item of items) {
    const label = `${item.date} · ${truncate(item.title, 18)} · ${t(`activity-status-${item.status}`)}`;
    kb.text(label, activityManageData.pack({ action: "open", activityId: item.id })).row();
  }
  return kb;
}

/** What staff (or the proposing deputy) can do from an activity's record. */
export function recordKeyboard(
  t: Translate,
  activityId: number,
  can: {
    decide: boolean;
    cancel: boolean;
    record: boolean;
    publishNow?: boolean;
    attendees?: boolean;
    edit?: boolean;
  },
) {
  const kb = new InlineKeyboard();
  if (can.edit)
    kb.text(t("activity-button-edit"), activityManageData.pack({ action: "edit", activityId })).row();
  if (can.publishNow)
    kb.text(
      t("activity-button-publish-now"),
      activityManageData.pack({ action: "publish_now", activityId }),
    ).row();
  if (can.attendees)
    kb.text(
      t("activity-button-attendees"),
      activityManageData.pack({ action: "attendees", activityId }),
    ).row();
  if (can.decide) {
    kb.text(t("activity-button-approve"), activityDecisionData.pack({ decision: "approve", activityId }));
    kb.text(t("activity-button-reject"), activityDecisionData.pack({ decision: "reject", activityId })).row();
  }
  if (can.record) {
    kb.text(t("activity-button-attendance"), activityManageData.pack({ action: "attendance", activityId }));
    kb.text(t("activity-button-notes"), activityManageData.pack({ action: "notes", activityId })).row();
    kb.text(t("activity-button-link"), activityManageData.pack({ action: "link", activityId })).row();
  }
  if (can.cancel)
    kb.text(
      t("activity-button-cancel-activity"),
      activityManageData.pack({ action: "cancel", activityId }),
    ).row();
  kb.text(t("activity-button-ics"), activityIcsData.pack({ activityId }));
  return kb;
}

export function cancelConfirmKeyboard(t: Translate, activityId: number) {
  return new InlineKeyboard()
    .text(t("activity-button-cancel-confirm"), activityManageData.pack({ action: "cancel_yes", activityId }))
    .row()
    .text(t("button-back"), activityManageData.pack({ action: "open", activityId }));
}

export function recordInputKeyboard(t: Translate) {
  return new InlineKeyboard().text(t("button-cancel"), cancelFlowData.pack({ zero: "0" }));
}

/** What of an activity staff may change. */
export function editFieldKeyboard(t: Translate, activityId: number) {
  return new InlineKeyboard()
    .text(t("activity-edit-field-title"), activityManageData.pack({ action: "edit_title", activityId }))
    .text(t("activity-edit-field-time"), activityManageData.pack({ action: "edit_time", activityId }))
    .text(t("activity-edit-field-place"), activityManageData.pack({ action: "edit_place", activityId }))
    .row()
    .text(t("button-back"), activityManageData.pack({ action: "open", activityId }));
}

/** Under a deputy's duty notice: the activity's calendar file. */
export function dutyKeyboard(t: Translate, activityId: number) {
  return new InlineKeyboard().text(t("activity-button-ics"), activityIcsData.pack({ activityId }));
}
