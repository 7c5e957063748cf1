// The sandbox over HTTP, as the page uses it: the demo it opens on, personas, messages and
// uploads, bad input answered clearly while the bot keeps running, reset and restart.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseStartup } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { DEMO_ADMIN_ID } from "../../src/sandbox/demo.js";
import type { MessageView } from "../../src/sandbox/message-view.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/start.js";
import { TINY_PNG } from "../helpers/images.js";

const CITIZEN = 100_001;
const EN_CITIZEN = 100_002;
const DEPUTY = 100_003;

async function open(dataDir: string, options: SandboxOptions = {}, port = "0"): Promise<Sandbox> {
  const startup = parseStartup({ SANDBOX_DATA_DIR: dataDir, SANDBOX_PORT: port, LOG_LEVEL: "silent" });
  if (startup.mode !== "sandbox") throw new Error("expected the sandbox");
  return startSandbox(startup, createLogger("silent"), options);
}

function client(sandbox: Sandbox) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers:
        body === undefined || body instanceof FormData
          ? headers
          : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const chat = async (personaId: number) =>
    (await call("GET", `/api/chats/${personaId}`)).body as { messages: MessageView[]; commands: unknown[] };
  /** Sends text as the persona and resolves once the bot has handled it. */
  const say = async (personaId: number, text: string) => {
    const before = sandbox.api.state.updates.nextId;
    const sent = await call("POST", `/api/chats/${personaId}/messages`, { text });
    expect(sent.status).toBe(201);
    await sandbox.api.state.updates.handled(before, 10_000);
    return chat(personaId);
  };
  const upload = (personaId: number, kind: string, content: Buffer, name: string, type: string) => {
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", new Blob([new Uint8Array(content)], { type }), name);
    return call("POST", `/api/chats/${personaId}/messages`, form);
  };
  return { call, chat, say, upload };
}

const botTexts = (chat: { messages: MessageView[] }) =>
  chat.messages.filter((m) => m.fromBot).map((m) => m.text ?? "");

describe("the sandbox", () => {
  let dataDir: string;
  let sandbox: Sandbox;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "liaison-sandbox-"));
    sandbox = await open(dataDir, { limits: { photoBytes: 2048, fileBytes: 4096 } });
    api = client(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the page with its modules and libraries", async () => {
    const page = await fetch(sandbox.url);
    const html = await page.text();
    const preact = await fetch(`${sandbox.url}/vendor/preact.js`);
    const app = await fetch(`${sandbox.url}/app.js`);

    expect(page.status).toBe(200);
    expect(html).toContain('<script type="importmap">');
    expect(preact.headers.get("content-type")).toContain("javascript");
    expect(await app.text()).toContain("render(");
    expect((await fetch(`${sandbox.url}/vendor/nothing.js`)).status).toBe(404);
    const font = await fetch(`${sandbox.url}/fonts/noto-sans-sc-400.ttf`);
    expect(font.headers.get("content-type")).toBe("font/ttf");
    // A TrueType file: version 1.0, then the number of tables.
    expect(Buffer.from(await font.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect((await fetch(`${sandbox.url}/fonts/nothing.ttf`)).status).toBe(404);
  });

  it("names SANDBOX_PORT when its port is taken, before touching its data folder", async () => {
    const other = mkdtempSync(join(tmpdir(), "liaison-sandbox-"));
    const port = new URL(sandbox.url).port;

    const failure = await open(join(other, "never"), {}, port).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).problems.map((p) => p.variable)).toEqual(["SANDBOX_PORT"]);
    expect(existsSync(join(other, "never", "sandbox.db"))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });

  it("opens on the demo county with ready personas whose roles the bot knows", async () => {
    const session = (await api.call("GET", "/api/session?locale=en")).body as {
      personas: { id: number; name: string; role: string; label: string }[];
      posters: { code: string; link: string }[];
    };
    const users = await sandbox.bot().app.db.prisma.user.findMany({ orderBy: { telegramId: "asc" } });

    expect(session.personas.map((p) => p.role)).toEqual([
      "citizen",
      "citizen",
      "representative",
      "representative",
      "staff",
      "admin",
    ]);
    expect(session.personas[2]?.label).toBe("Deputy, Dongmen Community");
    expect(users.map((u) => [Number(u.telegramId), u.role])).toEqual([
      [DEPUTY, "representative"],
      [DEPUTY + 1, "representative"],
      [DEPUTY + 2, "staff"],
      [DEMO_ADMIN_ID, "admin"],
    ]);
    expect(session.posters.find((p) => p.code === "QS-CG-DM")?.link).toBe(
      "https://t.me/liaison_sandbox_bot?start=d_QS-CG-DM",
    );
    expect(await sandbox.bot().app.db.prisma.district.count()).toBe(15);
  });

  it("answers /start in the persona's language, with the command menu of that language", async () => {
    const zh = await api.say(CITIZEN, "/start");
    const en = await api.say(EN_CITIZEN, "/start");

    expect(botTexts(zh).join("\n")).toContain("欢迎使用人大代表联络站机器人");
    expect(botTexts(en).join("\n")).toContain("Welcome to the deputies' liaison station bot");
    expect(en.commands).toContainEqual({ command: "new", description: expect.stringMatching(/concern/i) });
    expect(zh.commands).toContainEqual({
      command: "new",
      description: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });

  it("streams what the bot sends as server-sent events", async () => {
    const controller = new AbortController();
    const response = await fetch(`${sandbox.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let received = "";
    const seen = (async () => {
      while (!received.includes("event: message") || !received.includes("/help")) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    })();
    await api.call("POST", `/api/chats/${EN_CITIZEN}/messages`, { text: "/help" });
    await seen;
    controller.abort();

    expect(received).toContain(`"chatId":${EN_CITIZEN}`);
  });

  it("creates a persona in one request, and refuses an empty name", async () => {
    const created = await api.call("POST", "/api/personas", { name: "  Wu  ", locale: "en" });
    const empty = await api.call(
      "POST",
      "/api/personas",
      { name: " ", locale: "en" },
      { "x-sandbox-locale": "en" },
    );

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Wu", locale: "en", role: "citizen" });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe("Please give a name of 1 to 64 characters.");
    const answered = await api.say(Number(created.body.id), "/start");
    expect(botTexts(answered).join("\n")).toContain("Welcome");
  });

  it("takes a photo and a file from the browser and serves them for download", async () => {
    const photo = await api.upload(CITIZEN, "photo", TINY_PNG, "路灯.png", "image/png");
    const file = await api.upload(CITIZEN, "document", Buffer.from("第一页"), "情况说明.txt", "text/plain");
    const media = (file.body.message as MessageView).media!;
    const download = await fetch(`${sandbox.url}${media.url}`);

    expect(photo.status).toBe(201);
    expect((photo.body.message as MessageView).media).toMatchObject({ kind: "photo", width: 1, height: 1 });
    expect(media).toMatchObject({ kind: "document", name: "情况说明.txt", mimeType: "text/plain" });
    expect(await download.text()).toBe("第一页");
    expect(download.headers.get("content-disposition")).toContain(encodeURIComponent("情况说明.txt"));
  });

  describe("bad input gets a clear answer and the bot keeps running", () => {
    it.each([
      [
        "an unknown persona",
        () => api.call("POST", "/api/chats/424242/messages", { text: "hi" }),
        404,
        "没有这个身份",
      ],
      ["a persona id that is not one", () => api.call("GET", "/api/chats/..%2Fetc"), 404, "没有这个身份"],
      [
        "a non-image sent as a photo",
        () => api.upload(CITIZEN, "photo", Buffer.from("not an image"), "x.jpg", "image/jpeg"),
        400,
        "不是图片",
      ],
      [
        "a photo over the photo limit",
        () => api.upload(CITIZEN, "photo", Buffer.alloc(3000, 1), "big.png", "image/png"),
        413,
        "超过",
      ],
      [
        "a file over the upload limit",
        () => api.upload(CITIZEN, "document", Buffer.alloc(8192, 1), "big.bin", "application/octet-stream"),
        413,
        "超过",
      ],
      [
        "an upload far over the limit, refused before it is read whole",
        () =>
          api.upload(
            CITIZEN,
            "document",
            Buffer.alloc(4096 + 70 * 1024, 1),
            "huge.bin",
            "application/octet-stream",
          ),
        413,
        "超过",
      ],
      [
        "a body that is not JSON",
        () => api.call("POST", `/api/chats/${CITIZEN}/press`, "{oops"),
        400,
        "请求无效",
      ],
      [
        "a button the message does not have",
        () => api.call("POST", `/api/chats/${CITIZEN}/press`, { messageId: 2, data: "forged" }),
        400,
        "按钮",
      ],
      [
        "an impossible location",
        () =>
          api.call("POST", `/api/chats/${CITIZEN}/messages`, { location: { latitude: 91, longitude: 0 } }),
        400,
        "纬度",
      ],
    ])("%s", async (_what, send, status, words) => {
      const answer = await send();

      expect(answer.status).toBe(status);
      expect(String(answer.body.error)).toContain(words);
      const chat = await api.say(CITIZEN, "/privacy");
      expect(botTexts(chat).at(-1)).toContain("跨境提示");
    });

    it("a malformed request to the embedded Bot API gets a Telegram-shaped error", async () => {
      const { apiRoot, token } = sandbox.api;
      const response = await fetch(`${apiRoot}/bot${token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{",
      });

      expect(await response.json()).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse JSON object",
      });
      const chat = await api.say(CITIZEN, "/privacy");
      expect(botTexts(chat).at(-1)).toContain("跨境提示");
    });

    it("a blocked persona cannot write, and the bot stops sending to them", async () => {
      await api.call("POST", `/api/chats/${EN_CITIZEN}/blocked`, { blocked: true });
      const refused = await api.call(
        "POST",
        `/api/chats/${EN_CITIZEN}/messages`,
        { text: "hi" },
        { "x-sandbox-locale": "en" },
      );
      await sandbox.api.state.updates.handled(sandbox.api.state.updates.nextId - 1, 10_000);
      const user = await sandbox
        .bot()
        .app.db.prisma.user.findUnique({ where: { telegramId: BigInt(EN_CITIZEN) } });
      await api.call("POST", `/api/chats/${EN_CITIZEN}/blocked`, { blocked: false });

      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe("You have blocked this bot; unblock it first.");
      expect(user?.inactiveReason).toBe("blocked the bot");
    });
  });

  it("keeps personas, chats and update ids across a restart, and a reset recreates the demo", async () => {
    const before = await api.chat(CITIZEN);
    await sandbox.stop();
    sandbox = await open(dataDir);
    api = client(sandbox);

    const after = await api.chat(CITIZEN);
    expect(after.messages.map((m) => m.id)).toEqual(before.messages.map((m) => m.id));
    const answered = await api.say(CITIZEN, "/privacy");
    expect(answered.messages.length).toBeGreaterThan(before.messages.length + 1);

    const reset = await api.call("POST", "/api/reset");
    const session = (await api.call("GET", "/api/session")).body as { personas: unknown[] };

    expect(reset.status).toBe(200);
    expect(session.personas).toHaveLength(6);
    expect((await api.chat(CITIZEN)).messages).toEqual([]);
    expect(await sandbox.bot().app.db.prisma.user.count()).toBe(4);
    expect(botTexts(await api.say(CITIZEN, "/start")).join("\n")).toContain("欢迎使用人大代表联络站机器人");
  });
});
