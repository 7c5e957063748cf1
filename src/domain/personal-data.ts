// My data (PIPL, 个人信息保护法): what we hold about a person, how long, and what deleting an
// account leaves. The retention policy is data, matching what the privacy notice
// (locales/*/privacy.ftl, privacy-notice) promises today:
//   "诉求办结后保留 3 年用于统计和督办,账号信息保留至您要求删除为止" —
//   case records are kept for 3 years after a case is closed; account data until deletion.
// Deletion and the retention pass erase the same things of a case (its contents); what stays
// is anonymous statistics: case number, district, category, status, dates and rating.
import { hasVisibleCharacter } from "./person-name.js";

/** One promise of the privacy notice, as a rule. */
export interface RetentionRule {
  id: "closed_case_contents" | "account";
  /** What it covers, in the data model's words. */
  covers: string;
  /** Calendar years to keep after `from`, or null: until the person asks for deletion. */
  keepYears: number | null;
  from: "closedAt" | null;
  afterwards: string;
  /** The words of the privacy notice (zh-CN) that promise it. */
  promise: string;
}

export const retentionPolicy: readonly RetentionRule[] = [
  {
    id: "closed_case_contents",
    covers:
      "a closed case's description, outcome, location, timeline texts, attachments, referral answers and walk-in contact",
    keepYears: 3,
    from: "closedAt",
    afterwards: "erased; the case stays as anonymous statistics (erasedAt set)",
    promise: "诉求办结后保留 3 年用于统计和督办",
  },
  {
    id: "account",
    covers: "the user row (Telegram id, names, username, language, district, consents), subscriptions, RSVPs",
    keepYears: null,
    from: null,
    afterwards: "kept until the person deletes their account (deleteAccount)",
    promise: "账号信息保留至您要求删除为止",
  },
];

/**
 * The instant before which a case must have been closed for the retention pass to erase its
 * contents: `now` minus the rule's years in calendar terms (UTC; 29 February falls back to
 * 1 March). Throws for a rule kept until deletion.
 */
export function retentionCutoff(rule: RetentionRule, now: Date): Date {
  if (rule.keepYears === null) throw new Error(`retention rule ${rule.id} has no time limit`);
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - rule.keepYears);
  return cutoff;
}

/** The rule for closed cases, the one the retention pass applies. */
export const closedCaseRule = retentionPolicy.find((r) => r.id === "closed_case_contents")!;

/**
 * Which cases a retention pass at `now` erases: closed before the cutoff of
 * closed_case_contents and not erased already. Open cases (no closedAt) are never due.
 */
export function casesDueForErasure<T extends { closedAt: Date | null; erasedAt: Date | null }>(
  cases: readonly T[],
  now: Date,
): T[] {
  const cutoff = retentionCutoff(closedCaseRule, now).getTime();
  return cases.filter((c) => c.erasedAt === null && c.closedAt !== null && c.closedAt.getTime() < cutoff);
}

/**
 * Every table, what it holds of a person and what deleting their account does to it, with
 * each text column marked erased (emptied, nulled or the row deleted) or kept (and why it is
 * no personal data). A test fails when a table or a text column is missing here, so that a new
 * one is decided on before it can keep someone's data past their deletion.
 */
export const personalDataMap: Record<string, { onDeletion: string; erased: string[]; kept: string[] }> = {
  User: {
    onDeletion:
      "anonymised: telegramId = −id, names, username, language, district, consents cleared; deletedAt set",
    erased: ["firstName", "lastName", "username", "locale"],
    kept: ["role", "inactiveReason"],
  },
  Concern: {
    onDeletion: "open ones withdrawn; contents erased, kept as anonymous statistics",
    erased: ["description", "outcome", "sourceKey"],
    kept: ["caseNo", "status", "rating", "escalation"],
  },
  ConcernEvent: {
    onDeletion:
      "texts and idempotency keys (which hold Telegram chat ids) of the person's cases and acts nulled",
    erased: ["text", "sourceKey"],
    kept: ["kind", "actorRole", "fromStatus", "toStatus"],
  },
  Attachment: {
    onDeletion: "rows of the person's cases deleted",
    erased: ["kind", "fileId", "fileUniqueId", "fileName", "mimeType"],
    kept: [],
  },
  Referral: {
    onDeletion: "free texts on the person's cases nulled (they may repeat what the person said)",
    erased: ["note", "answer", "reviewNote", "deputyRatingNote", "reworkReason", "returnNote"],
    kept: [
      "status",
      "answerClass",
      "contactPerson",
      "reviewOutcome",
      "deputyRating",
      "returnReason",
      "escalation",
    ],
  },
  ReferralExtension: {
    onDeletion: "reasons on the person's cases nulled",
    erased: ["reason", "decisionNote"],
    kept: ["status"],
  },
  DepartmentContact: { onDeletion: "none (deletion is for citizens)", erased: [], kept: [] },
  CannedReply: {
    onDeletion: "kept: templates written by staff",
    erased: [],
    kept: ["locale", "title", "body"],
  },
  WorkingCalendarYear: { onDeletion: "kept: reference data", erased: [], kept: ["file"] },
  CaseIntake: {
    onDeletion: "contact and claim code of the person's cases nulled",
    erased: ["contactName", "contactPhone", "claimCodeHash"],
    kept: ["source"],
  },
  ConcernParty: {
    onDeletion: "co-signatures kept, left (still counted), with their rating as anonymous statistics",
    erased: [],
    kept: ["role", "rating"],
  },
  PrivacyRequest: {
    onDeletion: "kept: the record that the person asked for an export or the deletion (kind, date)",
    erased: [],
    kept: ["kind"],
  },
  ConcernHold: { onDeletion: "kept: reason codes only", erased: [], kept: ["reason", "decision"] },
  ModerationAction: {
    onDeletion: "kept as the audit record; staff's free-text reason nulled",
    erased: ["reason"],
    kept: ["kind"],
  },
  Session: { onDeletion: "the person's session (drafts) deleted", erased: ["key", "value"], kept: [] },
  CaseMessageRef: {
    onDeletion: "the person's rows deleted (which of the bot's messages to them was about which case)",
    erased: ["chatId", "messageId"],
    kept: [],
  },
  CaseFact: {
    onDeletion: "kept: anonymous statistics (0/1 facts, ids, dates), nothing about the person",
    erased: [],
    kept: ["status", "receivedMonth"],
  },
  StatsState: { onDeletion: "kept: the statistics' bookkeeping", erased: [], kept: ["key", "value"] },
  DeputyReport: {
    onDeletion: "kept: a deputy's own report; its figures list case numbers only",
    erased: [],
    kept: ["narrative", "snapshot"],
  },
  AccessAudit: {
    onDeletion:
      "kept as the audit record (what changed, when); the person's name and Telegram id replaced by the row id",
    erased: ["subjectLabel", "actorLabel"],
    kept: ["action", "role", "detail"],
  },
  PersonalDataExport: {
    onDeletion: "kept: the record that personal data was exported, by whom and when",
    erased: [],
    kept: ["kind", "fromDate", "toDate", "operator"],
  },
  NoticeSubscription: { onDeletion: "deleted", erased: [], kept: [] },
  ActivityRsvp: { onDeletion: "deleted", erased: ["answer"], kept: [] },
  BroadcastRecipient: {
    onDeletion: "kept: delivery status for the broadcast's statistics, linked to the anonymised row",
    erased: [],
    kept: ["status", "error"],
  },
  Job: {
    onDeletion: "queued messages to the person or about their cases cancelled; payloads hold row ids only",
    erased: [],
    kept: ["task", "payload", "key", "status", "lockedBy", "lastError"],
  },
  Invite: {
    onDeletion: "kept: no personal data (who used it is a row id)",
    erased: [],
    kept: ["token", "role"],
  },
  RepresentativeAssignment: { onDeletion: "none (deletion is for citizens)", erased: [], kept: [] },
  ActivityDeputy: { onDeletion: "none (deletion is for citizens)", erased: [], kept: [] },
  ActivityConcern: { onDeletion: "kept: links an activity to a case", erased: [], kept: [] },
  Activity: {
    onDeletion: "kept: written by staff",
    erased: [],
    kept: ["kind", "title", "place", "status", "notes"],
  },
  Broadcast: {
    onDeletion: "kept: written by staff",
    erased: [],
    kept: ["audience", "text", "entities", "mediaKind", "mediaFileId", "status"],
  },
  District: {
    onDeletion: "kept: reference data",
    erased: [],
    kept: ["code", "nameZh", "nameEn", "level", "path"],
  },
  LiaisonStation: {
    onDeletion: "kept: reference data (the station's public address and phone)",
    erased: [],
    kept: ["code", "nameZh", "nameEn", "addressZh", "addressEn", "receptionZh", "receptionEn", "phone"],
  },
  Department: {
    onDeletion: "kept: reference data",
    erased: [],
    kept: ["code", "nameZh", "nameEn", "contact"],
  },
  Category: { onDeletion: "kept: reference data", erased: [], kept: ["code", "nameZh", "nameEn"] },
  CaseCounter: { onDeletion: "kept: counters", erased: [], kept: ["scope"] },
  ProcessedUpdate: { onDeletion: "kept: update ids only, purged after days", erased: [], kept: ["status"] },
  DeliveryPause: { onDeletion: "kept: no personal data", erased: [], kept: ["id"] },
};

// —— the export ——

/** What we hold about a person, as exported (JSON, dates as ISO 8601 strings). */
export interface PersonalDataExport {
  format: "liaison-station/personal-data@1";
  exportedAt: string;
  profile: {
    telegramId: string;
    firstName: string;
    lastName: string | null;
    username: string | null;
    locale: string | null;
    role: string;
    district: { code: string; nameZh: string; nameEn: string } | null;
    createdAt: string;
    updatedAt: string;
  };
  consents: {
    privacyNoticeAcceptedAt: string | null;
    locationConsentAt: string | null;
    noticesOptOutAt: string | null;
  };
  moderation: {
    mutedAt: string | null;
    blockedAt: string | null;
    actions: { kind: string; at: string; undoneAt: string | null }[];
  };
  cases: {
    caseNo: string;
    status: string;
    category: string | null;
    district: string;
    anonymous: boolean;
    description: string;
    location: { latitude: number; longitude: number } | null;
    outcome: string | null;
    rating: string | null;
    ratedAt: string | null;
    createdAt: string;
    closedAt: string | null;
    /** How it was raised, when staff entered it (walk_in, phone…), with the contact kept. */
    intake: { source: string; contactName: string | null; contactPhone: string | null } | null;
    messages: { at: string; from: string; kind: string; text: string | null }[];
    attachments: {
      kind: string;
      fileName: string | null;
      mimeType: string | null;
      fileSize: number | null;
      at: string;
    }[];
  }[];
  cosigned: { caseNo: string; since: string; leftAt: string | null }[];
  subscriptions: { district: string; active: boolean; since: string }[];
  rsvps: { activity: string; startsAt: string; answer: string; attended: boolean | null }[];
  invitesUsed: { role: string; district: string | null; usedAt: string | null }[];
  /** A conversation in progress (e.g. a draft concern), as the bot keeps it. */
  session: unknown;
  broadcastsReceived: number;
}

/** Translates a Fluent key with arguments in the reader's locale. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/**
 * The export as text a person can read, in the locale of `t` (keys in
 * locales/<locale>/privacy-data.ftl and status.ftl). `formatDate` renders an ISO string.
 */
export function personalDataSummary(
  data: PersonalDataExport,
  t: Translate,
  formatDate: (iso: string) => string,
): string {
  const none = t("privacy-data-none");
  const p = data.profile;
  const lines = [
    t("privacy-data-title", { date: formatDate(data.exportedAt) }),
    "",
    t("privacy-data-profile", {
      telegramId: p.telegramId,
      name: hasVisibleCharacter([p.firstName, p.lastName].filter(Boolean).join(" "))
        ? [p.firstName, p.lastName].filter(Boolean).join(" ")
        : none,
      username: p.username ? `@${p.username}` : none,
      locale: p.locale ?? none,
      district: p.district?.code ?? none,
      since: formatDate(p.createdAt),
    }),
    t("privacy-data-consents", {
      privacy: data.consents.privacyNoticeAcceptedAt
        ? formatDate(data.consents.privacyNoticeAcceptedAt)
        : none,
      location: data.consents.locationConsentAt ? formatDate(data.consents.locationConsentAt) : none,
    }),
    "",
    t("privacy-data-cases", { count: data.cases.length }),
  ];
  for (const c of data.cases) {
    lines.push(
      t("privacy-data-case", {
        caseNo: c.caseNo,
        status: t(`status-${c.status}`),
        date: formatDate(c.createdAt),
        description: c.description,
        messages: c.messages.length,
        attachments: c.attachments.length,
      }),
    );
    if (c.rating) lines.push(t("privacy-data-case-rating", { rating: t(`rating-${c.rating}`) }));
    if (c.intake?.contactName || c.intake?.contactPhone)
      lines.push(
        t("privacy-data-case-contact", {
          name: c.intake.contactName ?? none,
          phone: c.intake.contactPhone ?? none,
        }),
      );
    for (const a of c.attachments)
      lines.push(t("privacy-data-attachment", { kind: a.kind, name: a.fileName ?? a.mimeType ?? a.kind }));
  }
  lines.push(
    "",
    t("privacy-data-cosigned", { count: data.cosigned.length }),
    t("privacy-data-subscriptions", {
      count: data.subscriptions.filter((s) => s.active).length,
      districts:
        data.subscriptions
          .filter((s) => s.active)
          .map((s) => s.district)
          .join(", ") || none,
    }),
    t("privacy-data-rsvps", { count: data.rsvps.length }),
    t("privacy-data-broadcasts", { count: data.broadcastsReceived }),
  );
  if (data.moderation.actions.length > 0)
    lines.push(t("privacy-data-moderation", { count: data.moderation.actions.length }));
  return lines.join("\n");
}

// —— deletion ——

/** What deleting an account left in the database, for telling the person exactly that. */
export interface DeletionRemains {
  /** Cases kept as anonymous statistics: number, district, category, status, dates, rating. */
  cases: {
    caseNo: string;
    district: string;
    category: string | null;
    status: string;
    createdAt: string;
    closedAt: string | null;
    rating: string | null;
  }[];
  /** Open cases that were withdrawn because the account was deleted. */
  withdrawn: string[];
  /** Co-signatures kept as counts on others' cases. */
  cosignatures: number;
  /** Moderation records kept as the audit trail (kinds and dates, no reasons). */
  moderationRecords: number;
}

/** The text that tells a person what deleting their account erased and what remains. */
export function deletionSummary(remains: DeletionRemains, t: Translate): string {
  const lines = [t("privacy-deleted-title"), t("privacy-deleted-erased")];
  if (remains.withdrawn.length > 0)
    lines.push(
      t("privacy-deleted-withdrawn", {
        count: remains.withdrawn.length,
        cases: remains.withdrawn.join(", "),
      }),
    );
  lines.push(
    remains.cases.length > 0
      ? t("privacy-deleted-kept-cases", {
          count: remains.cases.length,
          cases: remains.cases.map((c) => c.caseNo).join(", "),
        })
      : t("privacy-deleted-kept-nothing"),
  );
  if (remains.cosignatures > 0)
    lines.push(t("privacy-deleted-kept-cosignatures", { count: remains.cosignatures }));
  if (remains.moderationRecords > 0)
    lines.push(t("privacy-deleted-kept-moderation", { count: remains.moderationRecords }));
  return lines.join("\n");
}
