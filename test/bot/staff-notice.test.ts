// Deputies and staff get a notice written for them (confidentiality, what is logged), accepted
// once after the invite, never the citizens' privacy notice; an action waiting for consent is
// answered in one line, keeps what was typed, and does not re-send the notice (issue 7, item 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("the notice for deputies and staff, on %s", (dialect) => {
  let bot: TestBot;
  let caseId: number;

  const invite = async (role: "representative" | "staff", district: string) =>
    (await createInvite(bot.prisma, { role, districtCode: district, ttlHours: 1, now: new Date() })).token;
  const notices = (user: TestUser, marker: string) => user.texts().filter((t) => t.includes(marker)).length;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    const citizen = bot.user(3901, { firstName: "张三" });
    await citizen.onboard("QS-CG-DM");
    caseId = await raiseConcern(bot, citizen, "东门路口的红绿灯坏了。");
  });
  afterAll(() => bot.close());

  it("shows a new deputy their own notice, once, and keeps what they did meanwhile", async () => {
    const deputy = bot.user(2901, { firstName: "王代表" });
    await deputy.send(`/start inv_${await invite("representative", "QS-CG-DM")}`);
    expect(deputy.texts()[0]).toContain("您已登记为 <b>东门社区</b> 的人大代表");
    expect(deputy.lastText()).toContain("人大代表和联络站工作人员须知");
    expect(deputy.lastText()).toContain("不得转发");
    expect(deputy.lastText()).toContain("记入该诉求的办理记录");
    expect(deputy.texts().join("\n")).not.toContain("跨境提示");

    // A case button and a typed text before accepting: one line each, no second notice — so the
    // line points at the notice above, not "below" (issue 7 review, item 5).
    await deputy.pressData(`ca:accept:${caseId}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("请先阅读并同意隐私说明。");
    await deputy.send("红绿灯的事我明天去看");
    expect(deputy.lastText()).toBe(
      "请先阅读并同意上面的说明(点击其中的“同意并继续”),才能继续;您刚才发送的内容已保留。",
    );
    await deputy.send("/inbox");
    expect(deputy.lastText()).toBe(
      "请先阅读并同意上面的说明(点击其中的“同意并继续”),同意后请重新发送这个命令。",
    );
    expect(notices(deputy, "人大代表和联络站工作人员须知")).toBe(1);
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("new");

    await deputy.press("同意并继续");
    const texts = deputy.texts().join("\n");
    expect(texts).toContain("谢谢。您现在可以开始办理诉求了。");
    expect(texts).toContain("您负责的区域现有 1 件待办诉求");
    expect(deputy.lastText()).toContain("红绿灯的事我明天去看");
    expect(deputy.findButton("不用了")).toBeDefined();
    const record = await deputy.record();
    expect(record?.staffNoticeAt).not.toBeNull();
    expect(record?.consentedAt).not.toBeNull();

    // Accepted once: /start and buttons go on without any notice.
    await deputy.send("/start");
    await deputy.press(/·/);
    expect(notices(deputy, "人大代表和联络站工作人员须知")).toBe(1);
  });

  it("shows it once to a citizen who becomes staff, keeping their consent", async () => {
    const person = bot.user(2902, { firstName: "李四", languageCode: "en" });
    await person.onboard("QS-CG-DM");
    const consentedAt = (await person.record())!.consentedAt;
    await person.send(`/start inv_${await invite("staff", "QS-CG")}`);
    expect(person.lastText()).toContain("For people's congress deputies and liaison station staff");
    expect(person.lastText()).toContain("Confidentiality");
    // Consented as a citizen, but no citizen's data before accepting this notice.
    await person.pressData(`ca:accept:${caseId}`);
    expect(person.callbackAnswers().at(-1)).toBe("Please read and accept the privacy notice first.");
    await person.send("/inbox");
    expect(person.lastText()).not.toContain("东门路口");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("new");
    await person.press("Agree and continue");
    expect(person.texts().join("\n")).toContain("You can start handling cases now.");
    const record = await person.record();
    expect(record?.consentedAt).toEqual(consentedAt);
    expect(record?.staffNoticeAt).not.toBeNull();
    await person.send("/start");
    expect(notices(person, "For people's congress deputies")).toBe(1);
  });

  it("tells a deputy who has not accepted the notice of no new case, and of the open ones once they accept", async () => {
    const deputy = bot.user(2903, { firstName: "周代表" });
    await deputy.send(`/start inv_${await invite("representative", "QS-CG-XJ")}`);
    const before = deputy.received.length;
    const citizen = bot.user(3903, { firstName: "钱七" });
    await citizen.onboard("QS-CG-XJ");
    const id = await raiseConcern(bot, citizen, "西街的下水道堵了。");
    // Nothing about the case, not even queued for later: it went to whoever else covers the district.
    expect(
      deputy.received
        .slice(before)
        .map((c) => JSON.stringify(c.payload))
        .join("\n"),
    ).not.toContain("下水道");
    const jobs = await bot.prisma.job.findMany();
    const deputyId = (await deputy.record())!.id;
    expect(jobs.filter((j) => j.payload.includes(`"recipientId":${deputyId}`))).toEqual([]);
    expect(
      jobs.some((j) => j.payload.includes('"kind":"concern_new"') && j.payload.includes(`"concernId":${id}`)),
    ).toBe(true);

    await deputy.press("同意并继续");
    expect(deputy.texts().join("\n")).toContain("您负责的区域现有 1 件待办诉求");
    expect(deputy.findButton(/下水道/)).toBeDefined();
  });

  it("still shows citizens the privacy notice, and keeps what they typed before consenting", async () => {
    const citizen = bot.user(3902, { firstName: "赵六" });
    await citizen.send("/start d_QS-CG-DM");
    expect(citizen.lastText()).toContain("跨境提示");
    await citizen.send("路边井盖丢了");
    expect(citizen.lastText()).toBe(
      "请先阅读并同意上面的说明(点击其中的“同意并继续”),才能继续;您刚才发送的内容已保留。",
    );
    expect(notices(citizen, "跨境提示")).toBe(1);
    await citizen.press("同意并继续");
    expect(citizen.lastText()).toContain("路边井盖丢了");
    await citizen.press("作为新诉求提交");
    expect(citizen.lastText()).toContain("已记录");
  });
});
