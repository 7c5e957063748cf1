// Forged buttons, other districts' cases, unknown commands, oversized and unsupported input:
// each gets a clear answer in the user's language, never an exception or a leak.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

const apology = "抱歉,处理您的消息时出错了";

describe("bad input", () => {
  let bot: TestBot;
  let deputy: TestUser;
  let outsider: TestUser;
  let citizen: TestUser;
  let caseId: number;

  async function makeDeputy(user: TestUser, districtCode: string) {
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode,
      ttlHours: 1,
      now: new Date(),
    });
    await user.send(`/start inv_${invite.token}`);
    await user.press("同意并继续");
  }

  beforeEach(async () => {
    bot = await TestBot.create();
    deputy = bot.user(2001, { firstName: "王代表" });
    outsider = bot.user(2002, { firstName: "李代表" });
    citizen = bot.user(3001, { firstName: "张三" });
    await makeDeputy(deputy, "QS-CG-DM");
    await makeDeputy(outsider, "QS-SQ-SQ");
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("小区门口积水严重。");
    await citizen.press("描述完成");
    await citizen.press("环境卫生");
    await citizen.press("提交");
    caseId = (await bot.prisma.concern.findFirstOrThrow()).id;
    await bot.drainJobs();
  });
  afterEach(() => bot.close());

  const noApology = (user: TestUser) =>
    expect([...user.texts(), ...user.callbackAnswers()].some((t) => t.includes(apology))).toBe(false);

  it.each([
    ["an unknown prefix", "zz:1"],
    ["a malformed id", "ca:accept:abc"],
    ["an unknown action", "ca:destroy:1"],
    ["too many fields", "rt:1:s:extra"],
    ["an out-of-range id", "co:99999999999999"],
  ])("answers forged callback data with %s as an expired button", async (_name, data) => {
    await citizen.pressData(data);
    expect(citizen.callbackAnswers().at(-1)).toMatch(/按钮已失效|找不到这条诉求/);
    noApology(citizen);
  });

  it("does not let a deputy of another district accept, reply to, resolve or open a case", async () => {
    for (const action of ["accept", "reply", "resolve", "decline", "files"]) {
      await outsider.pressData(`ca:${action}:${caseId}`);
      expect(outsider.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    }
    await outsider.pressData(`co:${caseId}`);
    expect(outsider.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(concern.status).toBe("new");
    expect(concern.assigneeId).toBeNull();
    // No flow was started: the session is not stored at all, or stored without a flow.
    const session = await bot.prisma.session.findUnique({ where: { key: "2002" } });
    expect(session === null || JSON.parse(session.value).flow === undefined).toBe(true);
    expect(outsider.texts().some((t) => t.includes("小区门口积水严重"))).toBe(false);
  });

  it("re-checks scope when the text of a reply arrives, not only when the button is pressed", async () => {
    // A flow forged into the outsider's session (as if their scope changed meanwhile).
    const forged = JSON.stringify({
      flow: { kind: "resolve", concernId: caseId },
      promptStartedAt: new Date().toISOString(),
    });
    await bot.prisma.session.upsert({
      where: { key: "2002" },
      create: { key: "2002", value: forged, updatedAt: new Date() },
      update: { value: forged },
    });
    await outsider.send("随便办结");
    expect(outsider.lastText()).toBe("找不到这条诉求,或您无权查看。");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("new");
  });

  it("does not let another citizen open or rate someone else's case", async () => {
    const stranger = bot.user(3002);
    await stranger.onboard("QS-CG-DM");
    await stranger.pressData(`co:${caseId}`);
    expect(stranger.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    await stranger.pressData(`rt:${caseId}:u`);
    expect(stranger.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).rating).toBeNull();
  });

  it("refuses an action the case's status does not allow", async () => {
    await deputy.pressData(`ca:accept:${caseId}`);
    await deputy.pressData(`ca:accept:${caseId}`);
    expect(deputy.callbackAnswers().at(-1)).toContain("当前状态为“办理中”");
    expect(await bot.prisma.concernEvent.count({ where: { toStatus: "accepted" } })).toBe(1);
  });

  it("answers unknown commands", async () => {
    await citizen.send("/frobnicate now");
    expect(citizen.lastText()).toBe("没有这个命令。发送 /help 查看可用的命令。");
  });

  it("rejects an oversized description and keeps the draft", async () => {
    await citizen.send("/new");
    await citizen.send("长".repeat(2001));
    expect(citizen.lastText()).toContain("内容太长了(2,001 字),最多 2,000 字");
    await citizen.send("短的描述");
    expect(citizen.lastText()).toContain("已记录:4 字");
  });

  it("answers unsupported media inside and outside a draft", async () => {
    const sticker = {
      sticker: {
        file_id: "st",
        file_unique_id: "st",
        type: "regular",
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    };
    await citizen.sendMessage(sticker as never);
    expect(citizen.lastText()).toBe("暂不支持这种消息。可以发送文字、照片、文件或语音。");
    await citizen.send("/new");
    await citizen.sendMessage({ contact: { phone_number: "+8613800000000", first_name: "某人" } });
    expect(citizen.lastText()).toBe("这里只能接收文字、照片、文件、语音、视频和位置。");
    await citizen.sendMessage({
      document: {
        file_id: "big",
        file_unique_id: "big",
        file_name: "video.mp4",
        file_size: 30 * 1024 * 1024,
      },
    });
    expect(citizen.lastText()).toBe("文件太大,最大 20 MB。");
  });

  it("offers free text as a new concern", async () => {
    await citizen.send("楼道灯不亮");
    expect(citizen.lastText()).toBe("要把这段话作为新的诉求反映给代表吗?");
    await citizen.press("作为新诉求提交");
    expect(citizen.lastText()).toContain("已记录:5 字");
  });

  it("asks for consent before anything else", async () => {
    const newcomer = bot.user(4001);
    await newcomer.send("/new");
    expect(newcomer.lastText()).toContain("欢迎使用人大代表联络站机器人");
    // Who sees a case includes the department it is referred to (its content, not the citizen).
    expect(newcomer.lastText()).toContain("承办部门能看到诉求的内容,但看不到您的身份");
    expect(await bot.prisma.concern.count({ where: { citizen: { telegramId: 4001n } } })).toBe(0);
  });

  it("apologises instead of crashing when handling fails", async () => {
    bot.fake.failWith({
      method: "sendMessage",
      chatId: citizen.id,
      kind: "400",
      description: "Bad Request: can't parse entities",
      times: 1,
    });
    const { claim } = await citizen.send("/my");
    expect(claim).toBe("claimed");
    expect(citizen.lastText()).toBe("抱歉,处理您的消息时出错了,请稍后再试。");
    await citizen.send("/my");
    expect(citizen.lastText()).toContain("您共反映了 1 条诉求");
  });

  it("takes an update delivered twice into account once", async () => {
    const first = await citizen.send("/my");
    const count = citizen.texts().length;
    const again = await bot.deliver(first.update);
    expect(again.claim).toBe("done");
    expect(citizen.texts().length).toBe(count);
  });

  it("ignores group chats", async () => {
    const before = bot.fake.sent.length;
    await bot.deliver({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "group", title: "g" },
        from: { id: 3001, is_bot: false, first_name: "张三" },
        text: "/new",
        entities: [{ type: "bot_command", offset: 0, length: 4 }],
      },
    });
    expect(bot.fake.sent.length).toBe(before);
  });

  it("refuses used, expired and unknown invites", async () => {
    const invite = await createInvite(bot.prisma, {
      role: "staff",
      districtCode: "QS",
      ttlHours: 1,
      now: new Date(Date.now() - 2 * 3600_000),
    });
    const user = bot.user(5001);
    await user.send(`/start inv_${invite.token}`);
    expect(user.texts()[0]).toBe("该邀请链接已过期,请向联络站索取新的链接。");
    await user.send("/start inv_nonexistent");
    expect(user.texts().some((t) => t === "邀请链接无效,请向联络站索取新的链接。")).toBe(true);
    expect((await user.record())?.role).toBe("citizen");
  });
});

describe("blocking the bot", () => {
  it("marks a user inactive when they block the bot, and active again when they come back", async () => {
    const bot = await TestBot.create();
    try {
      const user = bot.user(6001);
      await user.onboard();
      const member = (status: "kicked" | "member") => ({
        my_chat_member: {
          chat: { id: 6001, type: "private" as const, first_name: "U" },
          from: user.from,
          date: 0,
          old_chat_member: {
            status: "member" as const,
            user: { id: 1, is_bot: true as const, first_name: "bot" },
          },
          new_chat_member:
            status === "kicked"
              ? {
                  status: "kicked" as const,
                  until_date: 0,
                  user: { id: 1, is_bot: true as const, first_name: "bot" },
                }
              : { status: "member" as const, user: { id: 1, is_bot: true as const, first_name: "bot" } },
        },
      });
      await bot.deliver(member("kicked"));
      expect((await user.record())?.inactiveAt).toBeInstanceOf(Date);
      await bot.deliver(member("member"));
      expect((await user.record())?.inactiveAt).toBeNull();
    } finally {
      await bot.close();
    }
  });
});
