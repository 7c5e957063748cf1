// The whole loop, driven as people drive it: a deputy joins by invite, a citizen raises a
// concern, the deputy accepts, they exchange messages, the deputy resolves, the citizen is
// unsatisfied (the case re-opens), the deputy resolves again and the citizen is satisfied.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("the concern loop on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let otherDeputy: TestUser;
  let citizen: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    deputy = bot.user(2001, { firstName: "王代表", username: "wang_deputy" });
    otherDeputy = bot.user(2002, { firstName: "李代表" });
    citizen = bot.user(3001, { firstName: "张三", username: "zhangsan" });
    for (const [user, district] of [
      [deputy, "QS-CG-DM"],
      [otherDeputy, "QS-SQ-SQ"],
    ] as const) {
      const invite = await createInvite(bot.prisma, {
        role: "representative",
        districtCode: district,
        ttlHours: 1,
        now: new Date(),
      });
      await user.send(`/start inv_${invite.token}`);
      await user.press("同意并继续");
    }
  });
  afterAll(() => bot.close());

  it("makes the invited account a representative of its district", async () => {
    const record = await deputy.record();
    expect(record?.role).toBe("representative");
    const assignments = await bot.prisma.representativeAssignment.findMany({
      where: { userId: record!.id },
      include: { district: true },
    });
    expect(assignments.map((a) => a.district.code)).toEqual(["QS-CG-DM"]);
    expect(deputy.texts().join("\n")).toContain("您已登记为 <b>东门社区</b> 的人大代表");
  });

  it("gives the citizen a case number at once and stores the concern with its photo", async () => {
    await citizen.onboard("QS-CG-DM");
    expect(citizen.texts().join("\n")).toContain("您的选区已设为 <b>东门社区</b>");
    await citizen.send("/new");
    await citizen.send("东门社区3号楼前的路灯坏了一个星期,晚上很黑。");
    await citizen.sendPhoto("这是现场照片");
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");

    const concern = await bot.prisma.concern.findFirstOrThrow({
      include: { attachments: true, category: true },
    });
    expect(citizen.lastText()).toContain(`您的诉求编号是 <b>${concern.caseNo}</b>`);
    expect(concern.caseNo).toMatch(/^\d{4}-00001$/);
    expect(concern.status).toBe("new");
    expect(concern.description).toBe("东门社区3号楼前的路灯坏了一个星期,晚上很黑。\n这是现场照片");
    expect(concern.category?.code).toBe("roads-traffic");
    expect(concern.anonymous).toBe(false);
    expect(concern.attachments.map((a) => a.kind)).toEqual(["photo"]);
    expect(concern.dueAt!.getTime() - concern.createdAt.getTime()).toBe(15 * 24 * 3600 * 1000);
  });

  it("notifies the district's deputy through the queue, and nobody else", async () => {
    const before = deputy.texts().length;
    expect(await bot.prisma.job.count({ where: { task: "notify", status: "queued" } })).toBe(1);
    await bot.drainJobs();
    const newTexts = deputy.texts().slice(before);
    expect(newTexts).toHaveLength(1);
    expect(newTexts[0]).toContain("本选区有新的群众诉求");
    expect(newTexts[0]).toContain("张三 (@zhangsan)");
    expect(otherDeputy.texts().some((t) => t.includes("新的群众诉求"))).toBe(false);
    expect(await bot.prisma.job.count({ where: { status: "done" } })).toBe(1);
  });

  it("lets the deputy accept it and tells the citizen", async () => {
    await deputy.press("受理");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.status).toBe("accepted");
    expect(concern.assigneeId).toBe((await deputy.record())!.id);
    await bot.drainJobs();
    expect(citizen.lastText()).toContain(`您的诉求 <b>${concern.caseNo}</b> 已由 人大代表 王代表受理`);
  });

  it("carries the deputy's reply to the citizen and the citizen's answer back", async () => {
    await deputy.press("回复");
    await deputy.send("已联系街道办,明天派人维修。");
    expect(deputy.lastText()).toContain("请确认发给群众的回复");
    await deputy.press("发送");
    expect(deputy.lastText()).toContain("正在发给群众");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("人大代表 王代表回复了您的诉求");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("您的回复已送达群众");
    expect(citizen.lastText()).toContain("已联系街道办,明天派人维修。");

    await citizen.press("补充说明");
    await citizen.send("谢谢,另外旁边的井盖也松了。");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("谢谢,另外旁边的井盖也松了。");
    const events = await bot.prisma.concernEvent.findMany({
      where: { kind: "message" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.actorRole, e.text])).toEqual([
      ["representative", "已联系街道办,明天派人维修。"],
      ["citizen", "谢谢,另外旁边的井盖也松了。"],
    ]);
  });

  it("sends the outcome with a rating prompt; 不满意 re-opens the case and tells the deputy", async () => {
    await deputy.press("办结");
    await deputy.send("路灯已修复。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("办理结果:路灯已修复。");
    expect(citizen.findButton("不满意")).toBeDefined();

    await citizen.press("不满意");
    const reopened = await bot.prisma.concern.findFirstOrThrow();
    expect(reopened.status).toBe("reopened");
    expect(citizen.lastText()).toContain("已重新进入办理");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("对办理结果不满意,诉求已重新进入办理");
  });

  it("records a second outcome and a satisfied rating, and refuses a second rating", async () => {
    await deputy.press("办结");
    await deputy.send("路灯和井盖都已修好,已回访确认。");
    await deputy.press("发送");
    await bot.drainJobs();
    await citizen.press("满意");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.status).toBe("resolved");
    expect(concern.rating).toBe("satisfied");
    expect(concern.outcome).toBe("路灯和井盖都已修好,已回访确认。");

    const data = citizen.findButton("满意")!.data;
    await citizen.pressData(data);
    expect(citizen.callbackAnswers().at(-1)).toContain("不能评价");
    expect((await bot.prisma.concern.findFirstOrThrow()).rating).toBe("satisfied");
  });

  it("keeps every step on the timeline, with actor and time", async () => {
    const events = await bot.prisma.concernEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => `${e.kind}:${e.actorRole}:${e.toStatus ?? ""}`)).toEqual([
      "created:citizen:new",
      "status:representative:accepted",
      "message:representative:",
      "message:citizen:",
      "status:representative:resolved",
      "rating:citizen:reopened",
      "status:representative:resolved",
      "rating:citizen:resolved",
    ]);
    expect(events.every((e) => e.actorId !== null && e.createdAt instanceof Date)).toBe(true);
  });

  it("lists the citizen's cases with /my and shows the timeline when one is opened", async () => {
    await citizen.send("/my");
    expect(citizen.lastText()).toContain("您共反映了 1 条诉求");
    await citizen.press(/·/);
    const text = citizen.lastText();
    expect(text).toContain("已办结(已解决)");
    expect(text).toContain("办理记录");
    expect(text).toContain("评价:满意");
  });

  it("shows the deputy's inbox of open cases only", async () => {
    await deputy.send("/inbox");
    expect(deputy.lastText()).toContain("目前没有待办诉求");
  });
});

describe("anonymity", () => {
  let bot: TestBot;
  afterAll(() => bot.close());

  it("never identifies an anonymous citizen to the deputy", async () => {
    bot = await TestBot.create();
    const deputy = bot.user(2101, { firstName: "赵代表" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-BS-HT",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
    const citizen = bot.user(3101, { firstName: "钱小姐", username: "qian_secret" });
    await citizen.onboard("QS-BS-HT");
    await citizen.send("/new");
    await citizen.send("村口垃圾长期无人清运。");
    await citizen.press("描述完成");
    await citizen.press("不确定,跳过");
    await citizen.press("☐ 匿名反映");
    expect(citizen.lastText()).toContain("匿名(代表和工作人员看不到您的身份)");
    await citizen.press("提交");
    await bot.drainJobs();
    await deputy.press("查看详情");
    await deputy.press("回复");
    await deputy.send("收到,已转告村委会。");
    await deputy.press("发送");
    await citizen.press("补充说明");
    await citizen.send("谢谢代表。");
    await bot.drainJobs();
    const seenByDeputy = deputy.received.map((c) => JSON.stringify(c.payload)).join("\n");
    expect(seenByDeputy).toContain("匿名群众");
    expect(seenByDeputy).not.toContain("钱小姐");
    expect(seenByDeputy).not.toContain("qian_secret");
    expect(seenByDeputy).not.toContain("3101");
    expect((await bot.prisma.concern.findFirstOrThrow()).anonymous).toBe(true);
  });
});
