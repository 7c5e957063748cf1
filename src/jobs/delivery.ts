// The delivery engine: the one road every queued message takes to Telegram — case
// notifications, reminders and digests, activity notices and broadcasts alike. For each
// message it loads the recipient, has the kind's renderer (src/bot/renderers/) say what to
// send in the recipient's language, honours quiet hours and the bot-wide 429 pause shared
// through the database, waits for the pacer, checks just before sending that this worker
// still holds the job (the lease), sends the parts, and turns every failure into what the
// queue should do next. Each kind may have an outcome hook, told what became of the message
// (sent with its message ids, dropped, unconfirmed, failed).
//
// A send that times out (or a worker that dies mid-send) leaves the outcome unknown, and the
// Bot API has no idempotency key to ask "did you get it?". Just before each send the job is
// marked (Job.sendStartedAt); an attempt that finds the mark knows an earlier one may have
// delivered the message, and does what the kind's policy asks (src/domain/messages.ts):
// "assume-delivered" finishes the job with a note, "resend-with-note" sends it again headed
// "you may have received this already".
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { findDeliveryPause, recordDeliveryPause } from "../db/queries/delivery-pause.js";
import { loadEntryAudience } from "../db/queries/entry-audience.js";
import { markUserInactive, type User } from "../db/queries/users.js";
import { mayDeliverEntry } from "../domain/event-kinds.js";
import {
  deliveryPolicy,
  isCaseEventMessage,
  type MessageKind,
  type MessageOf,
  type OutgoingMessage,
} from "../domain/messages.js";
import { isHeldBack } from "../domain/roles.js";
import { DeliveryUncertainError, LeaseLostError, PermanentJobError, RetryLaterError } from "./errors.js";
import type { Pacer } from "./pacer.js";
import type { JobRow } from "./queue.js";
import { isQuietTime, parseQuietHours, quietHoursEnd } from "./quiet-hours.js";
import type { JobContext, JobResult } from "./worker.js";

/** What a failed send means for the queue; the Telegram-specific reading is src/bot/telegram-errors.ts. */
export type SendFailure =
  /** Blocked, deactivated, chat not found: the recipient is marked inactive, never retried. */
  | { kind: "recipient-gone"; reason: string }
  /** 429: every sender pauses for `retryAfterMs`; the message is retried without counting an attempt. */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** Telegram refused this message (4xx): sending it again would not help. */
  | { kind: "bad-request"; reason: string }
  /** 5xx, a refused or reset connection: not delivered, retried with backoff. */
  | { kind: "transient"; reason: string }
  /** The request may have reached Telegram (a timeout): retrying could send it twice. */
  | { kind: "uncertain"; reason: string };

/** Telegram's formatting: HTML parse mode, or the entities a person's own message came with. */
export type PartFormat = { html: true } | { entities: MessageEntity[] };

/** The kinds of file a part may send by file_id. */
export type FilePartType = "photo" | "document" | "voice" | "video" | "audio";

/** The kinds of file an album (sendMediaGroup) may hold: photos and videos together, or documents, or audio. */
export type AlbumItemType = "photo" | "video" | "document" | "audio";

/** A file the bot made itself (a chart, a CSV), uploaded rather than sent by file_id: its bytes in base64. */
export interface UploadedFile {
  data: string;
  filename: string;
}

/**
 * One Telegram message of a rendered message: a text; a file sent by its file_id (or
 * uploaded) with a caption; a location; or an album of 2–10 files sent as one media group,
 * the caption on its first item (Telegram allows no buttons on an album).
 */
export type MessagePart =
  | { type: "text"; text: string; format: PartFormat; keyboard?: InlineKeyboardMarkup }
  | {
      type: FilePartType;
      fileId: string;
      /** Set instead of a usable fileId: the bytes to upload. */
      upload?: UploadedFile;
      caption?: string;
      format: PartFormat;
      keyboard?: InlineKeyboardMarkup;
    }
  | { type: "location"; latitude: number; longitude: number; keyboard?: InlineKeyboardMarkup }
  | {
      type: "album";
      items: { type: AlbumItemType; fileId: string; upload?: UploadedFile }[];
      caption?: string;
      format: PartFormat;
      /** Telegram takes no buttons on an album: put them on a text after it. */
      keyboard?: undefined;
    };

/** What a renderer says to send: the parts in order (a long text or an album is several). */
export interface RenderedMessage {
  parts: MessagePart[];
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** What a renderer is given besides the message: who it is for, in which language, and when. */
export interface RenderScene {
  recipient: User;
  t: Translate;
  locale: string;
  now: Date;
}

/**
 * Turns a message into what to send, at send time; undefined when there is nothing to say
 * any more (the case was accepted meanwhile, the activity cancelled). May throw
 * PermanentJobError when what the message is about no longer exists.
 */
export type Renderer<K extends MessageKind> = (
  message: MessageOf<K>,
  scene: RenderScene,
) => RenderedMessage | undefined | Promise<RenderedMessage | undefined>;
export type Renderers = { [K in MessageKind]: Renderer<K> };

/** What became of a message, told to its kind's outcome hook. */
export type DeliveryOutcome =
  /** Delivered: Telegram's message id of every part, in order. */
  | { status: "sent"; messageIds: number[] }
  /** Not sent, on purpose: nothing to say any more, or the recipient is inactive. */
  | { status: "dropped"; reason: string }
  /** An earlier attempt timed out and may have delivered it; the policy says not to resend. */
  | { status: "unconfirmed"; since: Date }
  /** Telegram refused or failed; `final` when the queue will not try again. */
  | { status: "failed"; failure: SendFailure; final: boolean };

export type OutcomeHook<K extends MessageKind> = (
  message: MessageOf<K>,
  outcome: DeliveryOutcome,
  scene: { recipient: User | null; job: JobRow; now: Date },
) => Promise<void>;
export type OutcomeHooks = { [K in MessageKind]?: OutcomeHook<K> };

/** How the engine reaches Telegram (src/bot/send-parts.ts). */
export interface Transport {
  /** Sends one part; resolves to Telegram's message_id (an album's, each); throws what Telegram answered. */
  send(chatId: number, part: MessagePart, options: { silent: boolean }): Promise<number | number[]>;
  classify(error: unknown): SendFailure;
  /**
   * Makes a part fit Telegram's limits: a text or caption too long for one message becomes
   * several parts (src/bot/split-text.ts), the buttons on the last. Identity when absent.
   */
  fit?(part: MessagePart): MessagePart[];
}

export interface DeliveryEngineDeps {
  db: Database;
  pacer: Pacer;
  transport: Transport;
  renderers: Renderers;
  hooks?: OutcomeHooks;
  /** Told of every message's outcome after its kind's hook (e.g. to remember which message ids were about which case). */
  onOutcome?: OutcomeHook<MessageKind>;
  /** Told of every pause a 429 asked for, once it is stored (e.g. to report a long one). */
  onPause?(pause: { from: Date; until: Date }): Promise<void>;
  /** A translator for a locale (the bot's i18n). */
  translator(locale: string): Translate;
  config: Pick<
    Config,
    "DEFAULT_LOCALE" | "QUIET_HOURS" | "QUIET_HOURS_MODE" | "TIME_ZONE" | "SEND_TIMEOUT_SECONDS"
  >;
}

/** What a delivery did: the job's note, and what became of the message (undefined: retried later). */
export interface DeliveryReport extends Partial<JobResult> {
  outcome: DeliveryOutcome;
}

export interface DeliveryEngine {
  /**
   * Delivers one message for a running job. Resolves with what became of it; throws the
   * queue's errors (src/jobs/errors.ts) for what the worker must do next: PermanentJobError,
   * RetryLaterError (429, quiet hours deferred), DeliveryUncertainError, LeaseLostError, or
   * the send's own error when it is worth retrying.
   */
  deliver(message: OutgoingMessage, job: JobRow, context: JobContext): Promise<DeliveryReport>;
}

// Longer than this, a pause is waited out in the queue (runAt), not by a worker holding the job.
const LONG_WAIT_MS = 10_000;

// How often a process looks up the pause another instance may have recorded after a 429.
const PAUSE_LOOKUP_MS = 1000;

/** The resend note goes in front of the first text (or caption), or as a text of its own before files. */
function withResentNote(parts: MessagePart[], note: string): MessagePart[] {
  const [first, ...rest] = parts;
  if (first?.type === "text" && "html" in first.format)
    return [{ ...first, text: `${note}\n\n${first.text}` }, ...rest];
  return [{ type: "text", text: note, format: { html: true } }, ...parts];
}

export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const { db, pacer, transport, config } = deps;
  const quietHours = parseQuietHours(config.QUIET_HOURS, config.TIME_ZONE);
  let pauseLookedUpAt = Number.NEGATIVE_INFINITY;
  // The end of the latest pause already applied to the pacer (each pause also halves its rate).
  let pausedUntil = 0;

  function pauseUntil(until: Date, now: Date): void {
    if (until.getTime() <= pausedUntil) return;
    pausedUntil = until.getTime();
    pacer.pause(until.getTime() - now.getTime());
  }

  async function followSharedPause(now: Date): Promise<void> {
    if (performance.now() - pauseLookedUpAt < PAUSE_LOOKUP_MS) return;
    pauseLookedUpAt = performance.now();
    const until = await findDeliveryPause(db.prisma, now);
    if (until) pauseUntil(until, now);
  }

  type Scene = Parameters<OutcomeHook<MessageKind>>[2];

  async function tell(
    message: OutgoingMessage,
    outcome: DeliveryOutcome,
    scene: Scene,
  ): Promise<DeliveryOutcome> {
    const hook = deps.hooks?.[message.kind] as OutcomeHook<MessageKind> | undefined;
    await hook?.(message, outcome, scene);
    await deps.onOutcome?.(message, outcome, scene);
    return outcome;
  }

  /** Records what a failure means and throws the error that tells the worker what to do next. */
  async function fail(
    error: unknown,
    message: OutgoingMessage,
    scene: Scene & { recipient: User },
  ): Promise<never> {
    const { recipient, job, now } = scene;
    const failure = transport.classify(error);
    if (failure.kind === "recipient-gone")
      await markUserInactive(db.prisma, recipient.id, failure.reason, now);
    if (failure.kind === "rate-limited") {
      // The pause applies to the bot, not to this process: stored, so every instance honours it.
      const until = new Date(now.getTime() + failure.retryAfterMs);
      pauseUntil(until, now);
      await recordDeliveryPause(db.prisma, until, now);
      await deps.onPause?.({ from: now, until });
    }
    // A 429 is retried without counting an attempt; anything else ends with the last attempt.
    const final =
      failure.kind === "recipient-gone" ||
      failure.kind === "bad-request" ||
      (failure.kind !== "rate-limited" && job.attempts >= job.maxAttempts);
    await tell(message, { status: "failed", failure, final }, scene);
    switch (failure.kind) {
      case "recipient-gone":
      case "bad-request":
        throw new PermanentJobError(failure.reason);
      case "rate-limited":
        throw new RetryLaterError("rate limited (429)", failure.retryAfterMs);
      case "uncertain":
        throw new DeliveryUncertainError(
          `no answer within ${config.SEND_TIMEOUT_SECONDS} s: ${failure.reason}`,
        );
      case "transient":
        throw error;
    }
  }

  /** Sends the parts in order, each on its pacer permit and after the lease check; their message ids. */
  async function send(
    parts: MessagePart[],
    message: OutgoingMessage,
    scene: Scene & { recipient: User },
    context: JobContext,
    silent: boolean,
  ): Promise<number[]> {
    const chatId = Number(scene.recipient.telegramId);
    const messageIds: number[] = [];
    for (const part of parts) {
      // The job's priority: a case message waiting here goes before a broadcast's backlog.
      const permit = await pacer.acquire(chatId, {
        lane: "bulk",
        signal: context.signal,
        priority: scene.job.priority,
      });
      let outcome: "ok" | "failed" = "failed";
      try {
        if (!(await context.markSending())) throw new LeaseLostError(scene.job.id);
        messageIds.push(...[await transport.send(chatId, part, { silent })].flat());
        outcome = "ok";
      } catch (error) {
        if (error instanceof LeaseLostError) throw error;
        // A later part failing after earlier ones went out: the marker stays on the job, so
        // the retry follows the kind's policy for a message that may have been delivered.
        if (messageIds.length > 0)
          throw new DeliveryUncertainError(
            `part ${messageIds.length + 1} of ${parts.length} failed: ${String(error)}`,
          );
        await fail(error, message, { ...scene, now: context.now() });
      } finally {
        permit.done(outcome);
      }
    }
    return messageIds;
  }

  return {
    async deliver(message, job, context) {
      const now = context.now();
      const recipient = await db.prisma.user.findUnique({ where: { id: message.recipientId } });
      if (!recipient || recipient.inactiveAt) {
        const reason = recipient ? "recipient is inactive" : "recipient no longer exists";
        await tell(message, { status: "dropped", reason }, { recipient, job, now });
        throw new PermanentJobError(reason);
      }
      const scene = { recipient, job, now };
      // An internal note (or any entry that is handlers' business) never reaches a citizen,
      // whichever kind of message carries it: refused here, where every message is sent.
      if (isCaseEventMessage(message)) {
        const audience = await loadEntryAudience(db.prisma, message, recipient.role);
        const role = {
          role: recipient.role,
          citizenOfCase: audience.citizenOfCase,
          entryOnOwnReferral: audience.entryOnOwnReferral,
        };
        if (audience.entry && !mayDeliverEntry(audience.entry, role)) {
          const reason =
            recipient.role === "department" && !audience.citizenOfCase
              ? "an internal note reaches a department only on its own referral"
              : "an internal entry is never sent to a citizen";
          await tell(message, { status: "dropped", reason }, scene);
          throw new PermanentJobError(reason);
        }
        // Suspended, or notice not accepted, since the message was queued: not told (issue 7).
        if (!audience.citizenOfCase && isHeldBack(recipient)) {
          const reason = "the recipient is suspended or has not accepted the staff notice";
          return { outcome: await tell(message, { status: "dropped", reason }, scene), note: reason };
        }
      }
      const policy = deliveryPolicy(message.kind);
      const locale = recipient.locale ?? config.DEFAULT_LOCALE;
      const t = deps.translator(locale);
      const render = deps.renderers[message.kind] as Renderer<MessageKind>;
      const rendered = await render(message, { recipient, t, locale, now });
      if (!rendered || rendered.parts.length === 0) {
        const reason = "nothing to send any more";
        return { outcome: await tell(message, { status: "dropped", reason }, scene), note: reason };
      }
      let parts = rendered.parts;
      if (job.sendStartedAt) {
        const since = job.sendStartedAt;
        if (policy.ifUncertain === "assume-delivered") {
          const outcome = await tell(message, { status: "unconfirmed", since }, scene);
          return { outcome, note: `not resent: the attempt of ${since.toISOString()} may have delivered it` };
        }
        parts = withResentNote(parts, t("delivery-resent-note"));
      }
      if (transport.fit) parts = parts.flatMap((part) => transport.fit!(part));
      const quiet = !policy.urgent && isQuietTime(quietHours, now);
      if (quiet && quietHours && config.QUIET_HOURS_MODE === "defer") {
        const end = quietHoursEnd(quietHours, now);
        throw new RetryLaterError(`quiet hours until ${end.toISOString()}`, end.getTime() - now.getTime());
      }
      await followSharedPause(now);
      // A long pause is not waited out holding a worker: the job comes back when it is over.
      const paused = pacer.pausedForMs();
      if (paused > LONG_WAIT_MS)
        throw new RetryLaterError(`sending paused (429) for ${Math.ceil(paused / 1000)} s`, paused);
      const messageIds = await send(parts, message, scene, context, quiet);
      return {
        outcome: await tell(message, { status: "sent", messageIds }, { ...scene, now: context.now() }),
      };
    },
  };
}
