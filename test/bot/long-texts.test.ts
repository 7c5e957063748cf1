// No one's words are cut: a long concern, a case's Details and a long reply arrive whole, in
// several messages when one cannot hold them (Telegram: 4,096 characters of text, 1,024 of a
// caption, counted after parsing), cut only between characters, never inside a surrogate
// pair, an HTML entity or a tag; a deputy's reply may carry a photo, which reaches the citizen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitEntityText, splitHtml } from "../../src/bot/split-text.js";
import { fitPart } from "../../src/bot/transport.js";
import { createInvite } from "../../src/db/queries/invites.js";
import { parseHtml } from "../../src/sandbox/bot-api/html.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

const parsedLength = (html: string) => parseHtml(html).text.length;
const parsedText = (pieces: string[]) => pieces.map((p) => parseHtml(p).text).join("");

describe("the splitter", () => {
  it("keeps a text that fits as it is", () => {
    expect(splitHtml("<b>短</b> &amp; 好")).toEqual(["<b>短</b> &amp; 好"]);
    expect(splitHtml("")).toEqual([]);
  });

  it("counts after parsing: 1,000 '&' are one message", () => {
    const html = "&amp;".repeat(1000);
    expect(splitHtml(html)).toEqual([html]);
  });

  it("never cuts inside an entity, a tag or a surrogate pair, and loses nothing", () => {
    const kinds = [
      "&amp;",
      "&lt;",
      "😀",
      "👨‍👩‍👧",
      "路",
      "a",
      " ",
      "\n",
      "<b>粗</b>",
      '<a href="https://e.x/?a=1&amp;b=2">链</a>',
    ];
    let html = "<i>";
    for (let i = 0; i < 9000; i++) html += kinds[(i * 7919) % kinds.length];
    html += "</i>";
    for (const limit of [4096, 1024, 100, 10]) {
      const pieces = splitHtml(html, limit);
      expect(pieces.length).toBeGreaterThan(1);
      for (const piece of pieces) {
        // parseHtml throws on a broken tag; a lone surrogate or a cut entity would change the text.
        expect(parsedLength(piece)).toBeLessThanOrEqual(limit);
        expect(piece).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(parsedText(pieces)).toBe(parseHtml(html).text);
    }
  });

  it("prefers a line break or a space in the second half of a piece", () => {
    const pieces = splitHtml(`${"甲".repeat(70)}\n${"乙".repeat(70)}`, 100);
    expect(pieces.map((p) => p.trim())).toEqual(["甲".repeat(70), "乙".repeat(70)]);
  });

  it("splits a text with entities, each piece keeping its share of them", () => {
    const text = "x".repeat(150);
    const pieces = splitEntityText({ text, entities: [{ type: "bold", offset: 90, length: 20 }] }, 100);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces[0]!.entities).toEqual([{ type: "bold", offset: 90, length: 10 }]);
    expect(pieces[1]!.entities).toEqual([{ type: "bold", offset: 0, length: 10 }]);
  });

  it("sends a long caption's rest as texts, the buttons on the last message", () => {
    const keyboard = { inline_keyboard: [[{ text: "k", callback_data: "k" }]] };
    const parts = fitPart({
      type: "photo",
      fileId: "f",
      caption: "字".repeat(3000),
      format: { html: true },
      keyboard,
    });
    expect(parts.map((p) => p.type)).toEqual(["photo", "text"]);
    expect(parsedLength((parts[0] as { caption: string }).caption)).toBeLessThanOrEqual(1024);
    expect(parts[0]!.keyboard).toBeUndefined();
    expect(parts[1]!.keyboard).toEqual(keyboard);
  });
});

describe.each(testDialects)("long words through the bot on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let citizen: TestUser;
  // Two messages of a draft: 3,989 characters in all , each part with a mark to find it by.
  const first = `开头${"第一段很长的诉求内容。".repeat(181)}`;
  const second = `${"第二段也很长的说明文字。".repeat(166)}结尾`;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { MAX_CONCERN_LENGTH: "4000" } });
    deputy = bot.user(2201, { firstName: "王代表" });
    citizen = bot.user(3201, { firstName: "张三" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
    await citizen.onboard("QS-CG-DM");
  });
  afterAll(() => bot.close());

  it("brings a 3,989-character concern to the deputy whole", async () => {
    await citizen.send("/new");
    await citizen.send(first);
    await citizen.send(second);
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.description).toBe(`${first}\n${second}`);
    const before = deputy.texts().length;
    await bot.drainJobs();
    const notice = deputy.texts().slice(before);
    for (const piece of notice) expect(parsedLength(piece)).toBeLessThanOrEqual(4096);
    const joined = notice.map((t) => parseHtml(t).text).join("");
    expect(joined.replace(/\s/g, "")).toContain(`${first}${second}`.replace(/\s/g, ""));
    // The buttons are on the last piece.
    expect(deputy.findButton("受理")?.messageId).toBeDefined();
  });

  it("shows the whole text in the deputy's Details and the citizen's own view", async () => {
    for (const [who, open] of [
      [deputy, async () => deputy.send("/inbox")],
      [citizen, async () => citizen.send("/my")],
    ] as const) {
      await open();
      const before = who.texts().length;
      await who.press(/\d{4}-\d{5}/);
      const shown = who
        .texts()
        .slice(before)
        .map((t) => parseHtml(t).text)
        .join("");
      expect(shown.replace(/\s/g, "")).toContain(`${first}${second}`.replace(/\s/g, ""));
    }
  });

  it("delivers a reply of 1,000 '&' whole", async () => {
    await deputy.press("回复");
    await deputy.send("&".repeat(1000));
    await deputy.press("发送");
    await bot.drainJobs();
    const text = parseHtml(citizen.lastText()).text;
    expect(text).toContain("&".repeat(1000));
    expect(await bot.prisma.job.count({ where: { status: "dead" } })).toBe(0);
  });

  it("carries a photo in a deputy's reply to the citizen", async () => {
    await deputy.press("回复");
    await deputy.sendPhoto("现场修好了,请看照片");
    await deputy.press("发送");
    await bot.drainJobs();
    const photos = bot.fake.callsTo("sendPhoto").filter((c) => Number(c.payload.chat_id) === citizen.id);
    expect(photos).toHaveLength(1);
    expect(citizen.texts().some((t) => t.includes("现场修好了,请看照片"))).toBe(true);
  });
});
