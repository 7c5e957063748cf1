// The triage desk driven as deputies and staff drive it: categorise, set the priority, claim,
// assign and reassign (staff only, to a deputy of the district), with the timeline recording
// who did what and the citizen seeing none of it; and 并案: a duplicate joins a main case,
// keeps its own number, anonymity and rating, and its citizen receives the outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { callsWithEmptyKeyboardRows } from "../helpers/test-app.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { join, raise, reload, triageButton } from "./triage-helpers.js";

describe.each(testDialects)("the triage desk on %s", (dialect) => {
  let bot: TestBot;
  let deputyA: TestUser;
  let deputyB: TestUser;
  let farDeputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;
  let ids: Record<"a" | "b" | "far" | "staff", number>;
  let first: Concern;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off" } });
    deputyA = bot.user(2101, { firstName: "王代表" });
    deputyB = bot.user(2102, { firstName: "李代表" });
    farDeputy = bot.user(2103, { firstName: "赵代表" });
    staff = bot.user(2201, { firstName: "陈干事" });
    citizen = bot.user(3101, { firstName: "张三" });
    ids = {
      a: await join(bot, deputyA, "representative", "QS-CG-DM"),
      b: await join(bot, deputyB, "representative", "QS-CG-DM"),
      far: await join(bot, farDeputy, "representative", "QS-SQ-SQ"),
      staff: await join(bot, staff, "staff", "QS-CG"),
    };
    first = await raise(bot, citizen, "东门社区3号楼前的路灯坏了一个星期。", { district: "QS-CG-DM" });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lets a deputy of the district categorise the case and mark it urgent", async () => {
    await deputyA.press("分诊");
    expect(deputyA.lastText()).toContain(`分诊 · 诉求 ${first.caseNo}`);
    await deputyA.press("设置类别");
    await deputyA.press("环境卫生");
    await deputyA.press("设为紧急");
    const concern = await bot.prisma.concern.findUniqueOrThrow({
      where: { id: first.id },
      include: { category: true },
    });
    expect(concern.category?.code).toBe("environment-sanitation");
    expect(concern.priority).toBe(1);
    const events = await bot.prisma.concernEvent.findMany({
      where: { concernId: first.id, kind: { in: ["categorized", "prioritized"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.kind, e.actorId, e.actorRole])).toEqual([
      ["categorized", ids.a, "representative"],
      ["prioritized", ids.a, "representative"],
    ]);
    expect(events[1]!.text).toBe("urgent");
    expect(deputyA.lastText()).toContain("紧急程度:紧急");
  });

  it("lets a deputy claim an unassigned case, and refuses another deputy's claim on it", async () => {
    await deputyA.press("认领");
    expect((await reload(bot, first)).assigneeId).toBe(ids.a);
    // The triage card redrawn after a claim has no claim row left, and no empty row instead.
    expect(callsWithEmptyKeyboardRows(bot.fake.calls)).toEqual([]);
    await deputyB.pressData(triageButton("claim", first.id));
    expect(deputyB.callbackAnswers().at(-1)).toBe("该诉求已有承办人;如需改派,请联系联络站工作人员。");
    expect((await reload(bot, first)).assigneeId).toBe(ids.a);
  });

  it("refuses an assignment forged by a deputy: assigning is for staff", async () => {
    const before = await bot.prisma.concernEvent.count({ where: { concernId: first.id } });
    await deputyA.pressData(triageButton("assign", first.id, ids.b));
    expect(deputyA.callbackAnswers().at(-1)).toBe("只有联络站工作人员可以指派或改派。");
    expect((await reload(bot, first)).assigneeId).toBe(ids.a);
    expect(await bot.prisma.concernEvent.count({ where: { concernId: first.id } })).toBe(before);
  });

  it("lets staff reassign it to another deputy of the district, who is told", async () => {
    await staff.send("/inbox");
    // The urgent mark stands apart from the case number.
    expect(staff.texts().join("\n")).toContain(`<b>${first.caseNo}</b> ⚡紧急`);
    await staff.press(new RegExp(first.caseNo));
    expect(staff.lastText()).toContain("承办人:王代表");
    await staff.press("分诊");
    await staff.press("改派代表");
    expect(staff.findButton("赵代表")).toBeUndefined();
    await staff.press("李代表");
    expect((await reload(bot, first)).assigneeId).toBe(ids.b);
    const event = await bot.prisma.concernEvent.findFirstOrThrow({
      where: { concernId: first.id, kind: "assigned" },
      orderBy: { id: "desc" },
    });
    expect([event.actorId, event.actorRole, event.text]).toEqual([ids.staff, "staff", "李代表"]);
    await bot.drainJobs();
    expect(deputyB.lastText()).toContain(`诉求 <b>${first.caseNo}</b> 已由 陈干事 指派给您承办`);
    // The deputy who held it hears that it is no longer theirs.
    expect(deputyA.lastText()).toBe(
      `诉求 <b>${first.caseNo}</b> 已由 陈干事 改派给其他代表承办,您不再负责这件诉求。`,
    );
  });

  it("refuses to assign a case to a deputy of another district", async () => {
    await staff.pressData(triageButton("assign", first.id, ids.far));
    expect(staff.callbackAnswers().at(-1)).toBe("只能指派给该诉求所在选区的代表。");
    expect((await reload(bot, first)).assigneeId).toBe(ids.b);
  });

  it("answers a deputy of another district as if the case did not exist", async () => {
    await farDeputy.pressData(triageButton("pri", first.id, 0));
    expect(farDeputy.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    expect((await reload(bot, first)).priority).toBe(1);
  });

  it("shows who did what on the handlers' timeline and none of it to the citizen", async () => {
    await staff.pressData(`co:${first.id}`);
    const handlerView = staff.lastText();
    expect(handlerView).toContain("人大代表 王代表: 类别设为“环境卫生”");
    expect(handlerView).toContain("人大代表 王代表: 紧急程度设为“紧急”");
    expect(handlerView).toContain("人大代表 王代表: 认领");
    expect(handlerView).not.toContain("指派给 王代表");
    expect(handlerView).toContain("工作人员 陈干事: 指派给 李代表");
    await citizen.pressData(`co:${first.id}`);
    const citizenView = citizen.lastText();
    expect(citizenView).toContain(first.caseNo);
    expect(citizenView).not.toMatch(/指派|紧急|类别设为|承办人/);
  });
});

describe.each(testDialects)("merging a duplicate (并案) on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let mainCitizen: TestUser;
  let dupCitizen: TestUser;
  let farCitizen: TestUser;
  let main: Concern;
  let duplicate: Concern;
  let far: Concern;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2301, { firstName: "王代表" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await join(bot, bot.user(2302, { firstName: "孙代表" }), "representative", "QS-SQ-SQ");
    mainCitizen = bot.user(3301, { firstName: "张三" });
    dupCitizen = bot.user(3302, { firstName: "李四" });
    farCitizen = bot.user(3303, { firstName: "王五" });
    main = await raise(bot, mainCitizen, "3号楼前的路灯坏了。", { district: "QS-CG-DM" });
    far = await raise(bot, farCitizen, "村口的桥栏杆断了。", { district: "QS-SQ-SQ" });
    duplicate = await raise(bot, dupCitizen, "3号楼那边路灯不亮,晚上很黑。", {
      district: "QS-CG-DM",
      anonymous: true,
    });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  async function tryMerge(typed: string): Promise<string> {
    await deputy.pressData(triageButton("merge", duplicate.id));
    expect(deputy.lastText()).toContain(`要将诉求 <b>${duplicate.caseNo}</b> 并入的主案编号`);
    await deputy.send(typed);
    return deputy.lastText();
  }

  const askAgain = () => `\n请输入要将诉求 <b>${duplicate.caseNo}</b> 并入的主案编号(例如 2026-00042):`;

  it("refuses a merge into itself, changes nothing and asks again with the prompt still open", async () => {
    expect(await tryMerge(duplicate.caseNo)).toBe(`不能将诉求并入它自己。${askAgain()}`);
    expect((await reload(bot, duplicate)).status).toBe("new");
    // The next text is still the main case's number, not a new concern.
    await deputy.send(far.caseNo);
    expect(deputy.lastText()).toBe(`两条诉求须都在您负责的选区内,才能并案。${askAgain()}`);
    await deputy.press("取消");
  });

  it("refuses a merge across a district the deputy does not cover", async () => {
    expect(await tryMerge(far.caseNo)).toBe(`两条诉求须都在您负责的选区内,才能并案。${askAgain()}`);
    expect((await reload(bot, duplicate)).mergedIntoId).toBeNull();
  });

  it("asks again for something that is not a case number", async () => {
    expect(await tryMerge("路灯那条")).toBe("这不是诉求编号,请输入类似 2026-00042 的编号。");
    await deputy.press("取消");
  });

  it("merges the duplicate after a confirmation, and tells its own citizen", async () => {
    const preview = await tryMerge(main.caseNo.replace(/-0+/, "-"));
    expect(preview).toContain(`确认将诉求 <b>${duplicate.caseNo}</b> 并入主案 <b>${main.caseNo}</b>`);
    await deputy.press("确认并案");
    const merged = await reload(bot, duplicate);
    expect([merged.status, merged.mergedIntoId, merged.caseNo, merged.anonymous]).toEqual([
      "merged",
      main.id,
      duplicate.caseNo,
      true,
    ]);
    await bot.drainJobs();
    expect(dupCitizen.lastText()).toContain(
      `您的诉求 <b>${duplicate.caseNo}</b> 与反映同一问题的诉求并案办理`,
    );
    expect(dupCitizen.lastText()).not.toContain(main.caseNo);
    expect(dupCitizen.lastText()).not.toContain("张三");
  });

  it("sends the main case's outcome to each merged citizen under their own case number", async () => {
    await deputy.send("/inbox");
    await deputy.press(new RegExp(main.caseNo));
    await deputy.press("办结");
    await deputy.send("路灯已更换。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(mainCitizen.lastText()).toContain(`您的诉求 <b>${main.caseNo}</b> 已办结`);
    expect(mainCitizen.lastText()).toContain("路灯已更换。");
    expect(dupCitizen.lastText()).toContain(`您的诉求 <b>${duplicate.caseNo}</b> 已办结`);
    expect(dupCitizen.lastText()).toContain("路灯已更换。");
    expect(dupCitizen.lastText()).not.toContain("张三");
  });

  it("keeps each citizen's rating their own", async () => {
    await dupCitizen.press("满意");
    await mainCitizen.press("基本满意");
    expect((await reload(bot, duplicate)).rating).toBe("satisfied");
    expect((await reload(bot, main)).rating).toBe("basically_satisfied");
    expect((await reload(bot, duplicate)).status).toBe("resolved");
  });
});
