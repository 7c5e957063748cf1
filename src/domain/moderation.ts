// Moderation (issue 11): staff can mute a user (their new concerns are held for review) or
// block one (their messages are ignored; they are told once); flood rules hold a concern for
// review instead of sending it to the deputies. Every action is recorded and can be undone:
// a mute or block by undoing it, a hold by releasing the case (or declining it, which the
// ordinary reopen undoes).
import { textSimilarity } from "./similarity.js";

export const moderationKinds = ["mute", "block"] as const;
export type ModerationKind = (typeof moderationKinds)[number];

export const holdReasons = ["muted", "flood_rate", "flood_repeat"] as const;
export type HoldReason = (typeof holdReasons)[number];

export function isModerationKind(value: string): value is ModerationKind {
  return (moderationKinds as readonly string[]).includes(value);
}

/**
 * The flood rules. Not figures from a regulation: a judgement of what no citizen with real
 * problems does. Three new concerns within an hour is already a lot (the seeds count a
 * station's year in thousands of concerns from tens of thousands of people); a fourth is held,
 * not refused, so a real one is only delayed until staff look. A text whose shingles are 80 %
 * the same as one the same citizen sent in the last 10 minutes is a repeat (a double send, or
 * a copy-and-paste campaign).
 */
export const floodRules = {
  /** More than this many new concerns by one citizen within `rateWindowMinutes` are held. */
  maxConcernsPerWindow: 3,
  rateWindowMinutes: 60,
  /** textSimilarity (whole texts, places included) at or above which a text is a repeat. */
  repeatSimilarity: 0.8,
  repeatWindowMinutes: 10,
} as const;

export type FloodRules = { [K in keyof typeof floodRules]: number };

/** The moderation state kept on the user row. */
export interface ModerationState {
  mutedAt: Date | null;
  /** Blocked: set by a "block" action. */
  bannedAt: Date | null;
  /** When a blocked user was told that their messages are ignored. */
  blockNoticeAt: Date | null;
}

/**
 * What to do with an incoming message or tap: `accept` it; `tell_blocked` (ignore it, and
 * tell the user once that they are blocked); `ignore` it silently (told already).
 */
export function inboundDecision(user: ModerationState): "accept" | "tell_blocked" | "ignore" {
  if (!user.bannedAt) return "accept";
  return user.blockNoticeAt && user.blockNoticeAt >= user.bannedAt ? "ignore" : "tell_blocked";
}

export interface RecentConcern {
  id: number;
  description: string;
  createdAt: Date;
}

export interface HoldDecision {
  reason: HoldReason;
  /** For flood_repeat: the case it nearly repeats. */
  similarToId?: number;
}

/**
 * Whether a new concern by this user is held for review instead of going to the deputies,
 * and why; null when it goes through. `recent` are the same citizen's cases (any status),
 * at least those of the last `rules.rateWindowMinutes`. Checked in order: muted, then more than
 * `maxConcernsPerWindow` (this one included) in the rate window, then a repeat of one sent
 * within `repeatWindowMinutes`.
 */
export function holdDecision(
  draft: { text: string; now: Date },
  user: Pick<ModerationState, "mutedAt">,
  recent: readonly RecentConcern[],
  rules: FloodRules = floodRules,
): HoldDecision | null {
  if (user.mutedAt) return { reason: "muted" };
  const now = draft.now.getTime();
  const within = (minutes: number) =>
    recent.filter((c) => c.createdAt.getTime() > now - minutes * 60_000 && c.createdAt.getTime() <= now);
  if (within(rules.rateWindowMinutes).length + 1 > rules.maxConcernsPerWindow)
    return { reason: "flood_rate" };
  const repeat = within(rules.repeatWindowMinutes).find(
    (c) => textSimilarity(draft.text, c.description) >= rules.repeatSimilarity,
  );
  return repeat ? { reason: "flood_repeat", similarToId: repeat.id } : null;
}

/** The user columns an action sets, and what undoing it sets them back to. */
export function moderationEffect(
  kind: ModerationKind,
  now: Date,
): { apply: Partial<ModerationState>; undo: Partial<ModerationState> } {
  return kind === "mute"
    ? { apply: { mutedAt: now }, undo: { mutedAt: null } }
    : // A new block is told again, once.
      { apply: { bannedAt: now, blockNoticeAt: null }, undo: { bannedAt: null, blockNoticeAt: null } };
}
