// A Telegram reply to a message the bot sent about a case goes to that case (issue 7, item 2):
// the citizen's to the people handling it, a deputy's to the citizen after Send; the "file as a
// new concern?" offer always has a "no".
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import type { RecordedCall } from "../helpers/fake-bot-api.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("replies to the bot's messages on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let outsider: TestUser;
  let citizen: TestUser;
  let caseId: number;

  /** The newest message the bot sent `user` that contains `text`. */
  const sentWith = (user: TestUser, text: string): RecordedCall => {
    const call = user.received.findLast((c) =>
      String(c.payload.text ?? c.payload.caption ?? "").includes(text),
    );
    if (!call) throw new Error(`no message with "${text}" to ${user.id}`);
    return call;
  };

  /** `user` swipe-replies to the bot's message `call` with `text`. */
  const replyTo = (user: TestUser, call: RecordedCall, text: string) => {
    const result = call.result as Message;
    const replied = {
      message_id: result.message_id,
      date: result.date,
      chat: result.chat,
      from: bot.fake.botInfo,
      text: result.text,
    };
    return user.send(text, { reply_to_message: replied as never });
  };

  const messages = () =>
    bot.prisma.concernEvent.findMany({
      where: { concernId: caseId, kind: "message" },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    deputy = bot.user(2701, { firstName: "王代表" });
    outsider = bot.user(2702, { firstName: "外区代表" });
    citizen = bot.user(3701, { firstName: "张三" });
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await inviteDeputy(bot, outsider, "QS-SQ-SQ");
    await citizen.onboard("QS-CG-DM");
    caseId = await raiseConcern(bot, citizen, "楼道里的灯坏了。");
  });
  afterAll(() => bot.close());

  it("records which case each delivered message is about", async () => {
    const notice = sentWith(deputy, "本选区有新的群众诉求");
    const ref = await bot.prisma.caseMessageRef.findUnique({
      where: {
        chatId_messageId: { chatId: BigInt(deputy.id), messageId: (notice.result as Message).message_id },
      },
    });
    expect(ref?.concernId).toBe(caseId);
  });

  it("takes a deputy's reply to the new-case notice as a reply to the citizen, after Send", async () => {
    await replyTo(deputy, sentWith(deputy, "本选区有新的群众诉求"), "明天上午来修。");
    await bot.drainJobs();
    expect(citizen.texts().join("\n")).not.toContain("明天上午来修。");
    expect(deputy.lastText()).toContain("请确认发给群众的回复");
    expect(deputy.findButton("作为新诉求提交")).toBeUndefined();
    await deputy.press("发送");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("明天上午来修。");
    expect((await messages()).map((e) => [e.actorRole, e.text])).toEqual([
      ["representative", "明天上午来修。"],
    ]);
  });

  it("passes a citizen's reply to the deputy's message on to the deputy, not as a new concern", async () => {
    await replyTo(citizen, sentWith(citizen, "明天上午来修。"), "好的,谢谢,我下午也在家。");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("已转交办理人员");
    expect(citizen.findButton("作为新诉求提交")).toBeUndefined();
    expect(deputy.lastText()).toContain("好的,谢谢,我下午也在家。");
    expect((await messages()).at(-1)?.actorRole).toBe("citizen");
    expect(await bot.prisma.concern.count()).toBe(1);
  });

  it("ties a reply to the bot's direct answer that quotes one case number", async () => {
    await replyTo(citizen, sentWith(citizen, "您的诉求编号是"), "补充:是3楼的灯。");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("补充:是3楼的灯。");
  });

  it("does not let someone without access reach the case by replying", async () => {
    // A reply to a bot message that quotes the case number (as a forged update could).
    const caseNo = (await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).caseNo;
    const before = citizen.texts().length;
    await outsider.send("冒充的回复", {
      reply_to_message: {
        message_id: 999_999,
        date: 0,
        chat: { id: outsider.id, type: "private", first_name: "x" },
        from: bot.fake.botInfo,
        text: `诉求 ${caseNo}`,
      } as never,
    });
    expect(outsider.findButton("发送")).toBeUndefined();
    await bot.drainJobs();
    expect(citizen.texts().slice(before).join("\n")).not.toContain("冒充的回复");
    expect((await messages()).map((e) => e.text)).not.toContain("冒充的回复");
  });

  it("carries a deputy's album reply to the citizen as ONE album with its caption", async () => {
    const album = { media_group_id: "deputy-album-1" };
    await deputy.send("/inbox");
    await deputy.press(/回复/);
    const before = deputy.received.length;
    await deputy.sendPhoto("已修好,请看照片。", album);
    await deputy.sendPhoto(undefined, album);
    await deputy.sendPhoto(undefined, album);
    // One check for the whole album (not one per photo), redrawn with the number of photos.
    const checks = deputy.received
      .slice(before)
      .filter((c) => String(c.payload.text ?? "").includes("请确认发给群众的回复"));
    expect(checks.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    const check = checks.at(-1)!;
    expect(check.method).toBe("editMessageText");
    expect(String(check.payload.text)).toContain("已修好,请看照片。");
    expect(String(check.payload.text)).toContain("附件:3 个");
    const citizenCalls = citizen.received.length;
    await deputy.press("发送");
    await bot.drainJobs();
    await bot.drainJobs();

    const reply = (await messages()).at(-1)!;
    expect(reply.text).toBe("已修好,请看照片。");
    expect(await bot.prisma.attachment.count({ where: { eventId: reply.id } })).toBe(3);
    const calls = citizen.received.slice(citizenCalls);
    expect(calls.filter((c) => c.method === "sendPhoto")).toHaveLength(0);
    const albums = calls.filter((c) => c.method === "sendMediaGroup");
    expect(albums).toHaveLength(1);
    const media = albums[0]!.payload.media as { type: string; caption?: string }[];
    expect(media.map((m) => m.type)).toEqual(["photo", "photo", "photo"]);
    expect(media[0]!.caption).toContain("已修好,请看照片。");
    expect(media[0]!.caption).toContain("人大代表 王代表回复了您的诉求");
    // The citizen's buttons come after it (an album takes none).
    expect(citizen.findButton("补充说明")).toBeDefined();
  });

  it("offers free text as a new concern with a yes and a no", async () => {
    await citizen.send("/help");
    await replyTo(citizen, sentWith(citizen, "/new"), "小区门口有个大坑");
    expect(citizen.findButton("作为新诉求提交")).toBeDefined();
    await citizen.press("不用了");
    expect(citizen.lastText()).toBe("好的,这段话没有作为诉求提交。");
    expect(await bot.prisma.concern.count()).toBe(1);
  });
});
