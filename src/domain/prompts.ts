// When a prompt ends. A prompt is a question that waits for one text and acts on it (a reply to
// a citizen, an outcome, a reason for declining, the Send / Edit / Cancel check of one of
// those, an internal note, a merge's main case, a citizen's reason to withdraw or reopen, an
// activity's record, a date range, a report's narrative). A text typed after the
// person moved on must never be taken as the answer (issue 7, item 1): any command, any button
// that is not the prompt's own, and a time limit end it. Drafts that have their own review
// step before anything leaves (a concern, a broadcast, an activity) are not prompts.

/** The flow kinds that are prompts (see above). */
export const promptKinds = [
  "message",
  "resolve",
  "decline",
  "case_confirm",
  "note",
  "merge",
  "withdraw",
  "reopen",
  "activity_record",
  "stats_range",
  "report_narrative",
  "find_case",
  "canned",
] as const;
export type PromptKind = (typeof promptKinds)[number];

export function isPromptKind(kind: string | undefined): kind is PromptKind {
  return kind !== undefined && (promptKinds as readonly string[]).includes(kind);
}

/**
 * Callback-data prefixes of the buttons that belong to a prompt and do not end it:
 * "fx" cancels the prompt (src/bot/callback-data.ts cancelFlowData), "cs" is the Send / Edit /
 * Cancel check of a text for a case (caseConfirmData), "cn" a canned reply chosen under a reply
 * prompt (src/bot/features/canned-replies.ts), which replaces the prompt with that check.
 */
export const promptOwnButtonPrefixes: readonly string[] = ["fx", "cs", "cn"];

/** Why a prompt ended without its answer. */
export type PromptEndReason = "command" | "button" | "timeout";

/** What arrived while a prompt was open, as far as ending it goes. */
export type PromptInput =
  | { kind: "command" }
  | { kind: "button"; data: string }
  | { kind: "message" }
  | { kind: "other" };

/**
 * Whether `input` ends the open prompt, and why: a command ends it; a button ends it unless its
 * data's prefix (before the first ":") is one of promptOwnButtonPrefixes; anything else ends it
 * once `timeoutMs` (milliseconds) have passed since `startedAt`. A prompt with no start time
 * (opened before prompts were timed) counts as started long ago. Undefined: the prompt stays.
 */
export function promptEnd(
  input: PromptInput,
  startedAt: Date | undefined,
  now: Date,
  timeoutMs: number,
): PromptEndReason | undefined {
  if (input.kind === "command") return "command";
  if (input.kind === "button" && !promptOwnButtonPrefixes.includes(input.data.split(":")[0] ?? ""))
    return "button";
  if (!startedAt || now.getTime() - startedAt.getTime() > timeoutMs) return "timeout";
  return undefined;
}

/** How long the note "your prompt ended" is kept for a text that comes late: a day. */
export const endedPromptMemoryMs = 24 * 3_600_000;
