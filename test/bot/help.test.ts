// /help lists only what the reader's roles can use, and a submitted concern is "received"
// (已收到), keeping 受理 for the deputy's acceptance (issue 7, smaller items).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleCommands } from "../../src/bot/commands.js";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { joinDepartment } from "./referral-helpers.js";

describe("help and wording", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.create({ env: { ADMIN_IDS: "9001,9002" } });
  });
  afterAll(() => bot.close());

  it("shows each role only its own commands, in both languages", async () => {
    const citizen = bot.user(3401);
    const deputy = bot.user(2401);
    const staff = bot.user(2402, { languageCode: "en" });
    const admin = bot.user(9001);
    await citizen.onboard("QS-CG-DM");
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await inviteDeputy(bot, staff, "QS-CG", "staff");
    await admin.onboard("QS-CG-DM");
    for (const user of [citizen, deputy, staff, admin]) await user.send("/help");
    expect(citizen.lastText()).toContain("/new");
    expect(citizen.lastText()).not.toContain("/inbox");
    expect(citizen.lastText()).not.toContain("/broadcast");
    expect(deputy.lastText()).toContain("/inbox");
    expect(deputy.lastText()).not.toContain("/broadcast");
    expect(deputy.lastText()).not.toContain("/invite");
    expect(staff.lastText()).toContain("/inbox");
    expect(staff.lastText()).toContain("/broadcast broadcast a notice");
    expect(staff.lastText()).not.toContain("/invite");
    expect(admin.lastText()).toContain("/broadcast");
    expect(admin.lastText()).toContain("/invite");
  });

  /** The commands a /help answer lists: each line that starts with one. */
  const helpCommands = (text: string) =>
    text.split("\n").flatMap((line) => /^\/([a-z_]+)/.exec(line)?.[1] ?? []);

  /** The commands of the menu Telegram was given for this user's own chat, in order. */
  const chatMenu = (user: TestUser) => {
    const call = bot.fake
      .callsTo("setMyCommands")
      .filter((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === user.id)
      .at(-1);
    return (call?.payload.commands as { command: string }[] | undefined)?.map((c) => c.command);
  };

  it.each([
    ["citizen", "zh-hans", 5101],
    ["representative", "zh-hans", 5102],
    ["staff", "zh-hans", 5103],
    ["staff", "en", 5104],
    ["admin", "zh-hans", 9002],
    ["department", "zh-hans", 5105],
  ] as const)(
    "lists in /help exactly the commands of a %s's menu (%s), no more and no fewer",
    async (role, languageCode, id) => {
      const user = bot.user(id, { languageCode });
      if (role === "citizen" || role === "admin") await user.onboard("QS-CG-DM");
      else if (role === "department") await joinDepartment(bot, user, "transport", new Date());
      else await inviteDeputy(bot, user, role === "staff" ? "QS-CG" : "QS-CG-DM", role);
      await user.send("/help");
      const listed = helpCommands(user.lastText());
      const expected = roleCommands(role);
      expect([...new Set(listed)].sort()).toEqual([...expected].sort());
      if (role !== "citizen") expect(chatMenu(user)).toEqual(expected);
    },
  );

  it("says 已收到 / Received at submission, and 受理 only when a deputy accepts", async () => {
    const citizen = bot.user(3402);
    await citizen.onboard("QS-CG-DM");
    await raiseConcern(bot, citizen, "路边的树倒了。");
    const submitted = citizen.texts().find((t) => t.includes("您的诉求编号是"))!;
    expect(submitted).toContain("已收到");
    expect(submitted).not.toContain("受理");

    const english = bot.user(3403, { languageCode: "en" });
    await english.onboard("QS-CG-DM");
    await raiseConcern(bot, english, "A fallen tree.");
    const received = english.texts().find((t) => t.includes("Your case number is"))!;
    expect(received).toContain("Received");
    expect(received).not.toMatch(/accepted/i);
  });
});
