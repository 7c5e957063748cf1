// The command menu Telegram shows each user: citizens the citizens' commands in their app's
// language (the default menus); deputies, staff and administrators their role's commands in
// the language they chose, set for their own chat once their role or language changes. Read
// as a Telegram app finds a menu (the embedded Bot API's commandsFor: chat scope first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.js";
import { createInvite } from "../../src/db/queries/invites.js";
import { inviteDeputy } from "../helpers/case-flow.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe("the command menu", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.create({ env: { ADMIN_IDS: "9101" } });
    await registerCommands(bot.app.bot.api, bot.app.deps.i18n, "zh-CN");
  });
  afterAll(() => bot.close());

  /** The menu the user's Telegram app shows: command names, and the description of the first. */
  const menuOf = (user: TestUser, languageCode: string) => {
    const menu = bot.fake.state.commandsFor({ chatId: user.id, languageCode });
    return { commands: menu.map((c) => c.command), first: menu[0]?.description };
  };
  const chatMenuCalls = (user: TestUser) =>
    bot.fake
      .callsTo("setMyCommands")
      .filter((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === user.id);

  it("offers citizens only what they can use, in their app's language", async () => {
    const citizen = bot.user(3501);
    await citizen.onboard("QS-CG-DM");

    const zh = menuOf(citizen, "zh-hans");
    const en = menuOf(citizen, "en");
    expect(zh.commands).toEqual(en.commands);
    expect(zh.commands).toContain("new");
    expect(zh.commands).toContain("help");
    expect(zh.commands).toContain("id");
    for (const command of ["inbox", "stats", "broadcast", "invite"])
      expect(zh.commands).not.toContain(command);
    expect([zh.first, en.first]).toEqual(["反映问题", "Raise a concern"]);
    expect(chatMenuCalls(citizen)).toEqual([]);
  });

  it("gives a deputy, a staff member and an administrator their role's commands in their language", async () => {
    const deputy = bot.user(2501);
    const staff = bot.user(2502, { languageCode: "en" });
    const admin = bot.user(9101);
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await inviteDeputy(bot, staff, "QS-CG", "staff");
    await admin.onboard("QS-CG-DM");

    // Whatever language their app has: the menu is in the language they use the bot in.
    const deputyMenu = menuOf(deputy, "en");
    const staffMenu = menuOf(staff, "zh-hans");
    const adminMenu = menuOf(admin, "en");
    expect(deputyMenu.commands).toEqual(expect.arrayContaining(["new", "inbox", "stats", "activity_new"]));
    expect(deputyMenu.commands).not.toContain("broadcast");
    expect(deputyMenu.commands).not.toContain("review");
    expect(deputyMenu.first).toBe("反映问题");
    expect(staffMenu.commands).toEqual(
      expect.arrayContaining(["inbox", "broadcast", "review", "moderation"]),
    );
    expect(staffMenu.commands).not.toContain("invite");
    expect(staffMenu.first).toBe("Raise a concern");
    expect(adminMenu.commands).toEqual(expect.arrayContaining(["inbox", "broadcast", "invite", "districts"]));
    expect(adminMenu.commands.at(-1)).toBe("help");
    // /id in every role's menu, in the user's language (issue 7, items 13–14: an admin asks for it).
    for (const menu of [deputyMenu, staffMenu, adminMenu]) expect(menu.commands).toContain("id");
    const idOf = (user: TestUser, code: string) =>
      bot.fake.state.commandsFor({ chatId: user.id, languageCode: code }).find((c) => c.command === "id");
    expect(idOf(deputy, "en")?.description).toBe("我的 Telegram 数字 ID");
    expect(idOf(staff, "zh-hans")?.description).toBe("My numeric Telegram id");
  });

  it("gives a department contact their referrals", async () => {
    const invite = await createInvite(bot.prisma, {
      role: "department",
      districtCode: "transport",
      ttlHours: 1,
      now: new Date(),
    });
    const contact = bot.user(5201, { languageCode: "en" });
    await contact.send(`/start inv_${invite.token}`);

    const menu = menuOf(contact, "en");
    expect(menu.commands).toContain("referrals");
    expect(menu.commands).not.toContain("inbox");
  });

  it("sets a deputy's menu once, and again in the new language after /language", async () => {
    const deputy = bot.user(2503);
    await inviteDeputy(bot, deputy, "QS-CG-XJ");
    await deputy.send("/help");
    await deputy.send("/inbox");
    expect(chatMenuCalls(deputy)).toHaveLength(1);

    await deputy.send("/language");
    await deputy.press("English");

    expect(chatMenuCalls(deputy)).toHaveLength(2);
    expect(menuOf(deputy, "zh-hans").first).toBe("Raise a concern");
    expect(menuOf(deputy, "zh-hans").commands).toContain("inbox");
  });
});
