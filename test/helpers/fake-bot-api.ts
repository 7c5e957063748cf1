// An in-process fake of the Telegram Bot API at the HTTP edge. The bot under
// test points grammY at `apiRoot` and talks real HTTP to it, so everything the
// bot does on the wire (JSON and multipart bodies, error envelopes, long
// polling, file downloads) is exercised exactly as in production.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Api } from "grammy";
import type { Update } from "grammy/types";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Date.now() when the request was received. */
  at: number;
  token: string;
  /** Set when the call was not answered successfully: a FailureRule kind, "429" for the rate limiter, "401" or "404". */
  failed?: string;
}

export type FailureRule = {
  method?: string | RegExp;
  chatId?: number | string;
  times?: number;
  kind: "429" | "403" | "400" | "5xx" | "timeout" | "network";
  retryAfter?: number;
  description?: string;
};

export interface FakeBotApiOptions {
  token?: string;
  botUsername?: string;
  /** When set, enforce Telegram's flood limits like the real server: at most `globalPerSecond` sending calls in any sliding 1 s window overall, at most `perChatPerSecond` per chat_id in any sliding 1 s window, and 20 per minute to any chat_id < 0 (groups). A call over a limit is answered 429 with parameters.retry_after (whole seconds, at least 1) and is NOT recorded in `sent`. */
  rateLimit?: { globalPerSecond?: number; perChatPerSecond?: number };
}

/** A file part of a multipart upload. */
export interface UploadedFile {
  filename: string;
  size: number;
  content: Buffer;
}

type Json = Record<string, unknown>;
type Reply = { status: number; body: Json };

const DEFAULT_TOKEN = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";
// Every real Bot API method grammY knows; anything else is answered 404 like Telegram does.
const KNOWN_METHODS = new Set(Object.getOwnPropertyNames(Api.prototype).filter((n) => n !== "constructor"));
// Methods that put something in a chat. sendChatAction only shows "typing…", so it is not one.
const SENDING_METHOD = /^(?:send(?!ChatAction$)\w+|copyMessage|forwardMessage|editMessage\w+)$/;
// Free-text multipart fields stay strings even when they look like JSON ("123", "true").
const TEXT_FIELDS = new Set(["text", "caption"]);

const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: Json): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

/** Timestamps of accepted calls within a sliding window; holds at most ~`limit` entries, so it stays cheap. */
class SlidingWindow {
  private stamps: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** Milliseconds until a call at `now` would fit; 0 when it fits now. */
  waitMs(now: number): number {
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= now - this.windowMs) this.stamps.shift();
    if (this.stamps.length < this.limit) return 0;
    return (this.stamps[0] ?? now) + this.windowMs - now;
  }
  add(now: number): void {
    this.stamps.push(now);
  }
}

interface Poller {
  limit: number;
  answer(updates: Update[]): Promise<void>;
}

interface Waiter {
  predicate: (calls: RecordedCall[]) => boolean;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: {
    id: number;
    is_bot: true;
    first_name: string;
    username: string;
    can_join_groups: boolean;
    can_read_all_group_messages: boolean;
    supports_inline_queries: boolean;
  };
  calls: RecordedCall[] = [];

  private sentCalls: RecordedCall[] = [];
  private sentByChat = new Map<string, RecordedCall[]>();
  private failures: { rule: FailureRule; used: number }[] = [];
  private messageIds = new Map<string, number>();
  private updates: Update[] = [];
  private nextUpdateId = 1000;
  private pollers = new Set<Poller>();
  private waiters = new Set<Waiter>();
  private files = new Map<string, Buffer>();
  private fileIds = new Map<string, string>();
  private uploads = 0;
  private globalWindow?: SlidingWindow;
  private chatWindows = new Map<string, SlidingWindow>();
  private groupWindows = new Map<string, SlidingWindow>();
  private closing?: Promise<void>;

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly options: FakeBotApiOptions,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    const id = Number.parseInt(this.token.split(":")[0] ?? "", 10);
    this.botInfo = {
      id: Number.isFinite(id) ? id : 123456,
      is_bot: true,
      first_name: "Liaison Test Bot",
      username: options.botUsername ?? "liaison_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    this.resetRateWindows();
  }

  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    let fake: FakeBotApi | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) void respond(res, fail(500, `Internal Server Error: ${String(error)}`));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    fake = new FakeBotApi(server, (server.address() as AddressInfo).port, options);
    return fake;
  }

  /** Successful calls that deliver something to a chat (send*, copyMessage, forwardMessage, editMessage*). */
  get sent(): RecordedCall[] {
    return this.sentCalls.slice();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentTo(chatId: number | string): RecordedCall[] {
    return (this.sentByChat.get(String(chatId)) ?? []).slice();
  }

  textsTo(chatId: number | string): string[] {
    return this.sentTo(chatId)
      .map((c) => c.payload.text ?? c.payload.caption)
      .filter((t): t is string => typeof t === "string");
  }

  failWith(rule: FailureRule): void {
    this.failures.push({ rule, used: 0 });
  }

  clearFailures(): void {
    this.failures = [];
  }

  reset(): void {
    this.calls = [];
    this.sentCalls = [];
    this.sentByChat.clear();
    this.failures = [];
    this.resetRateWindows();
  }

  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): number {
    const updateId = update.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    this.updates.push({ ...update, update_id: updateId } as Update);
    this.updates.sort((a, b) => a.update_id - b.update_id);
    // Wake waiting long polls right away, like Telegram does.
    for (const poller of this.pollers) void poller.answer(this.updates.slice(0, poller.limit));
    return updateId;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): Update[] {
    return this.updates.slice();
  }

  addFile(filePath: string, content: Buffer, fileId?: string): void {
    this.files.set(filePath, content);
    if (fileId !== undefined) this.fileIds.set(fileId, filePath);
  }

  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.calls)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(`waitFor timed out after ${timeoutMs} ms; last calls:\n${this.describeLastCalls()}`),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Answer long polls first so a polling bot sees a clean [] instead of a reset.
      await Promise.all([...this.pollers].map((p) => p.answer([])));
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error("FakeBotApi closed before waitFor was satisfied"));
      }
      this.waiters.clear();
      // closeAllConnections also drops the sockets held open by "timeout" failures.
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    })();
    return this.closing;
  }

  // --- request handling -----------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? "/", this.apiRoot);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && req.method === "GET")
      return this.serveFile(res, download[1] ?? "", decodeURIComponent(download[2] ?? ""));

    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!route) return respond(res, fail(404, "Not Found"));
    const token = route[1] ?? "";
    const method = route[2] ?? "";
    const payload = await parsePayload(req, url);

    let failure: string | undefined;
    let reply: Reply | undefined;
    if (token !== this.token) [failure, reply] = ["401", fail(401, "Unauthorized")];
    else if (!KNOWN_METHODS.has(method)) [failure, reply] = ["404", fail(404, "Not Found: method not found")];

    const sending = SENDING_METHOD.test(method);
    const rule = failure === undefined ? this.matchFailure(method, payload) : undefined;
    if (rule) {
      failure = rule.kind;
      reply = failureReply(rule);
      // A lost answer still means a delivered message, which Telegram counts.
      if (rule.kind === "timeout" && sending) for (const w of this.rateWindows(payload.chat_id)) w.add(at);
    } else if (failure === undefined && sending) {
      const retryAfter = this.rateLimitRetryAfter(payload.chat_id, at);
      if (retryAfter > 0) {
        failure = "429";
        reply = fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
    }

    const call: RecordedCall = { method, payload, at, token, ...(failure ? { failed: failure } : {}) };
    // A "timeout" reached Telegram; only its answer is lost.
    const delivered = failure === undefined || failure === "timeout";
    if (delivered && sending) this.recordSent(call);
    this.calls.push(call);
    this.notifyWaiters();

    if (failure === "network") {
      req.socket.destroy();
      return;
    }
    if (failure === "timeout") {
      this.answer(method, payload); // still assigns message ids, as the message exists
      return; // never answer; close() drops the socket
    }
    if (reply) return respond(res, reply);
    if (method === "getUpdates") return this.getUpdates(payload, res);
    return respond(res, this.answer(method, payload));
  }

  private matchFailure(method: string, payload: Json): FailureRule | undefined {
    for (const entry of this.failures) {
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

  /** The flood-limit windows a sending call to `chatId` counts against (none without `rateLimit`). */
  private rateWindows(chatId: unknown): SlidingWindow[] {
    const limits = this.options.rateLimit;
    if (!limits) return [];
    const windows: SlidingWindow[] = [];
    if (this.globalWindow) windows.push(this.globalWindow);
    if (chatId === undefined) return windows;
    const key = String(chatId);
    const perChat = limits.perChatPerSecond;
    if (perChat !== undefined)
      windows.push(getOrCreate(this.chatWindows, key, () => new SlidingWindow(perChat, 1000)));
    if (Number(chatId) < 0)
      windows.push(getOrCreate(this.groupWindows, key, () => new SlidingWindow(20, 60_000)));
    return windows;
  }

  /** Returns retry_after seconds when a sending call at `now` is over a limit; otherwise counts it and returns 0. */
  private rateLimitRetryAfter(chatId: unknown, now: number): number {
    const windows = this.rateWindows(chatId);
    let waitMs = 0;
    for (const w of windows) waitMs = Math.max(waitMs, w.waitMs(now));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const w of windows) w.add(now);
    return 0;
  }

  private resetRateWindows(): void {
    const perSecond = this.options.rateLimit?.globalPerSecond;
    this.globalWindow = perSecond === undefined ? undefined : new SlidingWindow(perSecond, 1000);
    this.chatWindows.clear();
    this.groupWindows.clear();
  }

  private recordSent(call: RecordedCall): void {
    this.sentCalls.push(call);
    if (call.payload.chat_id === undefined) return; // inline-message edits have no chat
    getOrCreate(this.sentByChat, String(call.payload.chat_id), () => []).push(call);
  }

  private notifyWaiters(): void {
    for (const waiter of this.waiters) {
      let done: boolean;
      try {
        done = waiter.predicate(this.calls);
      } catch (error) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (!done) continue;
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private describeLastCalls(): string {
    const last = this.calls.slice(-10);
    if (last.length === 0) return "  (no calls)";
    return last
      .map((c) => {
        const text = c.payload.text ?? c.payload.caption;
        const parts = [c.method, `chat_id=${String(c.payload.chat_id)}`];
        if (text !== undefined) parts.push(JSON.stringify(text));
        if (c.failed) parts.push(`failed=${c.failed}`);
        return `  ${parts.join(" ")}`;
      })
      .join("\n");
  }

  private getUpdates(payload: Json, res: ServerResponse): Promise<void> {
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    // An offset confirms every update below it, exactly like Telegram.
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Math.max(1, typeof payload.limit === "number" ? payload.limit : 100));
    const timeout = typeof payload.timeout === "number" ? payload.timeout : 0;
    if (this.updates.length > 0 || timeout <= 0 || this.closing)
      return respond(res, ok(this.updates.slice(0, limit)));

    let timer: NodeJS.Timeout | undefined;
    const poller: Poller = {
      limit,
      answer: (updates) => {
        clearTimeout(timer);
        this.pollers.delete(poller);
        return respond(res, ok(updates));
      },
    };
    timer = setTimeout(() => void poller.answer([]), timeout * 1000);
    // The bot may abort its poll (bot.stop()); forget it so pushes do not write to a dead socket.
    res.once("close", () => {
      clearTimeout(timer);
      this.pollers.delete(poller);
    });
    this.pollers.add(poller);
    return Promise.resolve();
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): Promise<void> {
    if (token !== this.token) return respond(res, fail(401, "Unauthorized"));
    const content = this.files.get(filePath);
    if (!content) return respond(res, fail(404, "Not Found"));
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": content.length });
    res.end(content);
    return Promise.resolve();
  }

  /** The successful answer to an API call. */
  private answer(method: string, payload: Json): Reply {
    switch (method) {
      case "getMe":
        return ok(this.botInfo);
      case "getFile": {
        const fileId = String(payload.file_id);
        const filePath = this.fileIds.get(fileId);
        const content = filePath === undefined ? undefined : this.files.get(filePath);
        if (filePath === undefined || !content) return fail(400, "Bad Request: invalid file_id");
        return ok({
          file_id: fileId,
          file_unique_id: uniqueId(fileId),
          file_size: content.length,
          file_path: filePath,
        });
      }
      case "sendMediaGroup": {
        const media = Array.isArray(payload.media) ? (payload.media as Json[]) : [];
        return ok(media.map((item) => this.message(payload, undefined, item)));
      }
      case "copyMessage":
        return ok({ message_id: this.nextMessageId(payload.chat_id) });
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup":
      case "editMessageMedia":
      case "editMessageLiveLocation":
        // Inline-message edits answer true; chat-message edits answer the edited message.
        if (payload.chat_id === undefined) return ok(true);
        return ok(this.message(payload, Number(payload.message_id)));
      default:
        if (SENDING_METHOD.test(method)) return ok(this.message(payload));
        return ok(true);
    }
  }

  private nextMessageId(chatId: unknown): number {
    const key = String(chatId);
    const id = (this.messageIds.get(key) ?? 0) + 1;
    this.messageIds.set(key, id);
    return id;
  }

  /** A Message as the bot would receive it. `media` is a sendMediaGroup item. */
  private message(payload: Json, messageId?: number, media?: Json): Json {
    const chatId = payload.chat_id;
    const msg: Json = {
      message_id: messageId ?? this.nextMessageId(chatId),
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: Number(chatId) < 0 ? "group" : "private" },
      from: {
        id: this.botInfo.id,
        is_bot: true,
        first_name: this.botInfo.first_name,
        username: this.botInfo.username,
      },
    };
    const source = media ?? payload;
    for (const key of ["text", "entities", "caption", "caption_entities"]) {
      if (source[key] !== undefined) msg[key] = source[key];
    }
    if (payload.reply_markup !== undefined) msg.reply_markup = payload.reply_markup;
    if (payload.latitude !== undefined)
      msg.location = { latitude: payload.latitude, longitude: payload.longitude };

    // Media fields: sendPhoto → photo, sendDocument → document, media group items by their type.
    const kinds = media
      ? [[String(media.type), media.media] as const]
      : MEDIA_KINDS.map((k) => [k, payload[k]] as const);
    for (const [kind, value] of kinds) {
      if (value === undefined) continue;
      const fileId = this.fileIdOf(kind, value);
      const base = { file_id: fileId, file_unique_id: uniqueId(fileId) };
      msg[kind] = kind === "photo" ? [{ ...base, width: 800, height: 600 }] : base;
    }
    return msg;
  }

  /** The given file_id, or a synthetic one for an upload (also made downloadable via getFile). */
  private fileIdOf(kind: string, value: unknown): string {
    if (typeof value === "string") return value;
    if (!isUploadedFile(value)) return `fake-${kind}-unknown`;
    const fileId = `fake-${kind}-${++this.uploads}`;
    this.addFile(`${kind}s/${fileId}/${value.filename}`, value.content, fileId);
    return fileId;
  }
}

const MEDIA_KINDS = ["photo", "document", "voice", "video", "audio", "animation", "sticker", "video_note"];

function failureReply(rule: FailureRule): Reply {
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
      // "timeout" and "network" never answer; this body is not sent.
      return fail(500, rule.kind);
  }
}

function respond(res: ServerResponse, reply: Reply): Promise<void> {
  return new Promise<void>((resolve) => {
    if (res.writableEnded || res.destroyed) return resolve();
    res.once("close", () => resolve());
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body), () => resolve());
  });
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function uniqueId(fileId: string): string {
  return `u-${fileId}`;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).content);
}

// --- body parsing -------------------------------------------------------------

async function parsePayload(req: IncomingMessage, url: URL): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const payload: Json = {};
  for (const [key, value] of url.searchParams) payload[key] = parseField(key, value);

  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) return { ...payload, ...parseMultipart(body, type) };
  if (body.length === 0) return payload;
  const json: unknown = JSON.parse(body.toString("utf8"));
  return typeof json === "object" && json !== null ? { ...payload, ...(json as Json) } : payload;
}

function parseField(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Parses multipart/form-data by hand: grammY writes compact part headers
 * (`content-disposition:form-data;name="x";filename=a.txt`) that Node 20's
 * `Request.formData()` rejects. Files are referenced from fields as
 * `attach://<part name>`; those references are replaced by the file record.
 */
function parseMultipart(body: Buffer, contentType: string): Json {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary) throw new Error("multipart body without boundary");

  const fields: Json = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // Prefixing CRLF lets the first delimiter be found like all the others.
  const data = Buffer.concat([Buffer.from("\r\n"), body]);
  let pos = data.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (data.subarray(start, start + 2).toString() === "--") break; // closing delimiter
    const end = data.indexOf(delimiter, start);
    if (end === -1) break;
    const part = data.subarray(start + 2, end); // skip the CRLF after the delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const disposition = /^content-disposition\s*:(.*)$/im.exec(headers)?.[1] ?? "";
    const name = /;\s*name=(?:"([^"]*)"|([^;\s]*))/i.exec(disposition);
    const filename = /;\s*filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(disposition);
    const key = name?.[1] ?? name?.[2] ?? "";
    if (filename) {
      files.set(key, {
        filename: filename[1] ?? filename[2] ?? "",
        size: content.length,
        content: Buffer.from(content),
      });
    } else {
      fields[key] = parseField(key, content.toString("utf8"));
    }
    pos = end;
  }

  const used = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const file = files.get(value.slice("attach://".length));
      if (file) used.add(value.slice("attach://".length));
      return file ?? value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const payload = resolve(fields) as Json;
  // Files nobody referenced stay visible under their part name.
  for (const [key, file] of files) if (!used.has(key)) payload[key] = file;
  return payload;
}
