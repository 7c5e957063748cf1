// What a user is in the middle of in the referral loop (kept in the session, one flow at a time).

/** Referring a case: departments chosen, then the deadline, then an optional note. */
export interface ReferDraftFlow {
  kind: "refer";
  concernId: number;
  departmentIds: number[];
  step: "departments" | "deadline" | "deadline_date" | "note" | "confirm";
  /** A deadline chosen instead of the default, "YYYY-MM-DD". */
  deadlineDate: string | null;
  note: string | null;
}

/**
 * Typing what a referral action needs: an extension's reason and date, an answer, a rework
 * reason, a withdrawal's reason, why the deputy is not satisfied with an answer, an internal note.
 */
export interface ReferralInputFlow {
  kind: "referral_input";
  referralId: number;
  step:
    | "return_department"
    | "extension_reason"
    | "extension_date"
    | "answer_text"
    | "answer_contact"
    | "answer_date"
    | "review_reason"
    | "withdraw_reason"
    | "rate_reason"
    | "note";
  reason?: string;
  answerClass?: string;
  text?: string;
  contactPerson?: string;
}

export type ReferralFlow = ReferDraftFlow | ReferralInputFlow;
