// Renders the messages of the referral loop at send time: a referral message (kind
// "referral") is worded by its timeline entry and its audience — the department's card with
// its buttons, the staff's review or re-routing, the deputy's rating, the citizen's summary —
// and a supervision step (kind "supervision") by its step. A step that no longer applies
// (the department answered meanwhile) is dropped.
import { InlineKeyboard } from "grammy";
import type { Database } from "../../db/client.js";
import { listReferralNotes } from "../../db/queries/referral-notes.js";
import { findReferral, listCaseReferrals } from "../../db/queries/referrals.js";
import type { MessageOf } from "../../domain/messages.js";
import { awaitingDepartment, finishedReferralStatuses, parseReferralStatus } from "../../domain/referral.js";
import type { Renderer } from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { openCaseData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { escapeHtml } from "../format.js";
import { shareContactData } from "../referral-callback-data.js";
import { formatDeadline, referralCard, referralKeyboard } from "../referral-view.js";
import { splitHtml } from "../split-text.js";
import { htmlMessage } from "./parts.js";

/** Telegram takes at most 100 buttons under a message. */
const MAX_LIST_BUTTONS = 99;

export interface ReferralRendererDeps {
  db: Database;
  timeZone: string;
}

/** The header of a referral message: what happened, for whom. */
function headerKey(eventKind: string, audience: string, eventText: string | null, status: string): string {
  switch (eventKind) {
    case "referral_sent":
      return "referral-notify-new";
    case "referral_returned":
      return audience === "staff_above" ? "referral-notify-returned-escalated" : "referral-notify-returned";
    case "referral_return_refused":
      return "referral-notify-return-refused";
    case "referral_extension_requested":
      return "referral-notify-extension-requested";
    case "referral_extension_decided":
      return audience === "citizen"
        ? "referral-notify-citizen-extension"
        : "referral-notify-extension-decided";
    case "referral_answered":
      return "referral-notify-answered";
    case "referral_reviewed":
      return status === "rework" ? "referral-notify-rework" : "referral-notify-review-accepted";
    case "referral_reopened":
      return `referral-notify-reopened-${eventText ?? "review"}`;
    case "referral_rated":
      return "referral-notify-reopened-unsatisfied_deputy";
    case "referral_withdrawn":
      return "referral-notify-withdrawn";
    case "note":
      return "referral-notify-note";
    default:
      return "referral-notify-update";
  }
}

export function createReferralRenderers({ db, timeZone }: ReferralRendererDeps): {
  referral: Renderer<"referral">;
  supervision: Renderer<"supervision">;
  supervisions: Renderer<"supervisions">;
} {
  return {
    async referral(message: MessageOf<"referral">, { t, locale }) {
      const [referral, event] = await Promise.all([
        findReferral(db.prisma, message.referralId),
        db.prisma.concernEvent.findUnique({ where: { id: message.eventId } }),
      ]);
      if (!referral || !event) throw new PermanentJobError("referral or event no longer exists");
      const view = { t, locale, timeZone };
      const caseNo = referral.concern.caseNo;
      const department = escapeHtml(localName(referral.department, locale));
      const when = (date: Date) => formatDeadline(date, timeZone);
      if (message.audience === "citizen") {
        if (event.kind === "referral_sent") {
          const open = (await listCaseReferrals(db.prisma, referral.concernId)).filter(
            (r) => !finishedReferralStatuses.includes(parseReferralStatus(r.status)),
          );
          const names = open.map((r) => localName(r.department, locale)).join("、");
          const { concern } = referral;
          const offerShare = !concern.anonymous && concern.contactSharedAt === null;
          return htmlMessage(
            t("referral-notify-citizen-referred", { caseNo, departments: escapeHtml(names) }) +
              (offerShare ? `\n\n${t("referral-share-contact-offer")}` : ""),
            offerShare
              ? new InlineKeyboard().text(
                  t("referral-button-share-contact"),
                  shareContactData.pack({ concernId: concern.id }),
                )
              : undefined,
          );
        }
        const extension = await db.prisma.referralExtension.findFirst({
          where: { referralId: referral.id, status: "approved" },
          orderBy: { decidedAt: "desc" },
        });
        return htmlMessage(
          t("referral-notify-citizen-extension", {
            caseNo,
            deadline: when(referral.deadline),
            reason: escapeHtml(extension?.reason ?? ""),
          }),
        );
      }
      // A note is told on the card of the referral it was written on, and no other.
      if (event.kind === "note" && event.referralId !== referral.id)
        throw new PermanentJobError("a note is told only on its own referral");
      const status = parseReferralStatus(referral.status);
      let key = headerKey(event.kind, message.audience, event.text, status);
      let text = event.text ?? "";
      if (event.kind === "referral_extension_decided") {
        const decided = await db.prisma.referralExtension.findFirst({
          where: { referralId: referral.id, status: { in: ["approved", "refused"] } },
          orderBy: { decidedAt: "desc" },
        });
        if (decided) key = `referral-notify-extension-${decided.status}`;
        text = decided?.decisionNote ?? "";
      }
      const header = t(key, {
        caseNo,
        department,
        text: escapeHtml(text),
        deadline: when(referral.deadline),
      });
      const notes = await listReferralNotes(db.prisma, referral.id);
      return htmlMessage(
        `${header}\n\n${referralCard(referral, message.audience, view, notes)}`,
        referralKeyboard(t, referral, message.audience),
      );
    },

    async supervision(message: MessageOf<"supervision">, { t, locale }) {
      const referral = await findReferral(db.prisma, message.referralId);
      if (!referral) throw new PermanentJobError("referral no longer exists");
      const status = parseReferralStatus(referral.status);
      const step = message.step;
      // Nothing to chase once the department has answered (or the return was re-routed).
      if (step === "reroute_reminder" ? status !== "returned" : !awaitingDepartment.includes(status))
        return undefined;
      // The department's steps show its card; amber and red the staff's view (which names the
      // citizen as the deputies' side may see them).
      const audience =
        step === "reminder" || step === "acknowledge_reminder" || step === "promise_due"
          ? "department"
          : "staff";
      const view = { t, locale, timeZone };
      const header = t(`supervision-${step}`, {
        caseNo: referral.concern.caseNo,
        department: escapeHtml(localName(referral.department, locale)),
        deadline: formatDeadline(referral.deadline, timeZone),
      });
      const notes = await listReferralNotes(db.prisma, referral.id);
      return htmlMessage(
        `${header}\n\n${referralCard(referral, audience, view, notes)}`,
        referralKeyboard(t, referral, audience),
      );
    },

    async supervisions(message, { t, locale }) {
      const rows = await db.prisma.referral.findMany({
        where: { id: { in: message.referralIds } },
        include: { department: true, concern: { include: { district: true } } },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Answered (or gone) meanwhile: not listed; none left, nothing sent.
      const open = message.referralIds.flatMap((id) => {
        const row = byId.get(id);
        return row && awaitingDepartment.includes(parseReferralStatus(row.status)) ? [row] : [];
      });
      if (open.length === 0) return undefined;
      const lines = open.map((r) =>
        t("supervisions-line", {
          caseNo: r.concern.caseNo,
          district: escapeHtml(localName(r.concern.district, locale)),
          department: escapeHtml(localName(r.department, locale)),
          deadline: formatDeadline(r.deadline, timeZone),
        }),
      );
      const title = t(`supervisions-${message.step}-title`, { count: open.length });
      const keyboard = new InlineKeyboard();
      open.slice(0, MAX_LIST_BUTTONS).forEach((r, i) => {
        if (i > 0 && i % 3 === 0) keyboard.row();
        keyboard.text(r.concern.caseNo, openCaseData.pack({ concernId: r.concernId }));
      });
      const body = [title, "", ...lines.map((line) => `• ${line}`), "", t("escalations-open")].join("\n");
      // Never cut: a long list is split, its buttons under the last piece.
      const pieces = splitHtml(body);
      return {
        parts: pieces.flatMap(
          (text, i) => htmlMessage(text, i === pieces.length - 1 ? keyboard : undefined).parts,
        ),
      };
    },
  };
}
