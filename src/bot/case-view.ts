// How a case reads, for the citizen and for the deputies' side. Used by replies and by
// queued notifications alike. A citizen who asked for anonymity is never identified.

import type { ConcernEvent } from "../db/generated/sqlite/client.js";
import type { ConcernDetails } from "../db/queries/concerns.js";
import {
  citizenVisibility,
  isConcernEventKind,
  mayReachCitizen,
  referralEventKinds,
} from "../domain/event-kinds.js";
import { parseUndeliveredReason, undeliveredReason } from "../domain/undelivered.js";
import { displayName, escapeHtml, formatDateTime, type Translate } from "./format.js";
import type { ViewOptions } from "./view-options.js";

/** Who is looking: the case's citizen, a co-signer of it ("me too"), or its handlers. */
export type Viewer = "citizen" | "cosigner" | "handler";

export type { ViewOptions };

export function statusLabel(t: Translate, status: string): string {
  return t(`status-${status}`);
}

export function localName(entity: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === "en" ? entity.nameEn : entity.nameZh;
}

/** The person behind a case as a deputy may see it. */
export function citizenLabel(t: Translate, concern: Pick<ConcernDetails, "anonymous" | "citizen">): string {
  if (concern.anonymous) return t("case-anonymous-citizen");
  const who = displayName(concern.citizen);
  return concern.citizen.username && !who.startsWith("@")
    ? `${escapeHtml(who)} (@${escapeHtml(concern.citizen.username)})`
    : escapeHtml(who);
}

export function caseCard(
  concern: ConcernDetails,
  viewer: Viewer,
  { t, locale, timeZone }: ViewOptions,
): string {
  const lines = [
    t("case-card-title", { caseNo: concern.caseNo, status: statusLabel(t, concern.status) }),
    t("case-card-district", { district: escapeHtml(localName(concern.district, locale)) }),
    t("case-card-category", {
      category: concern.category ? escapeHtml(localName(concern.category, locale)) : t("case-no-category"),
    }),
    t("case-card-created", { time: formatDateTime(concern.createdAt, locale, timeZone) }),
  ];
  if (viewer === "handler") {
    lines.push(t("case-card-citizen", { citizen: citizenLabel(t, concern) }));
    if (concern.priority >= 1) lines.push(t("triage-card-urgent"));
    lines.push(
      t("triage-card-assignee", {
        name: concern.assignee ? escapeHtml(displayName(concern.assignee)) : t("triage-nobody"),
      }),
    );
    // Telegram said the citizen cannot be reached (blocked the bot, account gone): say so.
    if (concern.citizen.inactiveAt)
      lines.push(unreachableLine("case-card-unreachable", concern.citizen, { t, locale, timeZone }));
    if (concern.dueAt)
      lines.push(t("case-card-due", { time: formatDateTime(concern.dueAt, locale, timeZone) }));
  }
  if (concern._count.parties > 0) lines.push(t("cosign-card-count", { count: concern._count.parties }));
  if (concern._count.attachments > 0)
    lines.push(t("case-card-attachments", { count: concern._count.attachments }));
  // Whole: a long card is sent in several messages (src/bot/split-text.ts), never cut.
  lines.push("", escapeHtml(concern.description));
  if (concern.outcome) lines.push("", t("case-card-outcome", { outcome: escapeHtml(concern.outcome) }));
  return lines.join("\n");
}

const actorRoles = ["representative", "staff", "admin", "department"] as const;

/**
 * Someone who acts on a case named with their own role, as a citizen reads it (issue 7, item
 * 3), one pattern for every role, role first: "人大代表 王五", "联络站工作人员 李四", "管理员 …",
 * "职能部门 …" (keys `actor-<role>`). `name`
 * is already escaped HTML. A role not listed reads as staff.
 */
export function actorTitle(t: Translate, role: string, name: string): string {
  const known = (actorRoles as readonly string[]).includes(role) ? role : "staff";
  return t(`actor-${known}`, { name });
}

type TimelineEvent = ConcernEvent & {
  actor: { firstName: string; lastName: string | null; username?: string | null; telegramId?: bigint } | null;
};

/** Names a timeline needs besides its events: categories by id (for "categorized" entries). */
export interface TimelineLabels {
  categories?: ReadonlyMap<number, { nameZh: string; nameEn: string }>;
  /** The department of each referral by id (for the referral entries of a handler's timeline). */
  departments?: ReadonlyMap<number, { nameZh: string; nameEn: string }>;
  /** How many older entries the events given leave out (said at the top; 0 or absent: none). */
  hidden?: number;
}

const ratingValues = ["satisfied", "basically_satisfied", "unsatisfied"];

/**
 * What a referral entry's text says, localized: the answer class (A 已解决), the reason a
 * referral was redone, the decision on an extension, the supervision step, the deputy's rating
 * (text "<rating>|<note>" or, before ratings were kept, the note alone); free text as written.
 */
function referralDetail(t: Translate, kind: string, text: string | null): string {
  if (!text) return "";
  switch (kind) {
    case "referral_answered":
      return /^[A-D]$/.test(text) ? t(`referral-class-${text}`) : escapeHtml(text);
    case "referral_reopened":
      return ["unsatisfied_deputy", "unsatisfied_citizen", "promise_due"].includes(text)
        ? t(`timeline-reopen-${text}`)
        : escapeHtml(text);
    case "referral_extension_decided":
      return text === "approved" || text === "refused" ? t(`timeline-extension-${text}`) : escapeHtml(text);
    case "supervision":
      return t("timeline-supervision-step", { step: text });
    case "referral_rated": {
      const [rating, note] = splitOnce(text, "|");
      if (!ratingValues.includes(rating)) return escapeHtml(text);
      return note ? `${t(`rating-${rating}`)}(${escapeHtml(note)})` : t(`rating-${rating}`);
    }
    default:
      return escapeHtml(text);
  }
}

function actorLabel(t: Translate, event: TimelineEvent, viewer: Viewer, anonymous: boolean): string {
  if (event.actorRole === "citizen") {
    if (viewer === "cosigner") return t("timeline-filer");
    return viewer === "citizen"
      ? t("timeline-you")
      : anonymous
        ? t("case-anonymous-citizen")
        : escapeHtml(displayName(event.actor ?? { firstName: "" }));
  }
  if (event.actorRole === "system") return t("timeline-system");
  if (event.actorRole === "department") return t("timeline-role-department");
  const name = event.actor ? escapeHtml(displayName(event.actor)) : "";
  return actorTitle(t, event.actorRole, name);
}

/**
 * The newest events, shown oldest first; the full record stays in the database. A citizen
 * sees only what may reach them (src/domain/event-kinds.ts mayReachCitizen: never an internal
 * note, never the handlers' own business), and of the "summary" kinds only that they happened.
 */
export function timelineText(
  events: TimelineEvent[],
  viewer: Viewer,
  anonymous: boolean,
  { t, locale, timeZone }: ViewOptions,
  labels: TimelineLabels = {},
): string {
  const lines = [t("timeline-title")];
  if (viewer === "handler" && labels.hidden) lines.push(t("timeline-older-hidden", { count: labels.hidden }));
  // A citizen (or co-signer) sees only what may reach them (the newest 10 of those), and the
  // referral loop only in summary: "已转办", "督办中" — not who was chased or what handlers said
  // among themselves.
  const outside = viewer !== "handler";
  const shown = outside ? events.filter(mayReachCitizen).slice(0, 10) : events;
  let lastSummary = "";
  for (const event of [...shown].reverse()) {
    // A co-signer hears the handlers' side; what the filer wrote stays between them and the deputies.
    if (viewer === "cosigner" && event.actorRole === "citizen" && event.kind === "message") continue;
    const when = formatDateTime(event.createdAt, locale, timeZone);
    if (outside && isConcernEventKind(event.kind) && citizenVisibility[event.kind] === "summary") {
      const line = `${t("timeline-system")}: ${t(`timeline-summary-${event.kind}`)}`;
      // A re-routed referral is a new one: the citizen reads "passed on to a department" once.
      if (line === lastSummary) continue;
      lastSummary = line;
      lines.push(`${when} · ${line}`);
      continue;
    }
    if ((referralEventKinds as readonly string[]).includes(event.kind)) {
      const detail = referralDetail(t, event.kind, event.text);
      const department = event.referralId ? labels.departments?.get(event.referralId) : undefined;
      const where = department
        ? t("timeline-referral-department", { department: escapeHtml(localName(department, locale)) })
        : "";
      lines.push(
        `${when} · ${actorLabel(t, event, viewer, anonymous)}: ${t(`timeline-kind-${event.kind}`)}${where}${detail ? `: ${detail}` : ""}`,
      );
      continue;
    }
    const who = actorLabel(t, event, viewer, anonymous);
    let what: string;
    switch (event.kind) {
      case "assigned":
        // A claim is an assignment to oneself (src/db/queries/triage.ts marks it "claim|<name>").
        what = (event.text ?? "").startsWith("claim|")
          ? t("timeline-claimed")
          : t("timeline-assigned", { name: escapeHtml(event.text ?? "") });
        break;
      case "handed_over": {
        const [reason, former] = splitOnce(event.text ?? "", "|");
        what = t("timeline-handed-over", {
          former: escapeHtml(former),
          reason: reason === "suspended" ? "suspended" : "removed",
          to: event.actor ? "someone" : "nobody",
          heir: event.actor ? escapeHtml(displayName(event.actor)) : "",
        });
        break;
      }
      case "categorized": {
        const category = labels.categories?.get(Number(event.text));
        what = t("timeline-categorized", {
          category: category ? escapeHtml(localName(category, locale)) : "—",
        });
        break;
      }
      case "prioritized":
        what = t("timeline-prioritized", { priority: t(`priority-${event.text ?? "normal"}`) });
        break;
      case "merged":
        what = t("timeline-merged", { caseNo: escapeHtml(event.text ?? "") });
        break;
      case "note":
        what = t("timeline-note", { text: escapeHtml(event.text ?? "") });
        break;
      case "created":
        what = t("timeline-created");
        break;
      case "status":
        what = t("timeline-status", { status: statusLabel(t, event.toStatus ?? "") });
        if (event.text) what += `: ${escapeHtml(event.text)}`;
        break;
      case "rating":
        what = t("timeline-rating", { rating: t(`rating-${event.text ?? ""}`) });
        break;
      case "amendment":
        what = t("amend-timeline", { text: escapeHtml(event.text ?? "") });
        break;
      case "undelivered":
        what = t("timeline-undelivered", {
          reason: t(`undelivered-reason-${parseUndeliveredReason(event.text)}`),
        });
        break;
      default:
        what = escapeHtml(event.text ?? "");
    }
    lines.push(`${when} · ${who}: ${what}`);
  }
  return lines.join("\n");
}

/** "a|b|c" split at its first "|": ["a", "b|c"] (the second part empty when there is none). */
function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** The citizen as far as reaching them goes: when and why Telegram said they cannot be reached. */
type Reachability = { inactiveAt: Date | null; inactiveReason?: string | null };

function unreachableLine(key: string, citizen: Reachability, { t, locale, timeZone }: ViewOptions): string {
  return t(key, {
    since: formatDateTime(citizen.inactiveAt!, locale, timeZone),
    reason: t(`undelivered-reason-${undeliveredReason("recipient-gone", citizen.inactiveReason ?? "")}`),
  });
}

/**
 * A prompt for words to the citizen (Reply, Resolve, Decline) with, above it, the warning that
 * the citizen is known to be unreachable (the case card's "⚠️ 群众无法联系"), so that the deputy
 * knows before writing; the prompt alone when they are reachable.
 */
export function withUnreachableWarning(prompt: string, citizen: Reachability, view: ViewOptions): string {
  if (!citizen.inactiveAt) return prompt;
  return `${unreachableLine("case-prompt-unreachable", citizen, view)}\n\n${prompt}`;
}
