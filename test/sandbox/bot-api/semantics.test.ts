// The embedded Bot API answers the way Telegram does where the bot relies on it. Driven with
// grammY's own Api client, as the bot drives it, plus the user side (personas) of the sandbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Api, GrammyError, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { TelegramUser } from "../../../src/sandbox/bot-api/chats.js";
import { ClientActionError } from "../../../src/sandbox/bot-api/client.js";
import { BotApiServer, type BotApiServerOptions } from "../../../src/sandbox/bot-api/server.js";
import { TINY_PNG } from "../../helpers/images.js";

const ann: TelegramUser = { id: 501, is_bot: false, first_name: "Ann", language_code: "en" };
const bo: TelegramUser = { id: 502, is_bot: false, first_name: "Bo", language_code: "zh-hans" };

let server: BotApiServer | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const close of closers.splice(0)) await close();
});

async function setup(options: BotApiServerOptions = {}) {
  server = await BotApiServer.start({ strict: true, ...options });
  return { server, api: new Api(server.token, { apiRoot: server.apiRoot }) };
}

/** The Telegram error a call fails with. */
async function errorOf(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The updates the bot would get next (and confirms them, as a poller does). */
async function nextUpdates(api: Api, offset = 0): Promise<Update[]> {
  return api.getUpdates({ offset, timeout: 0 });
}

describe("the embedded Bot API", () => {
  describe("chats and message ids", () => {
    it("numbers messages per chat, the user's and the bot's in one sequence", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      server.client.send(bo, { text: "/start" });

      const toAnn = await api.sendMessage(ann.id, "hello Ann");
      const toBo = await api.sendMessage(bo.id, "hello Bo");
      const again = await api.sendMessage(ann.id, "again");

      expect([toAnn.message_id, again.message_id, toBo.message_id]).toEqual([2, 3, 2]);
      const updates = await nextUpdates(api);
      expect(updates.map((u) => [u.message?.chat.id, u.message?.message_id])).toEqual([
        [ann.id, 1],
        [bo.id, 1],
      ]);
      expect(updates[0]?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    });

    it("answers 400 for a chat it does not know and 403 before the user has written", async () => {
      const { server, api } = await setup();
      server.state.chats.openPrivate(ann);

      expect((await errorOf(api.sendMessage(999, "anyone?"))).description).toBe(
        "Bad Request: chat not found",
      );
      const first = await errorOf(api.sendMessage(ann.id, "hi"));
      expect(first.error_code).toBe(403);
      expect(first.description).toBe("Forbidden: bot can't initiate conversation with a user");
    });

    it("answers 403 to a persona who blocked the bot, and tells the bot with my_chat_member", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      server.client.setBlocked(ann, true);

      const error = await errorOf(api.sendMessage(ann.id, "still there?"));
      expect(error.error_code).toBe(403);
      expect(error.description).toBe("Forbidden: bot was blocked by the user");
      expect(() => server.client.send(ann, { text: "hi" })).toThrow(ClientActionError);
      const update = (await nextUpdates(api)).at(-1);
      expect(update?.my_chat_member?.new_chat_member.status).toBe("kicked");

      server.client.setBlocked(ann, false);
      expect((await api.sendMessage(ann.id, "welcome back")).text).toBe("welcome back");
    });
  });

  describe("text", () => {
    it("parses HTML into entities and keeps the HTML for the web chat", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });

      const message = await api.sendMessage(ann.id, '<b>案</b> &lt;2&gt; <a href="https://t.me/x">link</a>', {
        parse_mode: "HTML",
      });

      expect(message.text).toBe("案 <2> link");
      expect(message.entities).toEqual([
        { type: "bold", offset: 0, length: 1 },
        { type: "text_link", offset: 6, length: 4, url: "https://t.me/x" },
      ]);
      expect(server.state.chats.find(server.state.chats.get(ann.id), message.message_id)?.html).toContain(
        "<b>案</b>",
      );
    });

    it.each([
      ["<b>bold</i>", 'Unmatched end tag at byte offset 7, expected "</b>", found "</i>"'],
      ["<b>open", 'Can\'t find end tag corresponding to start tag "b"'],
      ["名<div>x</div>", 'Unsupported start tag "div" at byte offset 3'],
      ["x</b>", "Unexpected end tag at byte offset 1"],
      ["<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ])('answers 400 "can\'t parse entities" for %j', async (text, detail) => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });

      const error = await errorOf(api.sendMessage(ann.id, text, { parse_mode: "HTML" }));

      expect(error.error_code).toBe(400);
      expect(error.description).toBe(`Bad Request: can't parse entities: ${detail}`);
      expect(server.sentTo(ann.id)).toEqual([]);
    });

    it("limits text to 4,096 and captions to 1,024 characters after entities parsing", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });

      await api.sendMessage(ann.id, `<b>${"字".repeat(4096)}</b>`, { parse_mode: "HTML" });
      const long = await errorOf(api.sendMessage(ann.id, "a".repeat(4097)));
      const empty = await errorOf(api.sendMessage(ann.id, "  "));
      await api.sendPhoto(ann.id, new InputFile(TINY_PNG, "p.png"), { caption: "c".repeat(1024) });
      const caption = await errorOf(
        api.sendPhoto(ann.id, new InputFile(TINY_PNG, "p.png"), { caption: "c".repeat(1025) }),
      );

      expect(long.description).toBe("Bad Request: message is too long");
      expect(empty.description).toBe("Bad Request: message text is empty");
      expect(caption.description).toBe("Bad Request: message caption is too long");
    });

    it("checks inline keyboards: callback_data is 1-64 bytes", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      const button = (data: string) => ({ inline_keyboard: [[{ text: "b", callback_data: data }]] });

      await api.sendMessage(ann.id, "ok", { reply_markup: button("x".repeat(64)) });
      const error = await errorOf(
        api.sendMessage(ann.id, "too long", { reply_markup: button("字".repeat(22)) }),
      );

      expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    });

    it("keeps a reply keyboard for the chat until it is removed; the Message carries only inline keyboards", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });

      const shown = await api.sendMessage(ann.id, "pick", { reply_markup: { keyboard: [[{ text: "A" }]] } });
      expect(server.state.chats.get(ann.id)?.replyKeyboard).toEqual({ keyboard: [[{ text: "A" }]] });
      await api.sendMessage(ann.id, "done", { reply_markup: { remove_keyboard: true } });

      expect(shown.reply_markup).toBeUndefined();
      expect(server.state.chats.get(ann.id)?.replyKeyboard).toBeUndefined();
    });
  });

  describe("edits", () => {
    it('replaces a message in place and answers "message is not modified" when nothing changes', async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      const keyboard = { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] };
      const sent = await api.sendMessage(ann.id, "draft", { reply_markup: keyboard });
      const edits: number[] = [];
      server.state.on("edit", ({ stored }) => edits.push(Number(stored.message.message_id)));

      const edited = await api.editMessageText(ann.id, sent.message_id, "final", { reply_markup: keyboard });
      const same = await errorOf(
        api.editMessageText(ann.id, sent.message_id, "final", { reply_markup: keyboard }),
      );
      const sameMarkup = await errorOf(
        api.editMessageReplyMarkup(ann.id, sent.message_id, { reply_markup: keyboard }),
      );
      await api.editMessageReplyMarkup(ann.id, sent.message_id);

      expect(edited).toMatchObject({ message_id: sent.message_id, text: "final", reply_markup: keyboard });
      expect((edited as { edit_date?: number }).edit_date).toBeTypeOf("number");
      expect(same.description).toMatch(/^Bad Request: message is not modified/);
      expect(sameMarkup.description).toMatch(/^Bad Request: message is not modified/);
      expect(edits).toEqual([sent.message_id, sent.message_id]);
      const stored = server.state.chats.find(server.state.chats.get(ann.id), sent.message_id)!;
      expect(stored.message.text).toBe("final");
      expect(stored.message.reply_markup).toBeUndefined();
    });

    it("refuses to edit a message that is not there or not the bot's", async () => {
      const { server, api } = await setup();
      const own = server.client.send(ann, { text: "mine" }).value;

      const missing = await errorOf(api.editMessageText(ann.id, 77, "x"));
      const foreign = await errorOf(api.editMessageText(ann.id, Number(own.message.message_id), "x"));

      expect(missing.description).toBe("Bad Request: message to edit not found");
      expect(foreign.description).toBe("Bad Request: message can't be edited");
    });

    it("deletes a message", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      const sent = await api.sendMessage(ann.id, "oops");

      expect(await api.deleteMessage(ann.id, sent.message_id)).toBe(true);
      const again = await errorOf(api.deleteMessage(ann.id, sent.message_id));

      expect(again.description).toBe("Bad Request: message to delete not found");
    });
  });

  describe("callback queries", () => {
    it("delivers a tap as a callback_query and takes one answer, shown as a toast", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      const sent = await api.sendMessage(ann.id, "choose", {
        reply_markup: { inline_keyboard: [[{ text: "Yes", callback_data: "y" }]] },
      });
      const answers: unknown[] = [];
      server.state.on("callbackAnswer", (answer) => answers.push(answer));

      const tapped = server.client.press(ann, sent.message_id, "y");
      const update = (await nextUpdates(api)).find((u) => u.callback_query);
      await api.answerCallbackQuery(tapped.value, { text: "Done" });
      const twice = await errorOf(api.answerCallbackQuery(tapped.value));
      const forged = await errorOf(api.answerCallbackQuery("12345"));

      expect(update?.callback_query).toMatchObject({ id: tapped.value, data: "y", from: { id: ann.id } });
      expect(update?.callback_query?.message?.message_id).toBe(sent.message_id);
      expect(answers).toEqual([
        {
          callbackQueryId: tapped.value,
          chatId: ann.id,
          messageId: sent.message_id,
          showAlert: false,
          text: "Done",
        },
      ]);
      expect(twice.description).toBe(
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      );
      expect(forged.error_code).toBe(400);
      expect(() => server.client.press(ann, sent.message_id, "forged")).toThrow(ClientActionError);
    });
  });

  describe("files", () => {
    it("serves getFile and downloads for what a persona uploaded", async () => {
      const { server, api } = await setup();
      server.client.send(ann, {
        photo: { content: TINY_PNG, fileName: "lamp.png", mimeType: "image/png" },
        caption: "看",
      });
      server.client.send(ann, { document: { content: Buffer.from("%PDF-1.4"), fileName: "报告.pdf" } });
      const [photo, document] = (await nextUpdates(api)).map((u) => u.message!);

      const photoFile = await api.getFile(photo!.photo!.at(-1)!.file_id);
      const download = await fetch(`${server.apiRoot}/file/bot${server.token}/${photoFile.file_path}`);

      expect(photo?.photo?.at(-1)).toMatchObject({ width: 1, height: 1, file_size: TINY_PNG.length });
      expect(photo?.caption).toBe("看");
      expect(Buffer.from(await download.arrayBuffer())).toEqual(TINY_PNG);
      expect(document?.document).toMatchObject({ file_name: "报告.pdf", file_size: 8 });
      expect((await fetch(`${server.apiRoot}/file/bot1:wrong/${photoFile.file_path}`)).status).toBe(401);
    });

    it("refuses a photo that is not an image, from the persona and from the bot", async () => {
      const { server, api } = await setup();
      const notImage = { content: Buffer.from("plain text"), fileName: "a.jpg" };

      expect(() => server.client.send(ann, { photo: notImage })).toThrow(
        expect.objectContaining({ reason: "not_an_image" }),
      );
      server.client.send(ann, { text: "/start" });
      const error = await errorOf(api.sendPhoto(ann.id, new InputFile(Buffer.from("text"), "a.jpg")));

      expect(error.description).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    });

    it("re-sends a known file_id and refuses an unknown one", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { document: { content: Buffer.from("x"), fileName: "my notes.txt" } });
      const fileId = (await nextUpdates(api))[0]!.message!.document!.file_id;

      const again = await api.sendDocument(ann.id, fileId);
      const unknown = await errorOf(api.sendDocument(ann.id, "no-such-file"));
      const asPhoto = await errorOf(api.sendPhoto(ann.id, fileId));

      expect(again.document?.file_id).toBe(fileId);
      expect(unknown.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
      expect(asPhoto.description).toBe("Bad Request: can't use file of type Document as Photo");
    });

    it("gives the bot a persona's voice note and location as Telegram does, and the voice back by file_id", async () => {
      const { server, api } = await setup();
      const ogg = Buffer.from("OggS voice");
      server.client.send(ann, { voice: { content: ogg, fileName: "note.ogg", duration: 3.4 } });
      server.client.send(ann, { location: { latitude: 30.27, longitude: 120.15 } });

      const [voice, location] = (await nextUpdates(api)).map((u) => u.message!);
      const echoed = await api.sendVoice(ann.id, voice!.voice!.file_id);
      const file = await api.getFile(voice!.voice!.file_id);
      const download = await fetch(`${server.apiRoot}/file/bot${server.token}/${file.file_path}`);

      expect(voice!.voice).toMatchObject({ duration: 3, mime_type: "audio/ogg", file_size: ogg.length });
      expect(location!.location).toEqual({ latitude: 30.27, longitude: 120.15 });
      expect(echoed.voice?.file_unique_id).toBe(voice!.voice!.file_unique_id);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(ogg);
    });

    it("reads a multipart upload whose file name has spaces (grammY does not quote it)", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });

      const sent = await api.sendDocument(
        ann.id,
        new InputFile(Buffer.from("BEGIN:VCALENDAR"), "接待日 3 月.ics"),
      );

      expect(sent.document?.file_name).toBe("接待日 3 月.ics");
      expect(server.state.files.get(sent.document!.file_id)?.size).toBe(15);
    });
  });

  describe("updates and webhooks", () => {
    it("confirms updates with the offset, and a newer poll ends an older one with 409", async () => {
      const { server, api } = await setup();
      const older = api.getUpdates({ timeout: 30 });
      await server.waitFor((calls) => calls.length === 1);
      const newer = api.getUpdates({ timeout: 30 });

      expect((await errorOf(older)).error_code).toBe(409);
      const sent = server.client.send(ann, { text: "hi" });
      expect((await newer).map((u) => u.update_id)).toEqual([sent.updateId]);
      const handled = server.state.updates.handled(sent.updateId, 1000);
      expect(await nextUpdates(api, sent.updateId + 1)).toEqual([]);
      await handled;
    });

    it("posts updates to a webhook with its secret until it answers 2xx; getUpdates is then a 409", async () => {
      const received: { secret?: string; update: Update }[] = [];
      let failFirst = true;
      const hook: Server = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
          if (failFirst) {
            failFirst = false;
            res.writeHead(500).end();
            return;
          }
          received.push({
            secret: req.headers["x-telegram-bot-api-secret-token"] as string,
            update: JSON.parse(body),
          });
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
      closers.push(() => new Promise((resolve) => hook.close(() => resolve())));
      const { server, api } = await setup();

      await api.setWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, {
        secret_token: "s3cret",
      });
      const conflict = await errorOf(api.getUpdates());
      const sent = server.client.send(ann, { text: "via webhook" });
      await server.state.updates.handled(sent.updateId, 5000);
      const info = await api.getWebhookInfo();
      await api.deleteWebhook();

      expect(conflict.error_code).toBe(409);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ secret: "s3cret", update: { message: { text: "via webhook" } } });
      expect(info).toMatchObject({
        pending_update_count: 0,
        last_error_message: "Wrong response from the webhook: 500",
      });
      expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    });
  });

  describe("commands, limits and bad requests", () => {
    it("keeps a command menu per language, as a persona's Telegram app shows it", async () => {
      const { server, api } = await setup();
      await api.setMyCommands([{ command: "new", description: "Raise a concern" }]);
      await api.setMyCommands([{ command: "new", description: "反映问题" }], { language_code: "zh" });

      const invalid = await errorOf(api.setMyCommands([{ command: "New Case", description: "x" }]));

      expect(server.state.commandsFor({ chatId: bo.id, languageCode: "zh-hans" })).toEqual([
        { command: "new", description: "反映问题" },
      ]);
      expect(server.state.commandsFor({ chatId: ann.id, languageCode: "en" })).toEqual([
        { command: "new", description: "Raise a concern" },
      ]);
      expect(await api.getMyCommands({ language_code: "zh" })).toEqual([
        { command: "new", description: "反映问题" },
      ]);
      expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    });

    it("finds a user's menu as Telegram does: their chat's scope, then all private chats, then default", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      server.client.send(bo, { text: "/start" });
      const menu = (command: string) => [{ command, description: command }];
      await api.setMyCommands(menu("default"));
      await api.setMyCommands(menu("default_zh"), { language_code: "zh" });
      await api.setMyCommands(menu("private"), { scope: { type: "all_private_chats" } });
      await api.setMyCommands(menu("ann"), { scope: { type: "chat", chat_id: ann.id } });
      await api.setMyCommands(menu("ann_zh"), {
        scope: { type: "chat", chat_id: ann.id },
        language_code: "zh",
      });
      const menuOf = (user: TelegramUser, languageCode = user.language_code) =>
        server.state.commandsFor({ chatId: user.id, languageCode })[0]?.command;

      expect([menuOf(ann), menuOf(ann, "zh-hant"), menuOf(bo)]).toEqual(["ann", "ann_zh", "private"]);
      await api.deleteMyCommands({ scope: { type: "chat", chat_id: ann.id } });
      await api.deleteMyCommands({ scope: { type: "all_private_chats" } });
      expect([menuOf(ann), menuOf(ann, "zh-hant"), menuOf(bo)]).toEqual(["default", "ann_zh", "default_zh"]);
      expect(
        await api.getMyCommands({ scope: { type: "chat", chat_id: ann.id }, language_code: "zh" }),
      ).toEqual(menu("ann_zh"));

      const errors = await Promise.all([
        errorOf(api.setMyCommands(menu("x"), { scope: { type: "everyone" } as never })),
        errorOf(api.setMyCommands(menu("x"), { scope: { type: "chat" } as never })),
        errorOf(api.setMyCommands(menu("x"), { scope: { type: "chat", chat_id: 999 } })),
        errorOf(api.setMyCommands(menu("x"), { language_code: "zh-hans" as never })),
      ]);
      expect(errors.map((e) => e.description)).toEqual([
        "Bad Request: can't parse BotCommandScope: unknown scope type",
        "Bad Request: chat_id is empty",
        "Bad Request: chat not found",
        "Bad Request: invalid language code specified",
      ]);
    });

    it("answers 429 with retry_after when its optional rate limit is on", async () => {
      const { server, api } = await setup();
      server.client.send(ann, { text: "/start" });
      server.setRateLimit({ perChatPerSecond: 1 });

      await api.sendMessage(ann.id, "one");
      const limited = await errorOf(api.sendMessage(ann.id, "two"));
      server.setRateLimit(undefined);
      await api.sendMessage(ann.id, "three");

      expect(limited.error_code).toBe(429);
      expect(limited.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(server.textsTo(ann.id)).toEqual(["one", "three"]);
    });

    it("answers an unknown method 404 and logs it; a malformed body gets a Telegram-shaped 400", async () => {
      const lines: string[] = [];
      const logger = pino(
        { level: "warn" },
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      );
      const { server } = await setup({ logger });
      const post = (method: string, body: string) =>
        fetch(`${server.apiRoot}/bot${server.token}/${method}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });

      const unknown = await post("sendTelepathy", "{}");
      const malformed = await post("sendMessage", "{not json");
      const notObject = await post("sendMessage", "[1,2]");
      const noChat = await post("sendMessage", JSON.stringify({ text: "to nobody" }));

      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({
        ok: false,
        error_code: 404,
        description: "Not Found: method not found",
      });
      expect(
        lines.some((line) => line.includes("sendTelepathy") && line.includes("unknown Bot API method")),
      ).toBe(true);
      expect(await malformed.json()).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse JSON object",
      });
      expect(notObject.status).toBe(400);
      expect(await noChat.json()).toMatchObject({
        error_code: 400,
        description: "Bad Request: chat_id is empty",
      });
      // Still serving.
      expect((await post("getMe", "{}")).status).toBe(200);
    });
  });
});
