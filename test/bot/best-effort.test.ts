// Answering a button and editing a message are best-effort: when Telegram refuses them
// ("query is too old", "message is not modified", "message to edit not found", "message
// can't be edited"), the action still happens, and what the person must learn — the case
// number, the next step — reaches them as a message. Also the restart case: an update handled
// again after the bot died between answering the tap and saving the step completes the step.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

const apology = "抱歉,处理您的消息时出错了";
const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
const editRefusals = ["Bad Request: message to edit not found", "Bad Request: message can't be edited"];

describe.each(testDialects)("best-effort answers and edits on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let citizen: TestUser;

  const noApology = (user: TestUser) =>
    expect([...user.texts(), ...user.callbackAnswers()].some((t) => t.includes(apology))).toBe(false);

  async function draftToConfirmation() {
    await citizen.send("/new");
    await citizen.send("小区门口积水严重。");
    await citizen.press("描述完成");
    await citizen.press("环境卫生");
  }

  beforeEach(async () => {
    bot = await TestBot.create({ dialect });
    deputy = bot.user(2301, { firstName: "王代表" });
    citizen = bot.user(3301, { firstName: "张三" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
    await citizen.onboard("QS-CG-DM");
  });
  afterEach(() => bot.close());

  it("submits, accepts and prompts for a reply when every answer is 'query is too old'", async () => {
    await draftToConfirmation();
    bot.fake.failWith({ method: "answerCallbackQuery", kind: "400", description: tooOld });
    await citizen.press("提交");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(citizen.texts().join("\n")).toContain(concern.caseNo);
    await bot.drainJobs();

    await deputy.press("受理");
    expect((await bot.prisma.concern.findFirstOrThrow()).status).toBe("accepted");
    // The card is redrawn: its accept button gone, the reply button there.
    const cardEdits = bot.fake
      .callsTo("editMessageReplyMarkup")
      .concat(bot.fake.callsTo("editMessageText"))
      .filter((c) => Number(c.payload.chat_id) === deputy.id && !c.failed);
    expect(cardEdits.length).toBeGreaterThan(0);

    await deputy.press("回复");
    expect(deputy.lastText()).toContain(`请输入给群众的回复(诉求 ${concern.caseNo})`);
    noApology(citizen);
    noApology(deputy);
  });

  it("sends a refused toast's words as a message", async () => {
    await draftToConfirmation();
    await citizen.press("提交");
    bot.fake.failWith({ method: "answerCallbackQuery", kind: "400", description: tooOld });
    // A second tap on the same Submit: the draft is gone, the toast says so — as a message now.
    await citizen.pressData(citizen.findButton("提交")?.data ?? "cd:submit");
    expect(citizen.lastText()).toMatch(/按钮已失效|已提交|已收到|编号/);
    noApology(citizen);
  });

  it.each(editRefusals)(
    "shows the case number as a new message when the edit is refused: %s",
    async (description) => {
      await draftToConfirmation();
      bot.fake.failWith({ method: "editMessageText", kind: "400", description });
      await citizen.press("提交");
      const concern = await bot.prisma.concern.findFirstOrThrow();
      const sent = bot.fake
        .callsTo("sendMessage")
        .filter((c) => Number(c.payload.chat_id) === citizen.id && !c.failed)
        .map((c) => String(c.payload.text));
      expect(sent.at(-1)).toContain(concern.caseNo);
      noApology(citizen);
    },
  );

  it("takes 'message is not modified' as done", async () => {
    await draftToConfirmation();
    bot.fake.failWith({
      method: /^editMessage/,
      kind: "400",
      description:
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    });
    await citizen.press("提交");
    expect(await bot.prisma.concern.count()).toBe(1);
    noApology(citizen);
  });

  it("completes a step handled again after a crash between answering and saving", async () => {
    await draftToConfirmation();
    const submit = citizen.findButton("提交")!;
    // The first handling answered the tap (so Telegram refuses a second answer) and died
    // before saving anything: its claim is left "processing", long enough to be taken over.
    const updateId = 9_000_001;
    await bot.prisma.processedUpdate.create({
      data: { updateId: BigInt(updateId), status: "processing", startedAt: new Date(Date.now() - 600_000) },
    });
    bot.fake.failWith({ method: "answerCallbackQuery", kind: "400", description: tooOld });
    const message = {
      message_id: submit.messageId,
      date: 0,
      chat: { id: citizen.id, type: "private" as const, first_name: "张三" },
    };
    await bot.deliver({
      update_id: updateId,
      callback_query: {
        id: "crashed-1",
        from: citizen.from,
        chat_instance: "ci",
        data: submit.data,
        message: message as never,
      },
    });
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(citizen.texts().join("\n")).toContain(concern.caseNo);
    const row = await bot.prisma.processedUpdate.findUniqueOrThrow({ where: { updateId: BigInt(updateId) } });
    expect(row.status).toBe("done");
    noApology(citizen);
  });
});
