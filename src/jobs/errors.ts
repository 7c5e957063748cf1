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
