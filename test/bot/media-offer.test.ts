// A photo or album sent outside /new gets the same "new concern?" offer as text, once per album,
// and accepting it starts a draft holding every item and the caption (issue 7, item 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("photos sent outside /new, on %s", (dialect) => {
  let bot: TestBot;
  let citizen: TestUser;

  const offers = () => citizen.texts().filter((t) => t.includes("要把这段话作为新的诉求"));

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
    expect(citizen.lastText()).toBe("好的,这段话没有作为诉求提交。");
    await citizen.send("/new");
    expect(citizen.lastText()).toContain("请描述您要反映的问题");
    expect(await bot.prisma.concern.count()).toBe(count);
  });
});
