import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApi, type FakeBotApiOptions } from "../../helpers/fake-bot-api.js";

let fake: FakeBotApi | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  options?: FakeBotApiOptions,
  timeoutSeconds?: number,
): Promise<{ fake: FakeBotApi; api: Api }> {
  fake = await FakeBotApi.start(options);
  const api = new Api(fake.token, { apiRoot: fake.apiRoot, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
  return { fake, api };
}

/** Runs `promise` expecting a rejection and returns the error. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("FakeBotApi", () => {
  it("records sendMessage and answers with a Message", async () => {
    const { fake, api } = await setup();
    const markup = { inline_keyboard: [[{ text: "Yes", callback_data: "y" }]] };

    const first = await api.sendMessage(42, "hello", { reply_markup: markup });
    const second = await api.sendMessage(42, "again");

    expect(first).toMatchObject({
      message_id: 1,
      chat: { id: 42, type: "private" },
      from: { id: fake.botInfo.id, is_bot: true },
      text: "hello",
      reply_markup: markup,
    });
    expect(second.message_id).toBe(2);
    expect(fake.textsTo(42)).toEqual(["hello", "again"]);
    expect(fake.callsTo("sendMessage")[0]?.payload).toMatchObject({ chat_id: 42, text: "hello" });
    expect(fake.sent).toHaveLength(2);
    expect(await api.getMe()).toEqual(fake.botInfo);
  });

  it("surfaces a 403 rule as GrammyError and keeps the call out of sent", async () => {
    const { fake, api } = await setup();
    fake.failWith({ method: "sendMessage", chatId: 7, kind: "403", times: 1 });

    const error = await rejectionOf(api.sendMessage(7, "blocked?"));

    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(403);
    expect((error as GrammyError).description).toBe("Forbidden: bot was blocked by the user");
    expect(fake.sent).toEqual([]);
    expect(fake.callsTo("sendMessage")[0]?.failed).toBe("403");
    // times: 1 is exhausted, so the next call goes through.
    await api.sendMessage(7, "now it works");
    expect(fake.textsTo(7)).toEqual(["now it works"]);
  });

  it("answers a 429 rule with parameters.retry_after", async () => {
    const { fake, api } = await setup();
    fake.failWith({ kind: "429", retryAfter: 3 });

    const error = await rejectionOf(api.sendMessage(1, "x"));

    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(3);
    expect((error as GrammyError).description).toBe("Too Many Requests: retry after 3");
  });

  it("enforces the global rate limit on a burst", async () => {
    const { fake, api } = await setup({ rateLimit: { globalPerSecond: 30 } });

    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => api.sendMessage(1000 + i, `m${i}`)),
    );

    const passed = results.filter((r) => r.status === "fulfilled");
    const limited = results.flatMap((r) => (r.status === "rejected" ? [r.reason as GrammyError] : []));
    expect(passed.length).toBeLessThanOrEqual(30);
    expect(passed.length + limited.length).toBe(40);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    for (const error of limited) {
      expect(error).toBeInstanceOf(GrammyError);
      expect(error.error_code).toBe(429);
      expect(error.parameters.retry_after).toBeGreaterThanOrEqual(1);
    }
    expect(fake.sent).toHaveLength(passed.length);
    expect(fake.calls).toHaveLength(40);
  });

  it("enforces the per-chat and group limits", async () => {
    const { fake, api } = await setup({ rateLimit: { perChatPerSecond: 1 } });

    await api.sendMessage(5, "first");
    const error = await rejectionOf(api.sendMessage(5, "second"));
    await api.sendMessage(6, "other chat is fine");
    for (let i = 0; i < 20; i++) await api.sendMessage(-100 - i, "spread over groups");

    expect((error as GrammyError).error_code).toBe(429);
    expect(fake.textsTo(5)).toEqual(["first"]);
    expect(fake.textsTo(6)).toHaveLength(1);
    expect(fake.sent).toHaveLength(22);
  });

  it("long-polls getUpdates and confirms with offset", async () => {
    const { fake, api } = await setup();

    const poll = api.getUpdates({ timeout: 5 });
    await fake.waitFor((calls) => calls.some((c) => c.method === "getUpdates"));
    const updateId = fake.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 9, type: "private", first_name: "Ann" },
        from: { id: 9, is_bot: false, first_name: "Ann" },
        text: "/start",
      },
    });
    const updates = await poll;

    expect(updateId).toBe(1000);
    expect(updates.map((u) => u.update_id)).toEqual([1000]);
    expect(updates[0]?.message?.text).toBe("/start");
    // Still held by Telegram until confirmed.
    expect(fake.pendingUpdates).toHaveLength(1);
    expect(await api.getUpdates({ offset: updateId + 1, timeout: 0 })).toEqual([]);
    expect(fake.pendingUpdates).toEqual([]);
  });

  it("answers an empty long poll when closed", async () => {
    const { fake, api } = await setup();
    const poll = api.getUpdates({ timeout: 30 });
    await fake.waitFor((calls) => calls.length === 1);

    await fake.close();

    expect(await poll).toEqual([]);
  });

  it("records multipart uploads with filename and size", async () => {
    const { fake, api } = await setup();

    const message = await api.sendDocument(3, new InputFile(Buffer.from("hello"), "a.txt"), {
      caption: "123",
    });

    const payload = fake.callsTo("sendDocument")[0]?.payload ?? {};
    expect(payload.chat_id).toBe(3);
    expect(payload.caption).toBe("123"); // free text is not JSON-parsed into a number
    expect(payload.document).toMatchObject({ filename: "a.txt", size: 5 });
    expect((payload.document as { content: Buffer }).content.toString()).toBe("hello");
    expect(fake.state.files.get(message.document!.file_id)?.fileName).toBe("a.txt");
    expect(fake.textsTo(3)).toEqual(["123"]);
  });

  it("delivers a timed-out send while the client call fails", async () => {
    const { fake, api } = await setup({}, 1);
    fake.failWith({ method: "sendMessage", kind: "timeout", times: 1 });

    const error = await rejectionOf(api.sendMessage(11, "lost answer"));

    expect(error).toBeInstanceOf(HttpError);
    expect(fake.textsTo(11)).toEqual(["lost answer"]);
    expect(fake.calls[0]?.failed).toBe("timeout");
  });

  it("drops the connection on a network rule without delivering", async () => {
    const { fake, api } = await setup();
    fake.failWith({ kind: "network", times: 1 });

    const error = await rejectionOf(api.sendMessage(12, "never arrives"));

    expect(error).toBeInstanceOf(HttpError);
    expect(fake.sent).toEqual([]);
    expect(fake.calls[0]?.failed).toBe("network");
  });

  it("serves getFile and file downloads", async () => {
    const { fake, api } = await setup();
    const content = Buffer.from("voice bytes");
    fake.addFile("voice/file_1.oga", content, "file-1");

    const file = await api.getFile("file-1");
    const response = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);

    expect(file).toMatchObject({
      file_id: "file-1",
      file_size: content.length,
      file_path: "voice/file_1.oga",
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/missing`)).status).toBe(404);
  });

  it("rejects unknown tokens and methods like Telegram", async () => {
    const { fake } = await setup();

    const badToken = await fetch(`${fake.apiRoot}/bot1:wrong/getMe`, { method: "POST" });
    const badMethod = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMesage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 1, text: "typo" }),
    });

    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    expect(badMethod.status).toBe(404);
    expect(await badMethod.json()).toMatchObject({
      error_code: 404,
      description: "Not Found: method not found",
    });
    expect(fake.sent).toEqual([]);
  });

  it("waitFor rejects with the last calls listed", async () => {
    const { fake, api } = await setup();
    await api.sendMessage(1, "only this");

    const error = await rejectionOf(fake.waitFor((calls) => calls.length > 5, 100));

    expect((error as Error).message).toContain('sendMessage chat_id=1 "only this"');
  });
});
