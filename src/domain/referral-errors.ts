// Why a referral action is refused. Each error carries its data and a `code` that names the
// localized message (e.g. "referral-error-<code>"), so that bad input gets a clear answer and
// changes nothing.

/** The base of every refusal below. */
export abstract class ReferralError extends Error {
  abstract readonly code: string;
}

/** The action is not allowed in the referral's status (e.g. a second answer to a closed referral). */
export class InvalidReferralTransitionError extends ReferralError {
  override name = "InvalidReferralTransitionError";
  readonly code = "invalid_transition";
  constructor(
    readonly referralId: number,
    readonly action: string,
    readonly status: string,
  ) {
    super(`cannot ${action} referral ${referralId}, which is ${status}`);
  }
}

/** The actor is not a party who may take that action on this referral (or case). */
export class ReferralForbiddenError extends ReferralError {
  override name = "ReferralForbiddenError";
  readonly code = "forbidden";
  constructor(
    /** Null when refused before a referral exists (referring a case). */
    readonly referralId: number | null,
    readonly action: string,
    readonly actorKind: string,
    readonly userId: number | null,
  ) {
    super(
      `${actorKind}${userId === null ? "" : ` ${userId}`} may not ${action} referral ${referralId ?? "(new)"}`,
    );
  }
}

/** A value that is not one of the fixed choices (a return reason, an answer class, a rating). */
export class UnknownChoiceError extends ReferralError {
  override name = "UnknownChoiceError";
  readonly code = "unknown_choice";
  constructor(
    readonly field: "returnReason" | "answerClass" | "rating",
    readonly value: string,
  ) {
    super(`"${value}" is not a valid ${field}`);
  }
}

/** A text the action needs is empty (a return or rework without a reason, an answer without text). */
export class MissingTextError extends ReferralError {
  override name = "MissingTextError";
  readonly code = "missing_text";
  constructor(
    readonly action: string,
    readonly field: "reason" | "text" | "contactPerson",
  ) {
    super(`${action} needs a ${field}`);
  }
}

/** A text longer than its limit, in characters (code points). */
export class TextTooLongError extends ReferralError {
  override name = "TextTooLongError";
  readonly code = "text_too_long";
  constructor(
    readonly field: string,
    readonly length: number,
    readonly max: number,
  ) {
    super(`${field} is ${length} characters, more than ${max}`);
  }
}

/** 退回 as not our remit or wrong area must name the department it should go to. */
export class SuggestedDepartmentRequiredError extends ReferralError {
  override name = "SuggestedDepartmentRequiredError";
  readonly code = "suggested_department_required";
  constructor(readonly reason: string) {
    super(`a return because of ${reason} must name the department it should go to`);
  }
}

/** The department named is the referral's own (a return or re-route to itself). */
export class SameDepartmentError extends ReferralError {
  override name = "SameDepartmentError";
  readonly code = "same_department";
  constructor(readonly departmentId: number) {
    super(`department ${departmentId} is the referral's own department`);
  }
}

/** Answer classes B and C need a promised date; A and D take none. */
export class PromisedDateError extends ReferralError {
  override name = "PromisedDateError";
  readonly code: "promised_date_required" | "promised_date_not_allowed";
  constructor(readonly answerClass: string) {
    const required = answerClass === "B" || answerClass === "C";
    super(
      required
        ? `answer class ${answerClass} needs a promised date`
        : `answer class ${answerClass} takes no promised date`,
    );
    this.code = required ? "promised_date_required" : "promised_date_not_allowed";
  }
}

/** A date that is not after today in the zone (a deadline, a promised date, an extension). */
export class DateNotInFutureError extends ReferralError {
  override name = "DateNotInFutureError";
  readonly code = "date_not_in_future";
  constructor(
    readonly field: "deadline" | "promisedDate" | "extensionDate",
    readonly date: string,
    readonly today: string,
  ) {
    super(`${field} ${date} is not after today (${today})`);
  }
}

/** A string that is not a calendar date "YYYY-MM-DD". */
export class InvalidDateError extends ReferralError {
  override name = "InvalidDateError";
  readonly code = "invalid_date";
  constructor(
    readonly field: "deadline" | "promisedDate" | "extensionDate",
    readonly value: string,
  ) {
    super(`${field} "${value}" is not a calendar date`);
  }
}

/** An extension must move the deadline later. */
export class ExtensionNotLaterError extends ReferralError {
  override name = "ExtensionNotLaterError";
  readonly code = "extension_not_later";
  constructor(
    readonly requested: Date,
    readonly current: Date,
  ) {
    super(`the extension to ${requested.toISOString()} is not later than ${current.toISOString()}`);
  }
}

/** An extension is already waiting for staff (request), or none is (decision). */
export class ExtensionStateError extends ReferralError {
  override name = "ExtensionStateError";
  readonly code: "extension_pending" | "no_pending_extension";
  constructor(
    readonly referralId: number,
    pending: boolean,
  ) {
    super(
      pending ? `referral ${referralId} already has an extension request` : `referral ${referralId} has none`,
    );
    this.code = pending ? "extension_pending" : "no_pending_extension";
  }
}

/** The case already has an open referral to that department. */
export class DuplicateReferralError extends ReferralError {
  override name = "DuplicateReferralError";
  readonly code = "duplicate";
  constructor(
    readonly concernId: number,
    readonly departmentId: number,
  ) {
    super(`case ${concernId} is already referred to department ${departmentId}`);
  }
}

/** Only an open case can be referred. */
export class CaseNotOpenError extends ReferralError {
  override name = "CaseNotOpenError";
  readonly code = "case_not_open";
  constructor(
    readonly concernId: number,
    readonly status: string,
  ) {
    super(`case ${concernId} is ${status}, not open`);
  }
}

/** Asking a department again before its promised date (or for an answer that promised nothing). */
export class PromiseNotDueError extends ReferralError {
  override name = "PromiseNotDueError";
  readonly code = "promise_not_due";
  constructor(
    readonly referralId: number,
    readonly promisedAt: Date | null,
  ) {
    super(`referral ${referralId} has no promised date that has passed`);
  }
}

/** A department chosen that does not exist (a forged button, or one deleted meanwhile). */
export class UnknownDepartmentError extends ReferralError {
  override name = "UnknownDepartmentError";
  readonly code = "unknown_department";
  constructor(readonly departmentId: number) {
    super(`department ${departmentId} does not exist`);
  }
}

/** The referral does not exist (a forged or stale button). */
export class ReferralNotFoundError extends ReferralError {
  override name = "ReferralNotFoundError";
  readonly code = "not_found";
  constructor(readonly referralId: number) {
    super(`referral ${referralId} does not exist`);
  }
}

/** Someone else acted on the referral between our read and our write. */
export class ConcurrentReferralChangeError extends ReferralError {
  override name = "ConcurrentReferralChangeError";
  readonly code = "changed_meanwhile";
  constructor(readonly referralId: number) {
    super(`referral ${referralId} changed meanwhile`);
  }
}

/** Referring needs at least one department. */
export class NoDepartmentChosenError extends ReferralError {
  override name = "NoDepartmentChosenError";
  readonly code = "no_department";
  constructor() {
    super("no department chosen");
  }
}

/**
 * Whether a refusal is about what the user typed (a missing or too long text, a date that is
 * not a date, not in the future or not after the current deadline) — a prompt asks for it
 * again — rather than about who acts or the referral's state, which ends the prompt.
 */
export function isTypedInputRefusal(error: unknown): boolean {
  return (
    error instanceof MissingTextError ||
    error instanceof TextTooLongError ||
    error instanceof InvalidDateError ||
    error instanceof DateNotInFutureError ||
    error instanceof ExtensionNotLaterError
  );
}
