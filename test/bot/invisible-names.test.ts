// A person whose Telegram name has no visible character (a zero-width space, a Hangul filler)
// and no username is still named: with a label holding their numeric id, wherever the bot
// names a person (the new-case notice, the case card, the timeline, acceptance, replies).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { hasVisibleCharacter, personName } from "../../src/domain/person-name.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe("names without a visible character", () => {
  it("fall back to the username, then to the numeric id", () => {
    for (const blank of ["\u200B", "\u200B\u200C", "\u3164", "\u2800", " \u2060 ", "\uFEFF"]) {
      expect(hasVisibleCharacter(blank)).toBe(false);
      expect(personName({ firstName: blank, telegramId: 42n })).toBe("ID 42");
      expect(personName({ firstName: blank, username: "li", telegramId: 42n })).toBe("@li");
    }
    expect(personName({ firstName: "张三", lastName: "\u200B" })).toBe("张三");
    expect(personName({ firstName: "🙂" })).toBe("🙂");
  });
});

describe.each(testDialects)("an invisible name in the concern loop on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let citizen: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    deputy = bot.user(2101, { firstName: "\u3164" });
    citizen = bot.user(3101, { firstName: "\u200B" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
  });
  afterAll(() => bot.close());

  it("names the citizen by id in the deputy's notice, card and timeline", async () => {
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("小区门口的井盖不见了");
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("ID 3101");
    await deputy.press("受理");
    await bot.drainJobs();
    // The citizen reads who accepted: the deputy, named by id.
    expect(citizen.lastText()).toContain("ID 2101");
    await citizen.send("/my");
    await citizen.press(/\d{4}-\d{5}/);
    expect(citizen.lastText()).toContain("ID 2101");
  });
});
