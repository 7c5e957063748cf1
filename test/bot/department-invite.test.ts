// Department contacts join by invite, like deputies: from the admin command line and from the
// bot's /invite. The link makes the account a contact of that department; bad codes get a
// clear answer and create nothing.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runAdmin } from "../../src/admin.js";
import { testDialects } from "../helpers/database.js";
import { TestBot } from "../helpers/test-bot.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe.each(testDialects)("department invites on %s", (dialect) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { ADMIN_IDS: "9001" } });
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    vi.stubEnv("BOT_TOKEN", "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("admin invite department prints a link that makes the redeemer a contact of that department", async () => {
    const { io, out } = capture();
    const code = await runAdmin(["invite", "department", "transport", "--bot", "liaison_test_bot"], io, {
      db: bot.db,
    });
    expect(code).toBe(0);
    expect(out[1]).toContain("department of transport 青山县交通运输局");
    const token = out[0]!.match(/start=inv_([\w-]+)/)![1];
    const contact = bot.user(5101, { firstName: "交通局联系人" });
    await contact.send(`/start inv_${token}`);
    expect(contact.texts().join("\n")).toContain("您已登记为 <b>青山县交通运输局</b> 的联系人");
    const user = await contact.record();
    expect(user?.role).toBe("department");
    const rows = await bot.prisma.departmentContact.findMany({
      where: { userId: user!.id },
      include: { department: true },
    });
    expect(rows.map((r) => [r.department.code, r.removedAt])).toEqual([["transport", null]]);
  });

  it("admin invite department with an unknown code exits with 1 and creates no invite", async () => {
    const before = await bot.prisma.invite.count();
    const { io, err } = capture();
    expect(
      await runAdmin(["invite", "department", "nope", "--bot", "liaison_test_bot"], io, { db: bot.db }),
    ).toBe(1);
    expect(err[0]).toContain('unknown department code "nope"');
    expect(await bot.prisma.invite.count()).toBe(before);
  });

  it("/invite department in the bot makes a link for that department; a deputy who redeems it keeps the higher role", async () => {
    const admin = bot.user(9001, { firstName: "Admin" });
    await admin.send("/start");
    await admin.press("同意并继续");
    await admin.send("/invite department housing");
    expect(admin.lastText()).toContain("职能部门联系人邀请链接(部门 ");
    expect(admin.lastText()).toContain("(housing),");
    const token = admin.lastText().match(/start=inv_([\w-]+)/)![1];
    const staff = bot.user(5102);
    await staff.send("/start");
    await staff.press("同意并继续");
    await bot.prisma.user.update({ where: { telegramId: 5102n }, data: { role: "staff" } });
    await staff.send(`/start inv_${token}`);
    const user = await staff.record();
    expect(user?.role).toBe("staff");
    const rows = await bot.prisma.departmentContact.findMany({ where: { userId: user!.id } });
    expect(rows).toHaveLength(1);
  });

  it("/invite department with an unknown code answers clearly in both languages and creates nothing", async () => {
    const admin = bot.user(9001);
    const before = await bot.prisma.invite.count();
    await admin.send("/invite department nope");
    expect(admin.lastText()).toBe("没有代码为 <code>nope</code> 的职能部门。");
    await admin.send("/language");
    await admin.press("English");
    await admin.send("/invite department nope");
    expect(admin.lastText()).toBe("There is no department with code <code>nope</code>.");
    expect(await bot.prisma.invite.count()).toBe(before);
  });
});
