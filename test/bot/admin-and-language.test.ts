import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TestBot } from "../helpers/test-bot.js";

describe("administrators in the bot", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.create({ env: { ADMIN_IDS: "9001" } });
  });
  afterEach(() => bot.close());

  it("lets an admin from ADMIN_IDS create an invite whose link makes a staff member", async () => {
    const admin = bot.user(9001, { firstName: "Admin" });
    await admin.send("/start");
    await admin.press("同意并继续");
    expect((await admin.record())?.role).toBe("admin");
    await admin.send("/invite staff QS-CG");
    // The district by its name, with the code typed (issue 7 review, item 5).
    expect(admin.lastText()).toContain("(选区 城关街道(QS-CG),");
    const link = admin.lastText().match(/https:\/\/t\.me\/liaison_test_bot\?start=(inv_[\w-]+)/);
    expect(link).not.toBeNull();
    const staff = bot.user(9002);
    await staff.send(`/start ${link![1]}`);
    const record = await staff.record();
    expect(record?.role).toBe("staff");
    const district = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    expect(record?.staffDistrictId).toBe(district.id);
  });

  it("tells an admin about an unknown district and shows the codes", async () => {
    const admin = bot.user(9001);
    await admin.send("/start");
    await admin.press("同意并继续");
    await admin.send("/invite representative NOPE");
    expect(admin.lastText()).toContain("没有代码为 <code>NOPE</code> 的选区");
    await admin.send("/districts");
    expect(admin.lastText()).toContain("<code>QS-CG-DM</code> 东门社区 / Dongmen Community");
  });

  it("loads a seed file sent as a document with the caption /seed", async () => {
    const admin = bot.user(9001);
    await admin.send("/start");
    await admin.press("同意并继续");
    const seed = { districts: [{ code: "NEW", nameZh: "新区", nameEn: "New District", level: "county" }] };
    bot.fake.addFile("documents/seed.json", Buffer.from(JSON.stringify(seed)), "seed-file");
    await admin.sendMessage({
      document: { file_id: "seed-file", file_unique_id: "seed", file_name: "seed.json", file_size: 100 },
      caption: "/seed",
    });
    expect(admin.lastText()).toBe("导入完成:选区 1 个,联络站 0 个,部门 0 个,类别 0 个。");
    expect(await bot.prisma.district.findUnique({ where: { code: "NEW" } })).not.toBeNull();
  });

  it("treats admin commands from anyone else as unknown", async () => {
    const citizen = bot.user(9100);
    await citizen.onboard();
    await citizen.send("/invite staff QS");
    expect(citizen.lastText()).toBe("没有这个命令。发送 /help 查看可用的命令。");
    expect(await bot.prisma.invite.count()).toBe(0);
  });
});

describe("languages", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.create();
  });
  afterEach(() => bot.close());

  it("speaks English to a user whose Telegram is in English", async () => {
    const user = bot.user(8001, { languageCode: "en" });
    await user.send("/start d_QS-SQ-LJ");
    expect(user.lastText()).toContain("What we store");
    await user.press("Agree and continue");
    expect(user.texts().join("\n")).toContain("Your district is now <b>Liujia Village</b>.");
  });

  it("switches language with /language and keeps it", async () => {
    const user = bot.user(8002, { languageCode: "zh-hans" });
    await user.onboard();
    await user.send("/language");
    await user.press("English");
    expect(user.lastText()).toBe("The interface language is now English.");
    await user.send("/my");
    expect(user.lastText()).toBe("You have not raised any concern yet. Send /new to start.");
    expect((await user.record())?.locale).toBe("en");
  });

  it("falls back to the default locale for other Telegram languages", async () => {
    const user = bot.user(8003, { languageCode: "fr" });
    await user.send("/start");
    expect(user.lastText()).toContain("欢迎使用人大代表联络站机器人");
  });
});
