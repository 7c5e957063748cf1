import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Api, Context, SessionFlavor } from "grammy";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { CaseGrouping } from "../db/queries/stats.js";
import type { User } from "../db/queries/users.js";
import type { ActivityKind } from "../domain/activity.js";
import type { PeriodChoice } from "../domain/metrics/period.js";
import type { PromptEndReason, PromptKind } from "../domain/prompts.js";
import type { Logger } from "../logger.js";
import type { ReferralFlow } from "./referral-flows.js";

export interface AttachmentDraft {
  kind: "photo" | "document" | "voice" | "video" | "audio";
  fileId: string;
  fileUniqueId?: string;
  fileName?: string;
  mimeType?: string;
  fileSize?: number;
}

/** A "new concern?" offer: what it was made for, and the bot's message that carries it. */
export interface ConcernOffer {
  id: string;
  text?: string | undefined;
  attachments: AttachmentDraft[];
  /** The album its photos came in: the album's later items join this offer. */
  groupId?: string | undefined;
  /** The citizen's messages it was made for (the first one's words count as a draft part). */
  sourceMessageIds: number[];
  offerMessageId?: number;
}

/** What the user is in the middle of; one at a time, kept in the session. */
export type Flow =
  | {
      kind: "concern";
      step: "describe" | "category" | "similar" | "confirm";
      /** Idempotency key of this draft: submitting it twice creates one case. */
      draftId: string;
      description: string;
      attachments: AttachmentDraft[];
      categoryId: number | null;
      anonymous: boolean;
      lastMediaGroupId?: string;
      /** A shared location, kept only with the separate consent it needs (PIPL art. 29). */
      location?: { latitude: number; longitude: number };
      /** A location waiting for that consent. */
      pendingLocation?: { latitude: number; longitude: number };
      /** The similar open cases offered ("me too"): only these may be joined. */
      similarIds?: number[];
      /**
       * The words of the description by the message they came in (0: text typed before /new),
       * so that editing one of those messages amends the draft (src/bot/features/case-edits.ts).
       */
      parts?: { messageId: number; text: string }[];
    }
  | { kind: "message"; concernId: number }
  | { kind: "resolve"; concernId: number }
  | { kind: "decline"; concernId: number }
  | CaseConfirmFlow
  /** The triage desk (src/bot/features/triage.ts): an internal note, the main case of a merge. */
  | { kind: "note"; concernId: number }
  | { kind: "merge"; concernId: number }
  /** /inbox: waiting for a case number to open (src/bot/features/inbox-desk.ts). */
  | { kind: "find_case" }
  /** Staff writing a canned reply: its title, then its body (src/bot/features/canned-replies.ts). */
  | { kind: "canned"; step: "title" | "body"; categoryId: number | null; cannedId?: number; title?: string }
  /** The citizen giving the reason to withdraw or reopen their case (src/bot/features/case-edits.ts). */
  | { kind: "withdraw"; concernId: number }
  | { kind: "reopen"; concernId: number }
  /** Staff giving the reason to reject a held case (src/bot/features/moderation.ts). */
  | { kind: "hold_reject"; concernId: number }
  | IntakeFlow
  | BroadcastFlow
  | ActivityDraftFlow
  | ActivityRecordFlow
  /** Staff changing an activity's title, time or place (src/bot/features/activities-manage.ts). */
  | { kind: "activity_edit"; activityId: number; field: "title" | "time" | "place" }
  /** /stats: waiting for a custom date range (src/bot/features/stats.ts). */
  | { kind: "stats_range" }
  /** /report: waiting for the deputy's narrative for a year (src/bot/features/report.ts). */
  | { kind: "report_narrative"; year: number }
  /** Referring a case, or typing what a referral action needs (src/bot/referral-flows.ts). */
  | ReferralFlow;

/**
 * A deputy's or staff member's text for a case, shown back with Send / Edit / Cancel before it
 * reaches the citizen or changes the case (src/bot/features/case-input.ts).
 */
export interface CaseConfirmFlow {
  kind: "case_confirm";
  action: "message" | "resolve" | "decline";
  concernId: number;
  text: string;
  attachments: AttachmentDraft[];
  /** Idempotency key of the Telegram message the text came from. */
  sourceKey: string;
  /** Binds the Send button to this text: a button under an older text sends nothing. */
  nonce: string;
  /** The album (Telegram's media_group_id) the text came with: its later items join it. */
  mediaGroupId?: string;
  /** The check on screen, redrawn as an album's items arrive. */
  confirmMessageId?: number;
}

/** A prompt that ended without its answer (src/bot/middlewares/prompt-guard.ts). */
export interface EndedPrompt {
  kind: PromptKind;
  /** The suffix of its "prompt-what-…" key (src/domain/prompts.ts promptWhat); older notes have none. */
  what?: string;
  concernId?: number;
  /** The referral a referral action's prompt was about. */
  referralId?: number;
  reason: PromptEndReason;
  /** ISO time it ended. */
  at: string;
}

/** A case staff enter for someone who came, phoned or wrote (src/bot/features/intake.ts). */
export interface IntakeFlow {
  kind: "intake";
  step:
    | "source"
    | "activity"
    | "district"
    | "category"
    | "description"
    | "consent"
    | "name"
    | "phone"
    | "confirm";
  /** Idempotency key of this entry: creating it twice makes one case. */
  entryId: string;
  source?: string;
  activityId?: number | null;
  districtId?: number;
  categoryId?: number | null;
  description?: string;
  consented?: boolean;
  name?: string;
  phone?: string;
}

/** A broadcast being composed by staff (src/bot/features/broadcast.ts). */
export interface BroadcastFlow {
  kind: "broadcast";
  step: "content" | "audience" | "district" | "when" | "time" | "confirm";
  text?: string;
  entities?: unknown[];
  mediaKind?: "photo" | "document" | null;
  mediaFileId?: string | null;
  audience?: string;
  districtId?: number | null;
  /** ISO time, when scheduled for later. */
  scheduledAt?: string | null;
}

/** An activity being created by staff or a representative (src/bot/features/activities-manage.ts). */
export interface ActivityDraftFlow {
  kind: "activity";
  step: "kind" | "title" | "time" | "place" | "district" | "deputies" | "capacity" | "confirm";
  activityKind?: ActivityKind;
  title?: string;
  /** ISO times. */
  startsAt?: string;
  endsAt?: string | null;
  place?: string;
  districtId?: number;
  deputyIds: number[];
  capacity?: number | null;
}

/** Staff writing an activity's record afterwards: attendance, notes, or case numbers to link. */
export interface ActivityRecordFlow {
  kind: "activity_record";
  activityId: number;
  field: "attendance" | "notes" | "link";
}

export interface SessionData {
  flow?: Flow;
  /** A claim code from a walk-in slip's QR code, applied after consent (src/bot/features/intake.ts). */
  pendingClaimCode?: string;
  /** District code from a station's QR code, applied after consent. */
  pendingDistrictCode?: string;
  /** Text (or captions) sent before accepting the notice, offered as a concern once it is accepted. */
  pendingText?: string;
  /** Photos or files sent before accepting the notice, offered with pendingText. */
  pendingMedia?: { attachments: AttachmentDraft[]; groupId?: string | undefined };
  /** The open "new concern?" offers, oldest first, each with its own content (src/bot/concern-offers.ts). */
  concernOffers?: ConcernOffer[];
  /** ISO time the privacy (or deputies' and staff's) notice was last sent, so it is not repeated at once. */
  noticeShownAt?: string;
  /** ISO time the open prompt (src/domain/prompts.ts) was asked; set by the prompt guard. */
  promptStartedAt?: string;
  /** The prompt that ended last without its answer, until the next text or flow. */
  endedPrompt?: EndedPrompt;
  /**
   * The messages that made up the citizen's latest submitted drafts (newest last, a few):
   * editing one later adds an amendment to that case instead of changing the submitted text.
   */
  submittedDrafts?: { concernId: number; messageIds: number[] }[];
  /** The question /stats is answering, changed by its buttons and checked again on each. */
  stats?: StatsQueryState;
  /** A citizen's album being added to a case: its later items join the message of its first (src/bot/features/case-input.ts). */
  caseAlbum?: { mediaGroupId: string; concernId: number; eventId: number };
  /** The command menu set for this user's chat, "role:locale" (src/bot/middlewares/role-menu.ts); none for citizens. */
  commandMenu?: string;
}

/** What /stats shows: a period, filters and a grouping (src/bot/features/stats.ts). */
export interface StatsQueryState {
  period: PeriodChoice;
  districtId: number | null;
  categoryId: number | null;
  deputyId: number | null;
  /** Cases referred to this department; absent in sessions saved before the filter existed. */
  departmentId?: number | null;
  grouping: CaseGrouping;
}

export interface BotDeps {
  config: Config;
  db: Database;
  logger: Logger;
  i18n: I18n<BotContext>;
  now: () => Date;
}

interface ExtraContext {
  deps: BotDeps;
  /** The database user behind ctx.from; set by the user middleware for every update with a sender. */
  user: User;
  logger: Logger;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & ExtraContext;
export type BotApi = Api;
