// The embedded Telegram Bot API server: real HTTP on 127.0.0.1, so the bot talks to it through
// TELEGRAM_API_ROOT exactly as it talks to Telegram (JSON and multipart bodies, error
// envelopes, long polling, file downloads). The sandbox runs the bot against it; the tests
// run the bot against it too, and read what the bot sent from the recorded calls.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Api } from "grammy";
import type { Update } from "grammy/types";
import { TelegramClient } from "./client.js";
import { FailureInjector, failureReply } from "./failures.js";
import { methods } from "./methods/index.js";
import { readPayload } from "./payload.js";
import { FloodLimits } from "./rate-limit.js";
import { BotApiError, fail } from "./replies.js";
import { BotApiState, type BotInfo } from "./state.js";
import type { BotApiOptions, FailureRule, Json, RateLimits, RecordedCall, Reply } from "./types.js";

export const DEFAULT_TOKEN = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";
// Every real Bot API method grammY knows; anything else is answered 404 like Telegram does.
const KNOWN_METHODS = new Set(Object.getOwnPropertyNames(Api.prototype).filter((n) => n !== "constructor"));
// Methods that put something in a chat. sendChatAction only shows "typing…", so it is not one.
const SENDING_METHOD = /^(?:send(?!ChatAction$)\w+|copyMessage|forwardMessage|editMessage\w+)$/;

interface Waiter {
  predicate: (calls: RecordedCall[]) => boolean;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface BotApiServerOptions extends BotApiOptions {
  /** Keep file contents in this folder instead of memory (the sandbox, across restarts). */
  filesDirectory?: string;
}

export class BotApiServer {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotInfo;
  readonly state: BotApiState;
  /** The user side: personas writing, tapping buttons, blocking the bot. */
  readonly client: TelegramClient;
  calls: RecordedCall[] = [];

  private sentCalls: RecordedCall[] = [];
  private sentByChat = new Map<string, RecordedCall[]>();
  private failures = new FailureInjector();
  private flood: FloodLimits;
  private waiters = new Set<Waiter>();
  private closing?: Promise<void>;

  private constructor(
    private readonly server: Server,
    address: AddressInfo,
    private readonly options: BotApiServerOptions,
  ) {
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.apiRoot = `http://${host}:${address.port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    const id = Number.parseInt(this.token.split(":")[0] ?? "", 10);
    this.botInfo = {
      id: Number.isFinite(id) ? id : 123456,
      is_bot: true,
      first_name: options.botName ?? "Liaison Test Bot",
      username: options.botUsername ?? "liaison_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    this.state = new BotApiState(
      this.botInfo,
      options.strict ?? false,
      options.logger,
      options.filesDirectory,
    );
    this.client = new TelegramClient(this.state);
    this.flood = new FloodLimits(options.rateLimit);
  }

  /** Starts listening (127.0.0.1 and a free port unless the options say otherwise). */
  static async start(options: BotApiServerOptions = {}): Promise<BotApiServer> {
    let api: BotApiServer | undefined;
    const server = createServer((req, res) => {
      api?.handle(req, res).catch((error: unknown) => {
        options.logger?.error({ err: error }, "embedded Bot API failed on a request");
        if (!res.headersSent) void respond(res, fail(500, `Internal Server Error: ${String(error)}`));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    api = new BotApiServer(server, server.address() as AddressInfo, options);
    return api;
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
    this.failures.add(rule);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Turns Telegram's flood limits on (or off with undefined), with fresh windows. */
  setRateLimit(limits: RateLimits | undefined): void {
    this.flood.set(limits);
  }

  get rateLimit(): RateLimits | undefined {
    return this.flood.current;
  }

  /** Forgets recorded calls, failure rules and flood windows (not chats or updates). */
  reset(): void {
    this.calls = [];
    this.sentCalls = [];
    this.sentByChat.clear();
    this.failures.clear();
    this.flood.reset();
  }

  /** Queues an update for getUpdates (or the webhook), as if a user had done something. */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): number {
    return this.state.updates.push(update);
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): Update[] {
    return this.state.updates.pending;
  }

  /** Plants a downloadable file at `filePath`, with `fileId` for getFile. */
  addFile(filePath: string, content: Buffer, fileId?: string): void {
    this.state.files.add({
      content,
      kind: "document",
      filePath,
      ...(fileId === undefined ? {} : { fileId }),
    });
  }

  /** Resolves once `predicate(calls)` holds; rejects after `timeoutMs` listing the last calls. */
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
      this.state.updates.close();
      await new Promise((resolve) => setImmediate(resolve));
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error("the Bot API server closed before waitFor was satisfied"));
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
    let payload: Json = {};
    let early: Reply | undefined;
    try {
      payload = await readPayload(req, url);
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      early = error.reply;
      this.options.logger?.warn({ method, error: error.description }, "malformed Bot API request");
    }
    if (!early && token !== this.token) early = fail(401, "Unauthorized");
    else if (!early && !KNOWN_METHODS.has(method)) {
      early = fail(404, "Not Found: method not found");
      this.options.logger?.warn({ method }, "unknown Bot API method");
    } else if (!early && !(method in methods)) {
      early = fail(501, `Not Implemented: the embedded Bot API does not implement ${method}`);
      this.options.logger?.warn({ method }, "Bot API method not implemented by the sandbox");
    }
    if (early) return this.finish(res, { method, payload, at, token, failed: String(early.status) }, early);

    const sending = SENDING_METHOD.test(method);
    const rule = this.failures.match(method, payload);
    if (rule?.kind === "network") {
      this.record({ method, payload, at, token, failed: "network" }, false);
      req.socket.destroy();
      return;
    }
    if (rule && rule.kind !== "timeout")
      return this.finish(res, { method, payload, at, token, failed: rule.kind }, failureReply(rule));
    if (!rule && sending) {
      const retryAfter = this.flood.retryAfter(payload.chat_id, at);
      if (retryAfter > 0) {
        const reply = fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
        return this.finish(res, { method, payload, at, token, failed: "429" }, reply);
      }
    }

    const controller = new AbortController();
    res.once("close", () => controller.abort());
    if (method === "getUpdates") {
      // Recorded on arrival: a test waits for the bot to be polling before it pushes an update.
      const call: RecordedCall = { method, payload, at, token };
      this.record(call, false);
      const reply = await this.run(method, payload, controller.signal);
      if (!reply.body.ok) call.failed = String(reply.status);
      return respond(res, reply);
    }
    const reply = await this.run(method, payload, controller.signal);
    const call: RecordedCall = { method, payload, at, token };
    if (!reply.body.ok) call.failed = String(reply.status);
    else call.result = reply.body.result;
    if (rule?.kind === "timeout") {
      // The message exists (and counts against the limits); only its answer is lost.
      call.failed = "timeout";
      if (sending) this.flood.count(payload.chat_id, at);
      this.record(call, sending && reply.body.ok === true);
      return; // never answer; close() drops the socket
    }
    return this.finish(res, call, reply, sending && reply.body.ok === true);
  }

  private async run(method: string, payload: Json, signal: AbortSignal): Promise<Reply> {
    try {
      return await methods[method]!(payload, this.state, signal);
    } catch (error) {
      if (error instanceof BotApiError) return error.reply;
      throw error;
    }
  }

  private finish(res: ServerResponse, call: RecordedCall, reply: Reply, delivered = false): Promise<void> {
    this.record(call, delivered);
    return respond(res, reply);
  }

  private record(call: RecordedCall, delivered: boolean): void {
    if (delivered) {
      this.sentCalls.push(call);
      // Inline-message edits have no chat.
      if (call.payload.chat_id !== undefined) {
        const key = String(call.payload.chat_id);
        const list = this.sentByChat.get(key) ?? [];
        list.push(call);
        this.sentByChat.set(key, list);
      }
    }
    this.calls.push(call);
    this.notifyWaiters();
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

  private serveFile(res: ServerResponse, token: string, filePath: string): Promise<void> {
    if (token !== this.token) return respond(res, fail(401, "Unauthorized"));
    const file = this.state.files.atPath(filePath);
    const content = file && this.state.files.read(file);
    if (!content) return respond(res, fail(404, "Not Found"));
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": content.length });
    res.end(content);
    return Promise.resolve();
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
