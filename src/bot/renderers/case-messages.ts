// Renders the messages about a case caused by someone acting on it (kinds concern_*, who
// hears of them: src/domain/case-recipients.ts): the new case to its handlers, acceptance,
// replies and outcome to the citizen, the citizen's words and rating to the handlers.

import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { loadNewCaseAudience } from "../../db/queries/case-people.js";
import { findConcern } from "../../db/queries/concerns.js";
import { listAnsweredReferrals } from "../../db/queries/referrals.js";
import type { CaseMessage, CaseMessageKind } from "../../domain/messages.js";
import { referralOutcome, storedOutcomeWords } from "../../domain/referral-outcome.js";
import { parseUndeliveredReason } from "../../domain/undelivered.js";
import type {
  FilePartType,
  MessagePart,
  RenderedMessage,
  Renderer,
  RenderScene,
} from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { actorTitle, caseCard, citizenLabel, localName } from "../case-view.js";
import { displayName, escapeHtml } from "../format.js";
import {
  citizenCaseKeyboard,
  cosignerCaseKeyboard,
  handlerKeyboard,
  ratingKeyboard,
} from "../keyboards/case.js";
import { fileParts, htmlMessage } from "./parts.js";

export interface CaseRendererDeps {
  db: Database;
  config: Pick<Config, "TIME_ZONE">;
}

const filePartTypes: readonly string[] = ["photo", "document", "voice", "video", "audio"];
const isFilePart = (kind: string): kind is FilePartType => filePartTypes.includes(kind);

/** The "delivered" confirmation's key for what the event `kind` (→ `toStatus`) told the citizen. */
function deliveredKey(kind: string, toStatus: string | null): string {
  if (kind !== "status") return "notify-delivered";
  if (toStatus === "declined") return "notify-delivered-declined";
  return "notify-delivered-outcome";
}

/**
 * The outcome as the recipient reads it: when it is the one the departments' answers gave
 * (the stored zh-CN text of the case's answered referrals, of the main case for a merged one),
 * those answers again with the locale's words and the department's name in its language;
 * otherwise the text as the deputy wrote it.
 */
async function outcomeInLocale(
  stored: string,
  caseId: number,
  t: RenderScene["t"],
  locale: string,
  prisma: Database["prisma"],
): Promise<string> {
  const lines = await listAnsweredReferrals(prisma, caseId);
  if (lines.length === 0 || referralOutcome(lines, storedOutcomeWords) !== stored) return stored;
  return referralOutcome(lines, {
    name: (department) => localName(department, locale),
    line: (department, answer) => t("referral-outcome-line", { department, answer }),
    contact: (contactPerson) => t("referral-outcome-contact", { contact: contactPerson }),
  });
}

export function createCaseRenderers({ db, config }: CaseRendererDeps): {
  [K in CaseMessageKind]: Renderer<K>;
} {
  const render = async (
    message: CaseMessage,
    { t, locale, recipient }: RenderScene,
  ): Promise<RenderedMessage> => {
    const prisma = db.prisma;
    const [concern, event] = await Promise.all([
      findConcern(prisma, message.concernId),
      prisma.concernEvent.findUnique({ where: { id: message.eventId }, include: { actor: true } }),
    ]);
    if (!concern || !event) throw new PermanentJobError("case or event no longer exists");
    const view = { t, locale, timeZone: config.TIME_ZONE };
    const handlerButtons = () =>
      handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });
    const actorName = escapeHtml(event.actor ? displayName(event.actor) : "");
    // Named with their own role: a staff member is never presented as a deputy.
    const actor = actorTitle(t, event.actorRole, actorName);
    const caseNo = concern.caseNo;
    // A co-signer ("me too") hears what the citizen hears, marked as a case they co-signed.
    const cosigner = recipient.id !== concern.citizenId;
    const toCitizen = (text: string) => (cosigner ? `${t("cosign-notify-header")}\n${text}` : text);
    const citizenButtons = () =>
      cosigner ? cosignerCaseKeyboard(t, concern) : citizenCaseKeyboard(t, concern);
    // A message's photos and files go with its words, sent by file_id: several photos as one
    // album (sendMediaGroup) captioned with the words, its buttons on a line after it (an album
    // takes none); a single file after the words.
    const withFiles = async (text: string, keyboard: InlineKeyboardMarkup): Promise<RenderedMessage> => {
      const files = await prisma.attachment.findMany({
        where: { eventId: event.id },
        orderBy: { id: "asc" },
      });
      const sendable = files.flatMap((file) =>
        file.fileId && isFilePart(file.kind) ? [{ type: file.kind, fileId: file.fileId }] : [],
      );
      const attached = fileParts(sendable);
      const [first, ...rest] = attached;
      if (first?.type === "album") {
        const buttons: MessagePart = {
          type: "text",
          text: t("notify-album-actions", { caseNo }),
          format: { html: true },
          keyboard,
        };
        return { parts: [{ ...first, caption: text }, ...rest, buttons] };
      }
      return { parts: [...htmlMessage(text, keyboard).parts, ...attached] };
    };
    switch (message.kind) {
      case "concern_new": {
        // An administrator hears of a new case only when its district has no deputy or staff
        // to tell: then the notice says so, and what to do about it.
        const toAdmins =
          recipient.role === "admin" &&
          (await loadNewCaseAudience(prisma, concern.districtId)).to === "admins";
        return htmlMessage(
          `${t(toAdmins ? "notify-new-case-admins" : "notify-new-case")}\n\n${caseCard(concern, "handler", view)}`,
          handlerButtons(),
        );
      }
      case "concern_accepted":
        return htmlMessage(toCitizen(t("notify-accepted", { caseNo, actor })), citizenButtons());
      case "concern_message_to_citizen":
        return withFiles(
          toCitizen(
            t("notify-reply-to-citizen", {
              caseNo,
              actor,
              text: escapeHtml(event.text ?? ""),
            }),
          ),
          citizenButtons(),
        );
      case "concern_message_to_handlers":
        return withFiles(
          t(event.kind === "amendment" ? "amend-notify-handlers" : "notify-message-to-handlers", {
            caseNo,
            citizen: citizenLabel(t, concern),
            text: escapeHtml(event.text ?? ""),
          }),
          handlerButtons(),
        );
      case "concern_outcome":
        return htmlMessage(
          toCitizen(
            t(event.toStatus === "declined" ? "notify-declined" : "notify-resolved", {
              caseNo,
              actor,
              text: escapeHtml(
                await outcomeInLocale(
                  event.text ?? "",
                  concern.mergedIntoId ?? concern.id,
                  t,
                  locale,
                  prisma,
                ),
              ),
            }),
          ),
          ratingKeyboard(t, concern.id),
        );
      case "concern_reopened":
        // Reopened by the citizen's own button (a status event) or by an unsatisfied rating.
        return htmlMessage(
          event.kind === "status"
            ? t("reopen-notify-handlers", {
                caseNo,
                citizen: citizenLabel(t, concern),
                text: escapeHtml(event.text ?? ""),
              })
            : t("notify-reopened", { caseNo, citizen: citizenLabel(t, concern) }),
          handlerButtons(),
        );
      case "concern_withdrawn":
        return htmlMessage(
          event.actorRole === "system"
            ? t("withdraw-notify-deleted", { caseNo })
            : t("withdraw-notify-handlers", {
                caseNo,
                citizen: citizenLabel(t, concern),
                text: escapeHtml(event.text ?? ""),
              }),
        );
      case "concern_undelivered":
        return htmlMessage(
          t("notify-undelivered", {
            caseNo,
            reason: t(`undelivered-reason-${parseUndeliveredReason(event.text)}`),
          }),
          handlerButtons(),
        );
      case "concern_delivered":
        // What was delivered: the event is the reply, or the status change with its outcome or reason.
        return htmlMessage(t(deliveredKey(event.kind, event.toStatus), { caseNo }));
      case "concern_rated":
        return htmlMessage(
          t("notify-rated", { caseNo, rating: t(`rating-${event.text ?? ""}`) }),
          handlerButtons(),
        );
    }
  };
  return {
    concern_new: render,
    concern_accepted: render,
    concern_message_to_citizen: render,
    concern_message_to_handlers: render,
    concern_outcome: render,
    concern_reopened: render,
    concern_rated: render,
    concern_withdrawn: render,
    concern_undelivered: render,
    concern_delivered: render,
  };
}
