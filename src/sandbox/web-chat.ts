// The web chat: one page and a small JSON API over the embedded Bot API. Served by Hono on
// Node (@hono/node-server): static files, multipart uploads, a body limit and server-sent
// events come with it, so nothing here is hand-written HTTP plumbing. Live updates are
// server-sent events (the page only listens; everything it does is a POST with a clear
// answer, which is what shows errors in the page).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { I18n } from "@grammyjs/i18n";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import type { BotContext } from "../bot/context.js";
import { localesDir } from "../bot/i18n.js";
import { type Locale, locales } from "../config.js";
import type { Logger } from "../logger.js";
import { ClientActionError, type UserMessage } from "./bot-api/client.js";
import type { BotApiServer } from "./bot-api/server.js";
import type { DistrictPoster } from "./demo.js";
import { messageView } from "./message-view.js";
import { fontFiles, vendorFiles, webDirectory } from "./paths.js";
import {
  InvalidPersonaError,
  type Persona,
  type PersonaStore,
  telegramUserOf,
  UnknownPersonaError,
} from "./personas.js";

/** Largest uploads a persona may send, in bytes: Telegram's 10 MB for photos, and the 50 MB bots can send (files). */
export interface UploadLimits {
  photoBytes: number;
  fileBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  photoBytes: 10 * 1024 * 1024,
  fileBytes: 50 * 1024 * 1024,
};

/** Telegram's published flood limits, for the "rate limit" switch. */
export const TELEGRAM_RATE_LIMITS = { globalPerSecond: 30, perChatPerSecond: 1 } as const;

export interface WebChatDeps {
  api: BotApiServer;
  personas: PersonaStore;
  i18n: I18n<BotContext>;
  posters: DistrictPoster[];
  logger: Logger;
  limits: UploadLimits;
  /** True while the demo is being reset: requests then answer 503. */
  busy(): boolean;
  reset(): Promise<void>;
  /** Something worth saving changed (a persona, a setting). */
  changed(): void;
}

/** An event for the page; `chatId` says whose chat it is about. */
export type PageEvent = { type: string; chatId?: number; [key: string]: unknown };

class PageError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 503,
    readonly key: string,
    readonly variables: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "PageError";
  }
}

/** The page's own words: the keys of sandbox.ftl without variables (those are formatted here, by the server). */
function pageKeys(locale: Locale): string[] {
  const source = readFileSync(join(localesDir, locale, "sandbox.ftl"), "utf8");
  return [...source.matchAll(/^(sandbox-[\w-]+)\s*=(.*)$/gm)]
    .filter((m) => !m[2]!.includes("$"))
    .map((m) => m[1]!);
}

/**
 * The web chat's Hono app: GET / and the page's files, /vendor/* (the browser libraries),
 * /fonts/* (the Chinese font),
 * /api/session, /api/personas, /api/chats/:personaId (history, messages, press, blocked),
 * /api/settings, /api/reset, /api/events (server-sent events) and /files/:fileId. Errors are
 * JSON `{ error, code }` with `error` in the page's language (`?locale=` or the
 * x-sandbox-locale header): 400 bad input, 404 unknown persona or file, 413 over a limit,
 * 503 while the sandbox is busy. `publish` sends an event to every open page.
 */
export function createWebChat(deps: WebChatDeps) {
  const { api, personas, i18n, logger, limits } = deps;
  const subscribers = new Set<(event: PageEvent) => void>();
  const publish = (event: PageEvent) => {
    for (const send of subscribers) send(event);
  };
  const strings = Object.fromEntries(
    locales.map((locale) => [
      locale,
      Object.fromEntries(pageKeys(locale).map((k) => [k, i18n.t(locale, k)])),
    ]),
  );
  const vendor = vendorFiles();
  const fonts = fontFiles();
  const localeOf = (c: Context): Locale => {
    const asked = c.req.query("locale") ?? c.req.header("x-sandbox-locale");
    return locales.includes(asked as Locale) ? (asked as Locale) : "zh-CN";
  };
  const districtName = (code: string | undefined, locale: Locale) => {
    const poster = deps.posters.find((p) => p.code === code);
    return poster ? (locale === "zh-CN" ? poster.nameZh : poster.nameEn) : (code ?? "");
  };
  const personaView = (persona: Persona, locale: Locale) => ({
    ...persona,
    label: i18n.t(locale, `sandbox-role-${persona.role}`, {
      district: districtName(persona.districtCode, locale),
    }),
    blocked: api.state.chats.get(persona.id)?.blocked ?? false,
  });
  const chatView = (persona: Persona) => {
    const chat = api.state.chats.get(persona.id);
    const messages = [...(chat?.messages.values() ?? [])].filter((m) => !m.deleted).map(messageView);
    return {
      personaId: persona.id,
      messages,
      replyKeyboard: chat?.replyKeyboard ?? null,
      commands: api.state.commandsFor({
        chatId: persona.id,
        languageCode: telegramUserOf(persona).language_code,
      }),
      blocked: chat?.blocked ?? false,
    };
  };

  const app = new Hono();
  app.onError((error, c) => {
    const locale = localeOf(c);
    if (error instanceof PageError)
      return c.json({ error: i18n.t(locale, error.key, error.variables), code: error.key }, error.status);
    if (error instanceof UnknownPersonaError)
      return c.json({ error: i18n.t(locale, "sandbox-error-unknown-persona"), code: "unknown-persona" }, 404);
    if (error instanceof InvalidPersonaError)
      return c.json(
        { error: i18n.t(locale, `sandbox-error-persona-${error.field}`), code: "invalid-persona" },
        400,
      );
    if (error instanceof ClientActionError) {
      const key = `sandbox-error-${error.reason.replaceAll("_", "-")}`;
      return c.json({ error: i18n.t(locale, key), code: key }, 400);
    }
    logger.error({ err: error, path: c.req.path }, "web chat request failed");
    return c.json({ error: i18n.t(locale, "sandbox-error-internal"), code: "internal" }, 500);
  });
  app.use("/api/*", async (c, next) => {
    if (deps.busy() && c.req.path !== "/api/events") throw new PageError(503, "sandbox-error-busy");
    await next();
  });

  app.get("/api/session", (c) => {
    const locale = localeOf(c);
    return c.json({
      bot: { username: api.botInfo.username, name: api.botInfo.first_name },
      strings: strings[locale],
      personas: personas.list().map((p) => personaView(p, locale)),
      posters: deps.posters.map((p) => ({
        code: p.code,
        name: locale === "zh-CN" ? p.nameZh : p.nameEn,
        link: `https://t.me/${api.botInfo.username}?start=${p.startPayload}`,
      })),
      settings: { rateLimit: api.rateLimit !== undefined },
      limits: {
        photoMegabytes: limits.photoBytes / 1024 / 1024,
        fileMegabytes: limits.fileBytes / 1024 / 1024,
      },
    });
  });

  app.post("/api/personas", async (c) => {
    const body = await jsonBody(c);
    const persona = personas.create({ name: body.name, locale: body.locale });
    deps.changed();
    publish({ type: "personas" });
    return c.json(personaView(persona, localeOf(c)), 201);
  });

  app.get("/api/chats/:personaId", (c) => c.json(chatView(personas.get(c.req.param("personaId")))));

  app.post(
    "/api/chats/:personaId/messages",
    bodyLimit({
      maxSize: limits.fileBytes + 64 * 1024,
      onError: () => {
        throw new PageError(413, "sandbox-error-too-large", { megabytes: limits.fileBytes / 1024 / 1024 });
      },
    }),
    async (c) => {
      const persona = personas.get(c.req.param("personaId"));
      const content = await userMessageOf(c, limits);
      const replyTo = Number(c.req.query("replyTo"));
      const sent = api.client.send(
        telegramUserOf(persona),
        content,
        Number.isInteger(replyTo) && replyTo > 0 ? replyTo : undefined,
      );
      return c.json({ message: messageView(sent.value) }, 201);
    },
  );

  app.post("/api/chats/:personaId/press", async (c) => {
    const persona = personas.get(c.req.param("personaId"));
    const body = await jsonBody(c);
    if (typeof body.data !== "string" || !Number.isInteger(body.messageId))
      throw new PageError(400, "sandbox-error-bad-request");
    const sent = api.client.press(telegramUserOf(persona), Number(body.messageId), body.data);
    return c.json({ callbackQueryId: sent.value });
  });

  app.post("/api/chats/:personaId/blocked", async (c) => {
    const persona = personas.get(c.req.param("personaId"));
    const body = await jsonBody(c);
    if (typeof body.blocked !== "boolean") throw new PageError(400, "sandbox-error-bad-request");
    api.client.setBlocked(telegramUserOf(persona), body.blocked);
    deps.changed();
    publish({ type: "blocked", chatId: persona.id, blocked: body.blocked });
    return c.json({ blocked: body.blocked });
  });

  app.post("/api/settings", async (c) => {
    const body = await jsonBody(c);
    if (typeof body.rateLimit !== "boolean") throw new PageError(400, "sandbox-error-bad-request");
    api.setRateLimit(body.rateLimit ? TELEGRAM_RATE_LIMITS : undefined);
    publish({ type: "settings" });
    return c.json({ rateLimit: body.rateLimit });
  });

  app.post("/api/reset", async (c) => {
    await deps.reset();
    publish({ type: "reset" });
    return c.json({ reset: true });
  });

  app.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      const send = (event: PageEvent) =>
        void stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
      subscribers.add(send);
      stream.onAbort(() => {
        subscribers.delete(send);
      });
      await stream.writeSSE({ event: "ready", data: "{}" });
      // A comment line now and then keeps proxies and browsers from closing an idle stream.
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(20_000);
        await stream.write(": keep-alive\n\n");
      }
    }),
  );

  app.get("/files/:fileId", (c) => {
    const file = api.state.files.get(c.req.param("fileId"));
    const content = file && api.state.files.read(file);
    if (!file || !content) throw new PageError(404, "sandbox-error-no-such-file");
    const name = file.fileName ?? file.filePath.split("/").at(-1) ?? "file";
    return c.body(new Uint8Array(content), 200, {
      "content-type": file.mimeType ?? (file.kind === "photo" ? "image/jpeg" : "application/octet-stream"),
      "content-disposition": `${file.kind === "photo" ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  app.get("/fonts/:name", (c) => {
    const path = fonts[c.req.param("name")];
    if (!path) return c.notFound();
    return c.body(new Uint8Array(readFileSync(path)), 200, {
      "content-type": "font/ttf",
      "cache-control": "public, max-age=86400",
    });
  });
  app.get("/vendor/:name", (c) => {
    const path = vendor[c.req.param("name")];
    if (!path) return c.notFound();
    return c.body(readFileSync(path, "utf8"), 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  const root = webDirectory();
  const assets = new Set(readdirSync(root));
  app.get("/", (c) => c.html(readFileSync(join(root, "index.html"), "utf8")));
  app.use("/*", async (c, next) => {
    if (!assets.has(c.req.path.slice(1))) return next();
    return serveStatic({ root })(c, next);
  });

  const forward = (type: string) => (event: object) => publish({ type, ...event });
  api.state.on("message", ({ chatId, stored }) =>
    publish({ type: "message", chatId, message: messageView(stored) }),
  );
  api.state.on("edit", ({ chatId, stored }) =>
    publish({ type: "edit", chatId, message: messageView(stored) }),
  );
  api.state.on("delete", forward("delete"));
  api.state.on("callbackAnswer", forward("callbackAnswer"));
  api.state.on("replyKeyboard", forward("replyKeyboard"));
  api.state.on("chatAction", forward("chatAction"));
  api.state.on("commands", () => publish({ type: "commands" }));

  return { app, publish };
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  try {
    const body = (await c.req.json()) as unknown;
    if (typeof body === "object" && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new PageError(400, "sandbox-error-bad-request");
}

/**
 * The message a persona sends: JSON `{ text }` or `{ location: { latitude, longitude } }`, or a
 * multipart form with `kind` (photo, document or voice), `file`, an optional `caption` and, for
 * a voice note, its `duration` in seconds.
 * Throws PageError 400 for anything else, 413 for a file over its limit (photos have their own).
 */
async function userMessageOf(c: Context, limits: UploadLimits): Promise<UserMessage> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const body = await jsonBody(c);
    if (typeof body.text === "string") return { text: body.text };
    const location = body.location as { latitude?: unknown; longitude?: unknown } | undefined;
    if (location && typeof location.latitude === "number" && typeof location.longitude === "number")
      return { location: { latitude: location.latitude, longitude: location.longitude } };
    throw new PageError(400, "sandbox-error-bad-request");
  }
  const form = await c.req.parseBody();
  const file = form.file;
  const kind = form.kind;
  if (!(file instanceof File) || (kind !== "photo" && kind !== "document" && kind !== "voice"))
    throw new PageError(400, "sandbox-error-bad-request");
  const limit = kind === "photo" ? limits.photoBytes : limits.fileBytes;
  if (file.size > limit)
    throw new PageError(413, "sandbox-error-too-large", {
      megabytes: Number((limit / 1024 / 1024).toFixed(2)),
    });
  const duration = Number(form.duration);
  const upload = {
    content: Buffer.from(await file.arrayBuffer()),
    fileName: file.name || "file",
    ...(file.type ? { mimeType: file.type } : {}),
    ...(kind === "voice" && Number.isFinite(duration) && duration >= 0 ? { duration } : {}),
  };
  const caption = typeof form.caption === "string" ? form.caption : undefined;
  if (kind === "photo") return { photo: upload, caption };
  if (kind === "voice") return { voice: upload, caption };
  return { document: upload, caption };
}
