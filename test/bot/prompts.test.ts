// A prompt waiting for one text ends when the person moves on (any command, another button, the
// time limit), and a deputy's text reaches the citizen or changes the case only after Send
// (issue 7, item 1). Driven as people drive the bot: updates in, Bot API calls out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("prompts on %s", (dialect) => {
  let bot: TestBot;
  let clock = new Date("2026-03-02T02:00:00Z");
  let deputy: TestUser;
  let citizen: TestUser;
  let caseId: number;

  const citizenTexts = () => citizen.texts().join("\n");
  const events = () =>
    bot.prisma.concernEvent.findMany({ where: { concernId: caseId }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { PROMPT_TIMEOUT_MINUTES: "10" } });
    deputy = bot.user(2301, { firstName: "王代表" });
    citizen = bot.user(3301, { firstName: "张三" });
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await citizen.onboard("QS-CG-DM");
    caseId = await raiseConcern(bot, citizen, "小区门口的路灯坏了。");
    await deputy.press("受理");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 3_600_000);
  });

  it("ends Reply on a command: Reply, /inbox, /help, then a text reaches nobody", async () => {
    const before = await events();
    await deputy.press("回复");
    await deputy.send("/inbox");
    await deputy.send("/help");
    await deputy.send("晚上不回家吃饭了");
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("晚上不回家吃饭了");
    expect(await events()).toEqual(before);
    expect(deputy.lastText()).toContain("这条消息没有发送,也没有保存");
    expect(deputy.lastText()).toContain("您发送了其他命令");
    expect(deputy.lastText()).toContain("本次输入(诉求 ");
    expect(deputy.lastText()).not.toMatch(/的(留言|回复)的/);
    expect(deputy.texts().join("\n")).not.toContain("请确认发给群众的回复");
    // The late text is not offered as a new concern either, and the next text is ordinary again.
    expect(deputy.findButton("作为新诉求提交")).toBeUndefined();
  });

  it("ends Resolve and Decline on a command: the case is not closed by a stray text", async () => {
    for (const button of ["办结", "不予处理"]) {
      await deputy.press(button);
      await deputy.send("/my");
      await deputy.send("好的");
      const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
      expect(concern.status).toBe("accepted");
      expect(deputy.lastText()).toContain("这条消息没有发送");
    }
  });

  it("ends a prompt when another button is tapped", async () => {
    await deputy.press("回复");
    await deputy.press("查看详情");
    await deputy.send("这句话不该发出去");
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("这句话不该发出去");
    expect(deputy.lastText()).toContain("您点击了其他按钮");
  });

  it("ends a prompt after PROMPT_TIMEOUT_MINUTES", async () => {
    await deputy.press("回复");
    clock = new Date(clock.getTime() + 11 * 60_000);
    await deputy.send("迟到的回复");
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("迟到的回复");
    expect(deputy.lastText()).toContain("超过 10 分钟没有输入");
  });

  it("keeps a prompt answered in time, and shows the text back before it is sent", async () => {
    await deputy.press("回复");
    clock = new Date(clock.getTime() + 9 * 60_000);
    await deputy.send("明天上午派人来修。");
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("明天上午派人来修。");
    expect(deputy.lastText()).toContain("请确认发给群众的回复");
    expect(deputy.lastText()).toContain("明天上午派人来修。");
    const firstSend = deputy.findButton("发送")!;

    // Edit: a new text replaces the first; the first check's Send no longer sends anything.
    await deputy.press("修改");
    await deputy.send("明天下午派人来修。");
    await deputy.pressData(firstSend.data, firstSend.messageId);
    expect(deputy.callbackAnswers().at(-1)).toBe("这个确认已失效,没有发送任何内容。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(citizenTexts()).toContain("明天下午派人来修。");
    expect(citizenTexts()).not.toContain("明天上午派人来修。");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("您的回复已送达群众");
    const messages = (await events()).filter((e) => e.kind === "message");
    expect(messages.map((e) => e.text)).toEqual(["明天下午派人来修。"]);
  });

  it("sends nothing on Cancel, or when the check is left for a command", async () => {
    await deputy.press("回复");
    await deputy.send("取消的回复");
    await deputy.press("取消");
    expect(deputy.lastText()).toBe("已取消,没有发送任何内容。");
    await deputy.press("回复");
    await deputy.send("搁置的回复");
    const send = deputy.findButton("发送")!;
    await deputy.send("/inbox");
    await deputy.pressData(send.data, send.messageId);
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("取消的回复");
    expect(citizenTexts()).not.toContain("搁置的回复");
    expect(deputy.callbackAnswers().at(-1)).toBe("这个确认已失效,没有发送任何内容。");
  });

  it("refuses a forged Send", async () => {
    await deputy.press("回复");
    await deputy.send("伪造确认之前");
    await deputy.pressData("cs:send:AAAAAAAA");
    await deputy.pressData("cs:send:not-a-nonce-at-all");
    await bot.drainJobs();
    expect(citizenTexts()).not.toContain("伪造确认之前");
  });

  it("resolves the case only after Send", async () => {
    await deputy.press("办结");
    await deputy.send("路灯已修好。");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("accepted");
    expect(deputy.lastText()).toContain("请确认办理结果");
    await deputy.press("发送");
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(concern.status).toBe("resolved");
    expect(concern.outcome).toBe("路灯已修好。");
  });

  it("lets a citizen's message go at once, and ends the citizen's prompt on a command too", async () => {
    await bot.drainJobs();
    await citizen.press("不满意");
    await citizen.press("补充说明");
    await citizen.send("/my");
    await citizen.send("这句补充不该转交");
    await bot.drainJobs();
    expect(deputy.texts().join("\n")).not.toContain("这句补充不该转交");
    expect(citizen.lastText()).toContain("这条消息没有发送");
    await citizen.press("补充说明");
    await citizen.send("灯还是不亮。");
    expect(citizen.lastText()).toContain("已转交办理人员");
    await bot.drainJobs();
    expect(deputy.texts().join("\n")).toContain("灯还是不亮。");
  });

  it("says so in English", async () => {
    const english = bot.user(2302, { firstName: "Li", languageCode: "en" });
    await inviteDeputy(bot, english, "QS-CG-DM");
    const other = bot.user(3302);
    await other.onboard("QS-CG-DM");
    await raiseConcern(bot, other, "另一条诉求");
    await english.send(`/inbox`);
    await english.press(/·/);
    await english.press("Reply");
    await english.send("/help");
    await english.send("stray words");
    expect(english.lastText()).toContain("This message was neither sent nor saved");
    expect(english.lastText()).toContain("you sent another command");
    await english.press("Reply");
    await english.send("We will fix it tomorrow.");
    expect(english.lastText()).toContain("Check your reply to the citizen");
  });
});
