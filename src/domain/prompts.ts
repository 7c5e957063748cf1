// When a prompt ends. A prompt is a question that waits for a typed text and acts on it (a reply
// to a citizen, an outcome, a reason for declining, the Send / Edit / Cancel check of one of
// those, an internal note, a merge's main case, a citizen's reason to withdraw or reopen, an
// activity's record or a change to it, a date range, a report's narrative, a held case's
// rejection reason, a referral's deadline or note, and every text a referral action needs: a
// department's return, extension or answer, a rework or withdrawal reason, a note on a
// referral). A text typed after the person moved on must never be taken as the answer (issue 7,
// item 1): any command, any button that is not the prompt's own, and a time limit end it. Drafts
// that have their own review step before anything leaves (a concern, a case entered by staff, a
// broadcast, an activity being created) are not prompts.

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
  "activity_edit",
  "stats_range",
  "report_narrative",
  "find_case",
  "canned",
  "hold_reject",
  "refer",
  "referral_input",
] as const;
export type PromptKind = (typeof promptKinds)[number];

export function isPromptKind(kind: string | undefined): kind is PromptKind {
  return kind !== undefined && (promptKinds as readonly string[]).includes(kind);
}

/**
 * What of an open prompt decides its own buttons and its "prompt ended" note: its kind, its step
 * (referral flows), and the referral or case it is about. Shaped like the session's flow
 * (src/bot/context.ts), which is passed as it is.
 */
export interface PromptShape {
  kind: PromptKind;
  step?: string;
  referralId?: number;
  concernId?: number;
}

/**
 * The buttons that belong to the prompt `flow` and do not end it, as callback-data patterns:
 * ":"-separated segments, "*" matching any one segment, a pattern matching data that starts with
 * its segments (see isOwnButton). Every prompt owns "fx", its Cancel (src/bot/callback-data.ts
 * cancelFlowData). The case prompts own "cs", the Send / Edit / Cancel check of a text for a case
 * (caseConfirmData), and "cn", a canned reply chosen under a reply prompt
 * (src/bot/features/canned-replies.ts). A referral draft owns its own steps' buttons for its
 * case ("rs:*:<case id>", src/bot/referral-callback-data.ts referDraftData). A department's
 * return owns the reason and department choices of that referral ("rf:rr:<id>", "rf:rd:<id>"),
 * an answer the choice of its class again ("rf:ac:<id>"); the other typed steps of a referral
 * own only Cancel.
 */
export function promptOwnButtonPrefixes(flow: PromptShape): readonly string[] {
  switch (flow.kind) {
    case "message":
    case "resolve":
    case "decline":
    case "case_confirm":
      return ["fx", "cs", "cn"];
    case "refer":
      return ["fx", `rs:*:${flow.concernId ?? 0}`];
    case "referral_input": {
      const id = flow.referralId ?? 0;
      if (flow.step === "return_department") return ["fx", `rf:rr:${id}`, `rf:rd:${id}`];
      if (flow.step?.startsWith("answer_")) return ["fx", `rf:ac:${id}`];
      return ["fx"];
    }
    default:
      return ["fx"];
  }
}

/** Whether the callback data `data` is one of the buttons of prompt `flow` (promptOwnButtonPrefixes). */
export function isOwnButton(flow: PromptShape, data: string): boolean {
  const parts = data.split(":");
  return promptOwnButtonPrefixes(flow).some((pattern) =>
    pattern.split(":").every((segment, i) => i < parts.length && (segment === "*" || segment === parts[i])),
  );
}

/**
 * The suffix of the locale key "prompt-what-<suffix>" naming what the prompt `flow` waited for,
 * in the "prompt ended" note: the kind with "-" for "_", and for a referral's typed steps the
 * action they belong to (referral-return, referral-extension, referral-answer, referral-rework,
 * referral-withdraw, referral-unsatisfied, referral-note).
 */
export function promptWhat(flow: PromptShape): string {
  if (flow.kind === "referral_input") {
    const step = flow.step ?? "";
    if (step === "return_department") return "referral-return";
    if (step.startsWith("extension_")) return "referral-extension";
    if (step.startsWith("answer_")) return "referral-answer";
    if (step === "review_reason") return "referral-rework";
    if (step === "withdraw_reason") return "referral-withdraw";
    if (step === "rate_reason") return "referral-unsatisfied";
    return "referral-note";
  }
  return flow.kind.replaceAll("_", "-");
}

/** Why a prompt ended without its answer. */
export type PromptEndReason = "command" | "button" | "timeout";

/** What arrived while a prompt was open, as far as ending it goes. */
export type PromptInput =
  | { kind: "command" }
  | { kind: "button"; data: string }
  | { kind: "message" }
  | { kind: "other" };

/**
 * Whether `input` ends the open prompt `flow`, and why: a command ends it; a button ends it unless
 * it is one of the prompt's own (isOwnButton); anything else, own buttons included, ends it
 * once `timeoutMs` (milliseconds) have passed since `startedAt`. A prompt with no start time
 * (opened before prompts were timed) counts as started long ago. Undefined: the prompt stays.
 */
export function promptEnd(
  flow: PromptShape,
  input: PromptInput,
  startedAt: Date | undefined,
  now: Date,
  timeoutMs: number,
): PromptEndReason | undefined {
  if (input.kind === "command") return "command";
  if (input.kind === "button" && !isOwnButton(flow, input.data)) return "button";
  if (!startedAt || now.getTime() - startedAt.getTime() > timeoutMs) return "timeout";
  return undefined;
}

/** How long the note "your prompt ended" is kept for a text that comes late: a day. */
export const endedPromptMemoryMs = 24 * 3_600_000;
