// Injected failures: tests make chosen calls fail as Telegram or the network sometimes do.
import { fail } from "./replies.js";
import type { FailureRule, Json, Reply } from "./types.js";

export class FailureInjector {
  private rules: { rule: FailureRule; used: number }[] = [];

  add(rule: FailureRule): void {
    this.rules.push({ rule, used: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that matches this call and has uses left; counts the use. */
  match(method: string, payload: Json): FailureRule | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.used >= (rule.times ?? Number.POSITIVE_INFINITY)) continue;
      if (typeof rule.method === "string" && rule.method !== method) continue;
      if (rule.method instanceof RegExp && !rule.method.test(method)) continue;
      if (rule.chatId !== undefined && String(rule.chatId) !== String(payload.chat_id)) continue;
      entry.used++;
      return rule;
    }
    return undefined;
  }
}

/** The answer a rule gives; "timeout" and "network" never answer, so theirs is not sent. */
export function failureReply(rule: FailureRule): Reply {
  switch (rule.kind) {
    case "429": {
      const retryAfter = rule.retryAfter ?? 1;
      return fail(429, rule.description ?? `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    case "403":
      return fail(403, rule.description ?? "Forbidden: bot was blocked by the user");
    case "400":
      return fail(400, rule.description ?? "Bad Request: chat not found");
    case "5xx":
      return fail(502, rule.description ?? "Bad Gateway");
    default:
      return fail(500, rule.kind);
  }
}
