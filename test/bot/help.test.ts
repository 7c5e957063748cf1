// /help lists only what the reader's roles can use, and a submitted concern is "received"
// (已收到), keeping 受理 for the deputy's acceptance (issue 7, smaller items).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { TestBot } from "../helpers/test-bot.js";

describe("help and wording", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.create({ env: { ADMIN_IDS: "9001" } });
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
