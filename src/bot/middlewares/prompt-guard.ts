// Ends a prompt that waits for one text (src/domain/prompts.ts) when the person moves on: any
// command, any button that is not the prompt's own, or PROMPT_TIMEOUT_MINUTES without an
// answer. A text that arrives after its prompt ended is not taken as the answer: the person is
// told, in one line, that it was neither sent nor saved. Runs before every feature, so that no
// feature can take a stale prompt's text.
import type { MiddlewareFn } from "grammy";
import {
  endedPromptMemoryMs,
  isPromptKind,
  type PromptEndReason,
  type PromptInput,
  promptEnd,
} from "../../domain/prompts.js";
import type { BotContext, EndedPrompt } from "../context.js";

function inputOf(ctx: BotContext): PromptInput {
  const message = ctx.message;
  if (message) {
    const text = message.text ?? "";
    const command = message.entities?.some((e) => e.type === "bot_command" && e.offset === 0);
    return command || text.startsWith("/") ? { kind: "command" } : { kind: "message" };
  }
  if (ctx.callbackQuery) return { kind: "button", data: ctx.callbackQuery.data ?? "" };
  return { kind: "other" };
}

/** The case an ended prompt was about, if any, for the note. */
function concernOf(flow: NonNullable<BotContext["session"]["flow"]>): number | undefined {
  return "concernId" in flow ? flow.concernId : undefined;
}

async function tellEnded(ctx: BotContext, ended: EndedPrompt): Promise<void> {
  const concern =
    ended.concernId === undefined
      ? null
      : await ctx.deps.db.prisma.concern.findUnique({
          where: { id: ended.concernId },
          select: { caseNo: true },
        });
  const what = ctx.t(`prompt-what-${ended.kind.replace("_", "-")}`, { caseNo: concern?.caseNo ?? "—" });
  const reason = ctx.t(`prompt-reason-${ended.reason}`, {
    minutes: ctx.deps.config.PROMPT_TIMEOUT_MINUTES,
  });
  await ctx.reply(ctx.t("prompt-ended", { what, reason }));
}

export const promptGuard: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.chat?.type !== "private") return next();
  const session = ctx.session;
  const now = ctx.deps.now();
  const input = inputOf(ctx);
  const flow = session.flow;
  if (flow && isPromptKind(flow.kind)) {
    const startedAt = session.promptStartedAt ? new Date(session.promptStartedAt) : undefined;
    const timeoutMs = ctx.deps.config.PROMPT_TIMEOUT_MINUTES * 60_000;
    const reason: PromptEndReason | undefined = promptEnd(input, startedAt, now, timeoutMs);
    if (reason) {
      const ended: EndedPrompt = { kind: flow.kind, reason, at: now.toISOString() };
      const concernId = concernOf(flow);
      if (concernId !== undefined) ended.concernId = concernId;
      session.flow = undefined;
      session.promptStartedAt = undefined;
      session.endedPrompt = ended;
      ctx.logger.info({ prompt: flow.kind, reason }, "prompt ended without its answer");
      if (input.kind === "message") {
        // This very text came too late.
        session.endedPrompt = undefined;
        await tellEnded(ctx, ended);
        return;
      }
    }
  } else if (!flow && session.endedPrompt && input.kind === "message") {
    const ended = session.endedPrompt;
    session.endedPrompt = undefined;
    if (now.getTime() - new Date(ended.at).getTime() <= endedPromptMemoryMs) {
      await tellEnded(ctx, ended);
      return;
    }
  }
  const before = JSON.stringify(session.flow ?? null);
  await next();
  const after = session.flow;
  if (after && isPromptKind(after.kind)) {
    // A new prompt, or a prompt changed (a new text to confirm): its time starts now.
    if (JSON.stringify(after) !== before) session.promptStartedAt = now.toISOString();
    session.endedPrompt = undefined;
  } else {
    session.promptStartedAt = undefined;
    if (after) session.endedPrompt = undefined;
  }
};
