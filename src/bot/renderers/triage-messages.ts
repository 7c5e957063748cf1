// Renders the triage desk's messages (src/domain/messages.ts triageMessageKinds): a case
// assigned to a deputy, an internal note to the case's other handlers, and a duplicate's
// merge told to its own citizen. An internal note is refused here as well as by the delivery
// engine when its recipient is a citizen.
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { findConcern } from "../../db/queries/concerns.js";
import type { TriageMessage, TriageMessageKind } from "../../domain/messages.js";
import type { RenderedMessage, Renderer, RenderScene } from "../../jobs/delivery.js";
import { PermanentJobError } from "../../jobs/errors.js";
import { caseCard } from "../case-view.js";
import { displayName, escapeHtml } from "../format.js";
import { citizenCaseKeyboard, cosignerCaseKeyboard, handlerKeyboard } from "../keyboards/case.js";
import { htmlMessage } from "./parts.js";

export interface TriageRendererDeps {
  db: Database;
  config: Pick<Config, "TIME_ZONE">;
}

export function createTriageRenderers({ db, config }: TriageRendererDeps): {
  [K in TriageMessageKind]: Renderer<K>;
} {
  const render = async (
    message: TriageMessage,
    { t, locale, recipient }: RenderScene,
  ): Promise<RenderedMessage> => {
    const [concern, event] = await Promise.all([
      findConcern(db.prisma, message.concernId),
      db.prisma.concernEvent.findUnique({ where: { id: message.eventId }, include: { actor: true } }),
    ]);
    if (!concern || !event || event.concernId !== concern.id)
      throw new PermanentJobError("case or event no longer exists");
    const view = { t, locale, timeZone: config.TIME_ZONE };
    const buttons = handlerKeyboard(t, { ...concern, attachmentCount: concern._count.attachments });
    const name = escapeHtml(event.actor ? displayName(event.actor) : "");
    const caseNo = concern.caseNo;
    switch (message.kind) {
      case "concern_assigned":
        return htmlMessage(
          `${t("triage-notify-assigned", { caseNo, name })}\n\n${caseCard(concern, "handler", view)}`,
          buttons,
        );
      case "concern_unassigned":
        return htmlMessage(t("triage-notify-unassigned", { caseNo, name }));
      case "concern_note":
        if (recipient.role === "citizen" || recipient.id === concern.citizenId)
          throw new PermanentJobError("an internal note is never sent to a citizen");
        return htmlMessage(
          t("triage-notify-note", { caseNo, name, text: escapeHtml(event.text ?? "") }),
          buttons,
        );
      case "concern_merged":
        // A co-signer ("me too") of the duplicate hears it too, as a co-signer.
        return recipient.id === concern.citizenId
          ? htmlMessage(t("triage-notify-merged", { caseNo }), citizenCaseKeyboard(t, concern))
          : htmlMessage(t("triage-notify-merged-cosigner", { caseNo }), cosignerCaseKeyboard(t, concern));
    }
  };
  return {
    concern_assigned: render,
    concern_unassigned: render,
    concern_note: render,
    concern_merged: render,
  };
}
