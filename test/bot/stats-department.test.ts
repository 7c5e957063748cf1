// /stats filtered by department, driven as staff and a deputy drive it, on the hand-built
// November (test/helpers/stats-dataset.ts) with referrals added here: a department's figures
// count the cases referred to it at least once, whatever their other referrals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCaseFacts } from "../../src/db/queries/stats.js";
import { refreshCaseFacts } from "../../src/db/queries/stats-facts.js";
import { testDialects } from "../helpers/database.js";
import { addStaffMember, buildNovemberDataset, november } from "../helpers/stats-dataset.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("/stats by department on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let countyStaff: TestUser;
  let caseIds: number[];
  const departmentId = async (code: string) =>
    (await bot.prisma.department.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => november.now });
    ({ caseIds } = await buildNovemberDataset(bot.prisma));
    await addStaffMember(bot.prisma, 7201, "QS");
    deputy = bot.user(7001);
    countyStaff = bot.user(7201);
    // caseIds[0..11]: cases 1–12 (东门, the deputy's, November); [12..14]: 石桥 November
    // (13 new, 14 accepted, 15 merged); [15]: 石桥, October.
    const transport = await departmentId("transport");
    const health = await departmentId("health");
    const refer = (index: number, department: number) =>
      bot.prisma.referral.create({
        data: {
          concernId: caseIds[index] as number,
          departmentId: department,
          status: "sent",
          deadline: new Date("2026-12-31T15:59:59Z"),
          createdAt: new Date("2026-11-05T02:00:00Z"),
        },
      });
    // Transport: cases 1 (twice), 2, 3 and 13 in November, and 16 in October.
    // Health: cases 1 and 4. Housing: none.
    await refer(0, transport);
    await refer(0, transport);
    await refer(1, transport);
    await refer(2, transport);
    await refer(12, transport);
    await refer(15, transport);
    await refer(0, health);
    await refer(3, health);
  });
  afterAll(() => bot.close());

  it("counts, for staff, only the cases referred to the chosen department, each once", async () => {
    await countyStaff.send("/stats");
    // Cases 1–15 came in November.
    expect(countyStaff.lastText()).toContain("收到诉求:15 件");
    expect(countyStaff.lastText()).toContain("全部部门");
    await countyStaff.press("部门:全部");
    expect(countyStaff.lastText()).toContain("选择部门");
    await countyStaff.press("青山县交通运输局");
    // Transport: 1, 2, 3, 13 (case 1's second referral does not count it twice; 16 is October).
    expect(countyStaff.lastText()).toContain("转办至青山县交通运输局");
    expect(countyStaff.lastText()).toContain("收到诉求:4 件");
    expect(countyStaff.findButton("部门:青山县交通运输局")).toBeDefined();
    await countyStaff.press(/^部门:/);
    await countyStaff.press("青山县卫生健康局");
    // Health: 1 and 4 (case 1 also went to transport).
    expect(countyStaff.lastText()).toContain("收到诉求:2 件");
    await countyStaff.press(/^部门:/);
    await countyStaff.press("青山县住房和城乡建设局");
    expect(countyStaff.lastText()).toContain("收到诉求:0 件");
    await countyStaff.press(/^部门:/);
    await countyStaff.press("全部");
    expect(countyStaff.lastText()).toContain("收到诉求:15 件");
  });

  it("combines the department with the other filters: a deputy's own work referred to transport", async () => {
    await deputy.send("/stats");
    expect(deputy.lastText()).toContain("收到诉求:12 件");
    await deputy.press(/^部门:/);
    await deputy.press("青山县交通运输局");
    // Of transport's 1, 2, 3, 13 only 1–3 are the deputy's (13 is 石桥, unassigned).
    expect(deputy.lastText()).toContain("收到诉求:3 件");
    await deputy.press(/^类别:/);
    await deputy.press("环境卫生");
    expect(deputy.lastText()).toContain("收到诉求:0 件");
  });

  it("refuses a forged department, and keeps the question", async () => {
    await countyStaff.send("/stats");
    await countyStaff.press(/^部门:/);
    await countyStaff.press("青山县卫生健康局");
    const before = countyStaff.texts().length;
    await countyStaff.pressData("st:bpick:987654");
    expect(countyStaff.callbackAnswers().at(-1)).toBe("没有这个部门,请从列表中选择。");
    expect(countyStaff.texts().length).toBe(before);
    await countyStaff.pressData("st:back:0");
    expect(countyStaff.lastText()).toContain("收到诉求:2 件");
  });

  it("speaks English to a user who chose it", async () => {
    await bot.prisma.user.update({ where: { telegramId: 7201n }, data: { locale: "en" } });
    // In English the definitions follow in a message of their own: the summary is the one with the scope.
    const summary = () => countyStaff.texts().findLast((text) => text.includes("Scope:")) ?? "";
    await countyStaff.send("/stats");
    expect(summary()).toContain("all departments");
    await countyStaff.press("Department: All");
    expect(countyStaff.texts().some((text) => text.startsWith("Choose a department"))).toBe(true);
    await countyStaff.press("Qingshan County Transport Bureau");
    expect(summary()).toContain("referred to Qingshan County Transport Bureau");
    expect(summary()).toContain("Received: 4 concerns");
    await countyStaff.pressData("st:bpick:987654");
    expect(countyStaff.callbackAnswers().at(-1)).toBe(
      "There is no such department; please choose one from the list.",
    );
  });

  it("lists the facts of a department's cases (the report pack's path)", async () => {
    await refreshCaseFacts(bot.db, { now: november.now, timeZone: "Asia/Shanghai" });
    const facts = await listCaseFacts(bot.db, {
      start: new Date("2026-10-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
      districtIds: null,
      categoryId: null,
      deputy: null,
      departmentId: await departmentId("transport"),
    });
    expect(facts.map((f) => f.concernId)).toEqual([15, 0, 1, 2, 12].map((i) => caseIds[i]));
  });
});
