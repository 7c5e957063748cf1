// A case bounced between departments: each return goes to the staff covering the district to
// re-route (here they refuse it, sending it back); the third return — more than twice — also
// reaches the staff above. The department and staff act through their buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { referCase } from "../../src/db/queries/referrals.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";

describe.each(testDialects)("a referral bounced more than twice on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let department: TestUser;
  let township: TestUser;
  let county: TestUser;
  let referralId: number;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    const staff = await addUser(bot.prisma, { telegramId: 6201, staffOf: "QS-CG" });
    await addUser(bot.prisma, { telegramId: 6202, staffOf: "QS" });
    const citizen = await addUser(bot.prisma, { telegramId: 6203, district: "QS-CG-DM" });
    const contact = await addUser(bot.prisma, { telegramId: 6204 });
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    await bot.prisma.user.update({ where: { id: contact.id }, data: { role: "department" } });
    await bot.prisma.departmentContact.create({
      data: { departmentId: transport.id, userId: contact.id, createdAt: clock },
    });
    township = bot.user(6201);
    county = bot.user(6202);
    department = bot.user(6204);
    const concern = await fileConcern(bot.db, {
      citizenId: citizen.id,
      district: "QS-CG-DM",
      text: "河道垃圾。",
      now: clock,
    });
    const cg = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    const subtree = await bot.prisma.district.findMany({ where: { path: { startsWith: cg.path } } });
    const [referral] = await referCase(bot.db, {
      concernId: concern.id,
      departmentIds: [transport.id],
      actor: {
        kind: "staff",
        userId: staff.id,
        scope: { kind: "districts", districtIds: new Set(subtree.map((d) => d.id)) },
      },
      time: {
        now: clock,
        calendar: (await loadWorkingCalendar(bot.prisma)).calendar,
        timeZone: "Asia/Shanghai",
      },
    });
    referralId = referral!.id;
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  async function returnIt() {
    await department.pressData(`rf:ret:${referralId}:0`);
    await department.press("职责不清");
    await department.press("无法确定");
    await bot.drainJobs();
  }

  it("sends the first two returns to the township's staff only, who refuse them", async () => {
    for (let bounce = 1; bounce <= 2; bounce++) {
      await returnIt();
      expect((await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe(
        "returned",
      );
      expect(township.lastText()).toContain("请在一个工作日内改派");
      await township.press("不同意退回");
      expect(township.callbackAnswers().at(-1)).toBe("已退回原部门继续办理");
      await bot.drainJobs();
      expect(department.lastText()).toContain("联络站不同意退回");
    }
    expect(county.texts()).toEqual([]);
  });

  it("escalates the third return to the staff above", async () => {
    await returnIt();
    expect(county.texts()).toHaveLength(1);
    expect(county.lastText()).toContain("已被退回两次以上,请协调承办部门");
    expect(await bot.prisma.concernEvent.count({ where: { kind: "referral_returned" } })).toBe(3);
  });
});
