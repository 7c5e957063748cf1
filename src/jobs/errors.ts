// How a task tells the worker what to do with a failed job.

/** Never retry: the job cannot succeed (the recipient blocked the bot, the chat is gone). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** Retry at a given time without counting an attempt (Telegram asked us to slow down). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RetryLaterError";
  }
}

/**
 * The send may or may not have reached Telegram (the request timed out). The job is retried
 * after a backoff, and its send marker is kept, so that the next attempt knows an earlier one
 * may have delivered it (see src/jobs/delivery.ts for what it then does).
 */
export class DeliveryUncertainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeliveryUncertainError";
  }
}

/** This worker no longer holds the job (its lease expired and another worker took it): drop it. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: number) {
    super(`lease of job ${jobId} lost`);
    this.name = "LeaseLostError";
  }
}
