// Answering a button and editing a message in place are courtesies; the action behind them
// is what counts. Telegram refuses an answer to a query that is too old (after downtime, a
// slow step, or an update handled again after a crash, whose first answer already went out),
// and refuses edits of messages that are unchanged, gone or too old to edit. None of that may
// stop the action: for every update, its Api answers such refusals as if they had succeeded,
// and what the person had to learn still reaches them — a toast's text, and the text an edit
// would have shown, as a new message in the chat.
import type { MiddlewareFn, Transformer } from "grammy";
import type { BotContext } from "../context.js";

/** The edits whose failure is never worth stopping for. */
const editMethods = /^editMessage(?:Text|Caption|ReplyMarkup|Media)$/;

/** "message is not modified": the message already shows what the edit would show. */
const unchanged = /message is not modified/i;

type Payload = Record<string, unknown>;
type Result = Awaited<ReturnType<Parameters<Transformer>[0]>>;

const succeeded = (result: unknown): Result => ({ ok: true, result }) as Result;

/** The failure of a call, whether Telegram answered it (ok: false) or the request threw. */
function describe(outcome: { result?: Result; error?: unknown }): string {
  if (outcome.error) return outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return outcome.result && !outcome.result.ok ? outcome.result.description : "";
}

/**
 * The transformer behind bestEffort, for one update: `chatId` is where a lost toast or a
 * failed edit is sent as a message instead; `warn` logs what was refused.
 */
export function bestEffortTransformer(
  chatId: number | undefined,
  warn: (details: Record<string, unknown>, message: string) => void,
): Transformer {
  return async (prev, method, payload, signal) => {
    const answering = method === "answerCallbackQuery";
    const editing = editMethods.test(method);
    if (!answering && !editing) return prev(method, payload, signal);
    const outcome: { result?: Result; error?: unknown } = {};
    try {
      outcome.result = await prev(method, payload, signal);
      if (outcome.result.ok) return outcome.result;
      // A 429 is the pacer's business (src/jobs/pacer.ts): the caller learns of it.
      if (outcome.result.error_code === 429) return outcome.result;
    } catch (error) {
      outcome.error = error;
    }
    const reason = describe(outcome);
    const p = payload as Payload;
    if (editing && unchanged.test(reason)) return succeeded(true);
    warn({ method, reason }, "Telegram refused a courtesy; the action goes on");
    const target = (p.chat_id as number | string | undefined) ?? chatId;
    // What the toast or the edit was to say, as a message of its own.
    const fallback: Payload | undefined =
      answering && typeof p.text === "string" && p.text !== ""
        ? { chat_id: target, text: p.text }
        : method === "editMessageText" && typeof p.text === "string"
          ? {
              chat_id: target,
              text: p.text,
              ...(p.parse_mode ? { parse_mode: p.parse_mode } : {}),
              ...(p.entities ? { entities: p.entities } : {}),
              ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
              ...(p.link_preview_options ? { link_preview_options: p.link_preview_options } : {}),
            }
          : undefined;
    if (!fallback || target === undefined) return succeeded(true);
    try {
      const sent = await prev("sendMessage", fallback as never, signal);
      if (sent.ok) return editing ? sent : succeeded(true);
      warn({ method, reason: sent.description }, "could not send in place of the refused call either");
    } catch (error) {
      warn({ method, err: error }, "could not send in place of the refused call either");
    }
    return succeeded(true);
  };
}

/**
 * Middleware: makes answerCallbackQuery and message edits best-effort for this update (see
 * the head of this file). Installed before every feature.
 */
export const bestEffort: MiddlewareFn<BotContext> = (ctx, next) => {
  ctx.api.config.use(
    bestEffortTransformer(ctx.chat?.id ?? ctx.from?.id, (details, message) =>
      ctx.logger.warn(details, message),
    ),
  );
  return next();
};
