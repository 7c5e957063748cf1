// A photo or album sent outside /new gets the same "new concern?" offer as text, once per album,
// and accepting it starts a draft holding every item and the caption (issue 7, item 9). Each
// offer holds its own content: accepting an older one files exactly what it was made for
// (issue 7, review item 1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("photos sent outside /new, on %s", (dialect) => {
  let bot: TestBot;
  let citizen: TestUser;

  const offers = () => citizen.texts().filter((t) => /^要把(这段话|您发来的照片或文件)/.test(t));

  /** The "作为新诉求提交" buttons of every offer sent so far, oldest first, with their messages. */
  function offerButtons() {
    return citizen.received
      .filter((c) => c.method === "sendMessage")
      .flatMap((c) => {
        const rows = (
          c.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] }
        )?.inline_keyboard;
        const yes = rows?.flat().find((b) => b.text === "作为新诉求提交");
        const messageId = (c.result as { message_id: number }).message_id;
        return yes?.callback_data ? [{ data: yes.callback_data, messageId }] : [];
      });
  }

  /** Goes from the draft to a submitted case; returns it with its attachments. */
  async function submit() {
    await citizen.press("描述完成");
    await citizen.press("不确定,跳过");
    const skip = citizen.findButton("不是,继续提交我的诉求");
    if (skip) await citizen.pressData(skip.data, skip.messageId);
    await citizen.press("提交");
    return bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" }, include: { attachments: true } });
  }

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    citizen = bot.user(3801, { firstName: "张三" });
    await citizen.onboard("QS-CG-DM");
  });
  afterAll(() => bot.close());

  it("offers one captioned photo as a new concern, with a yes and a no, and keeps the caption", async () => {
    await citizen.sendPhoto("路灯坏了");
    expect(citizen.texts().join("\n")).not.toContain("暂不支持这种消息");
    expect(offers()).toHaveLength(1);
    expect(citizen.findButton("不用了")).toBeDefined();
    await citizen.press("作为新诉求提交");
    expect(citizen.lastText()).toContain("1 个附件");
    const concern = await submit();
    expect(concern.description).toBe("路灯坏了");
    expect(concern.attachments.map((a) => a.kind)).toEqual(["photo"]);
  });

  it("makes one offer for a whole album, and the draft holds every photo and the caption", async () => {
    const before = offers().length;
    const album = { media_group_id: "album-1" };
    await citizen.sendPhoto("垃圾堆了一周", album);
    await citizen.sendPhoto(undefined, album);
    await citizen.sendPhoto(undefined, album);
    expect(offers()).toHaveLength(before + 1);
    await citizen.press("作为新诉求提交");
    expect(citizen.lastText()).toContain("3 个附件");
    const concern = await submit();
    expect(concern.description).toBe("垃圾堆了一周");
    expect(concern.attachments).toHaveLength(3);
  });

  it("adds the rest of an album that arrives after the offer was accepted, without a message per photo", async () => {
    const album = { media_group_id: "album-2" };
    await citizen.sendPhoto("井盖松了", album);
    await citizen.press("作为新诉求提交");
    const texts = citizen.texts().length;
    await citizen.sendPhoto(undefined, album);
    expect(citizen.texts().length).toBe(texts);
    const concern = await submit();
    expect(concern.description).toBe("井盖松了");
    expect(concern.attachments).toHaveLength(2);
  });

  it("files nothing on no", async () => {
    const count = await bot.prisma.concern.count();
    await citizen.sendPhoto("随手拍");
    await citizen.press("不用了");
    expect(citizen.lastText()).toBe("好的,这些照片或文件没有作为诉求提交。");
    await citizen.send("/new");
    expect(citizen.lastText()).toContain("请描述您要反映的问题");
    expect(await bot.prisma.concern.count()).toBe(count);
  });

  it("files the text an older offer was made for, not the newer one, and the newer one still works", async () => {
    await citizen.press("取消"); // the draft /new opened above
    await citizen.send("A:路口红绿灯不亮");
    await citizen.send("B:小区门口积水");
    const [a, b] = offerButtons().slice(-2);
    await citizen.pressData(a!.data, a!.messageId);
    const first = await submit();
    expect(first.description).toBe("A:路口红绿灯不亮");
    await citizen.pressData(b!.data, b!.messageId);
    const second = await submit();
    expect(second.description).toBe("B:小区门口积水");
  });

  it("keeps an older offer open while a draft is being written, and says why it waits", async () => {
    await citizen.send("C:路灯不亮");
    await citizen.send("D:垃圾没清");
    const [c, d] = offerButtons().slice(-2);
    await citizen.pressData(d!.data, d!.messageId);
    await citizen.pressData(c!.data, c!.messageId);
    expect(citizen.callbackAnswers().at(-1)).toBe(
      "您正在填写另一条诉求。请先提交或取消它,再回到这里提交这段内容。",
    );
    expect((await submit()).description).toBe("D:垃圾没清");
    await citizen.pressData(c!.data, c!.messageId);
    expect((await submit()).description).toBe("C:路灯不亮");
  });

  it("files a photo's offer with its own photo when a text was offered after it", async () => {
    await citizen.sendPhoto("E:树倒了");
    await citizen.send("F:另一件事");
    const [photo] = offerButtons().slice(-2);
    await citizen.pressData(photo!.data, photo!.messageId);
    const concern = await submit();
    expect(concern.description).toBe("E:树倒了");
    expect(concern.attachments).toHaveLength(1);
  });

  it("edits an offer that dropped out of the open ones into expired, and a tap on it files nothing", async () => {
    const start = offerButtons().length;
    for (let i = 1; i <= 6; i++) await citizen.send(`G${i}:第${i}件事`);
    const oldest = offerButtons()[start]!;
    const edit = bot.fake
      .callsTo("editMessageText")
      .find((c) => c.payload.chat_id === citizen.id && c.payload.message_id === oldest.messageId);
    expect(edit?.payload.text).toBe(
      "这条提示已过期,对应的内容没有提交。如需反映问题,请发送 /new 或重新发送内容。",
    );
    expect(edit?.payload.reply_markup).toBeUndefined();
    const count = await bot.prisma.concern.count();
    await citizen.pressData(oldest.data, oldest.messageId);
    expect(citizen.callbackAnswers().at(-1)).toBe("这条提示已过期,对应的内容没有提交。");
    expect(citizen.lastText()).not.toContain("已记录");
    expect(await bot.prisma.concern.count()).toBe(count);
  });

  it("answers a forged or pre-upgrade offer button as expired, never an exception", async () => {
    await citizen.pressData("nc:text");
    expect(citizen.callbackAnswers().at(-1)).toBe("这条提示已过期,对应的内容没有提交。");
    await citizen.pressData("nc:text:../x");
    expect(citizen.callbackAnswers().at(-1)).toBe("这条提示已过期,对应的内容没有提交。");
  });
});
