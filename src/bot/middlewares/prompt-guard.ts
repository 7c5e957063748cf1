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
  type PromptShape,
  promptEnd,
  promptWhat,
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

/** The open flow as a prompt (src/domain/prompts.ts PromptShape), or undefined when it is not one. */
function promptOf(flow: BotContext["session"]["flow"]): PromptShape | undefined {
  if (!flow || !isPromptKind(flow.kind)) return undefined;
  const shape: PromptShape = { kind: flow.kind };
  if ("step" in flow) shape.step = flow.step;
  if ("concernId" in flow) shape.concernId = flow.concernId;
  if ("referralId" in flow) shape.referralId = flow.referralId;
  return shape;
}

/** The case an ended prompt was about, if any, for the note: its own, or its referral's. */
async function caseNoOf(ctx: BotContext, ended: EndedPrompt): Promise<string | undefined> {
  const prisma = ctx.deps.db.prisma;
  if (ended.concernId !== undefined)
    return (await prisma.concern.findUnique({ where: { id: ended.concernId }, select: { caseNo: true } }))
      ?.caseNo;
  if (ended.referralId !== undefined)
    return (
      await prisma.referral.findUnique({
        where: { id: ended.referralId },
        select: { concern: { select: { caseNo: true } } },
      })
    )?.concern.caseNo;
  return undefined;
}

async function tellEnded(ctx: BotContext, ended: EndedPrompt): Promise<void> {
  const caseNo = (await caseNoOf(ctx, ended)) ?? "—";
  const what = ctx.t(`prompt-what-${ended.what ?? ended.kind.replaceAll("_", "-")}`, { caseNo });
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
  const flow = promptOf(session.flow);
  if (flow) {
    const startedAt = session.promptStartedAt ? new Date(session.promptStartedAt) : undefined;
    const timeoutMs = ctx.deps.config.PROMPT_TIMEOUT_MINUTES * 60_000;
    const reason: PromptEndReason | undefined = promptEnd(flow, input, startedAt, now, timeoutMs);
    if (reason) {
      const ended: EndedPrompt = { kind: flow.kind, what: promptWhat(flow), reason, at: now.toISOString() };
      if (flow.concernId !== undefined) ended.concernId = flow.concernId;
      if (flow.referralId !== undefined) ended.referralId = flow.referralId;
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
  } else if (!session.flow && session.endedPrompt && input.kind === "message") {
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
