// Internal notes on a referral (内部备注), driven through the bot. A case is referred to two
// departments; a department contact writes a note on its referral's card and the case's deputy
// hears of it; staff write one on the same card and that department hears of it. A department
// reads the notes of its own referral only — not the other department's, not the notes the
// deputies wrote on the case itself — and no citizen reads any: the cards, the delivery engine
// (which drops a forged message) and the suite's note guard all hold it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { enqueueMessages } from "../../src/db/outbox.js";
import type { OutgoingMessage } from "../../src/domain/messages.js";
import { testDialects } from "../helpers/database.js";
import { findNoteLeaks } from "../helpers/note-guard.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment } from "./referral-helpers.js";
import { join, raise, triageButton } from "./triage-helpers.js";

const CASE_NOTE = "内部:这户人家反映问题比较频繁,注意方式方法。";
const DEPARTMENT_NOTE = "部门备注:需要协调供电公司一起处理。";
const STAFF_NOTE = "工作人员备注:已电话联系交通局分管领导。";

describe.each(testDialects)("internal notes on a referral on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let staff: TestUser;
  let transport: TestUser;
  let housing: TestUser;
  let citizen: TestUser;
  let concern: Concern;
  let ids: { transport: number; housing: number };

  const everything = (user: TestUser) => user.texts().join("\n");

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2701, { firstName: "王代表" });
    staff = bot.user(2702, { firstName: "陈干事" });
    transport = bot.user(2703, { firstName: "交通局联系人" });
    housing = bot.user(2704, { firstName: "住建局联系人" });
    citizen = bot.user(3701, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await addUser(bot.prisma, { telegramId: 2702, staffOf: "QS-CG" });
    await joinDepartment(bot, transport, "transport", clock);
    await joinDepartment(bot, housing, "housing", clock);
    concern = await raise(bot, citizen, "东门社区3号楼前的路灯坏了一个星期。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await deputy.pressData(triageButton("note", concern.id));
    await deputy.send(CASE_NOTE);
    await deputy.pressData(`co:${concern.id}`);
    await deputy.press("转办");
    await deputy.press("青山县交通运输局");
    await deputy.press("青山县住房和城乡建设局");
    await deputy.press("下一步");
    await deputy.press("使用默认期限");
    await deputy.press("不需要说明");
    await deputy.press("确认交办");
    const referrals = await bot.prisma.referral.findMany({ include: { department: true } });
    const of = (code: string) => referrals.find((r) => r.department.code === code)!.id;
    ids = { transport: of("transport"), housing: of("housing") };
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lets a department contact write a note on its referral's card; the case's deputy hears of it", async () => {
    expect(transport.lastText()).toContain("📮 新的交办件");
    expect(everything(transport)).not.toContain(CASE_NOTE);
    await transport.press("📝 内部备注");
    expect(transport.lastText()).toContain("绝不会发给群众");
    await transport.send(DEPARTMENT_NOTE);
    expect(transport.lastText()).toBe("内部备注已保存。");
    const note = await bot.prisma.concernEvent.findFirstOrThrow({ where: { text: DEPARTMENT_NOTE } });
    expect([note.kind, note.internal, note.referralId, note.actorRole, note.concernId]).toEqual([
      "note",
      true,
      ids.transport,
      "department",
      concern.id,
    ]);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 有新的内部备注(交通局联系人)`);
    expect(deputy.lastText()).toContain(DEPARTMENT_NOTE);
    expect(everything(housing)).not.toContain(DEPARTMENT_NOTE);
  });

  it("lets staff read it on the referral's card, opened from the case, and write one the department hears of", async () => {
    await staff.pressData(`co:${concern.id}`);
    expect(staff.lastText()).toContain(`🔒 内部备注:${DEPARTMENT_NOTE}`);
    await staff.press("📮 青山县交通运输局 · 待签收");
    expect(staff.lastText()).toContain("🔒 内部备注(不会发给群众):");
    expect(staff.lastText()).toContain(`· 承办部门:${DEPARTMENT_NOTE}`);
    await staff.press("📝 内部备注");
    await staff.send(STAFF_NOTE);
    expect(staff.lastText()).toBe("内部备注已保存。");
    await bot.drainJobs();
    expect(transport.lastText()).toContain(`📝 交办件 <b>${concern.caseNo}</b> 有新的内部备注:${STAFF_NOTE}`);
    expect(everything(housing)).not.toContain(STAFF_NOTE);
  });

  it("shows a department the notes of its own referral only", async () => {
    await transport.send("/referrals");
    await transport.press(new RegExp(concern.caseNo));
    const card = transport.lastText();
    expect(card).toContain(`· 承办部门:${DEPARTMENT_NOTE}`);
    expect(card).toContain(`· 陈干事:${STAFF_NOTE}`);
    expect(card).not.toContain(CASE_NOTE);
    await housing.send("/referrals");
    await housing.press(new RegExp(concern.caseNo));
    expect(housing.lastText()).toContain("青山县住房和城乡建设局");
    for (const text of [CASE_NOTE, DEPARTMENT_NOTE, STAFF_NOTE])
      expect(everything(housing)).not.toContain(text);
  });

  it("refuses a note on another department's referral, and from the citizen", async () => {
    const before = await bot.prisma.concernEvent.count({ where: { kind: "note" } });
    for (const user of [housing, citizen]) {
      await user.pressData(`rf:nt:${ids.transport}:0`);
      expect(user.callbackAnswers().at(-1)).toBe("您无权对该交办件进行这个操作。");
    }
    await citizen.send("我也想写个备注");
    expect(await bot.prisma.concernEvent.count({ where: { kind: "note" } })).toBe(before);
  });

  it("never shows the citizen a note", async () => {
    await citizen.pressData(`co:${concern.id}`);
    for (const text of [CASE_NOTE, DEPARTMENT_NOTE, STAFF_NOTE])
      expect(everything(citizen)).not.toContain(text);
    expect(citizen.lastText()).not.toContain("内部备注");
  });

  it("has the delivery engine drop a note forged to a department that is not the note's own", async () => {
    const [caseNote, departmentNote] = await Promise.all(
      [CASE_NOTE, DEPARTMENT_NOTE].map((text) =>
        bot.prisma.concernEvent.findFirstOrThrow({ where: { text } }),
      ),
    );
    const contact = async (user: TestUser) => (await user.record())!.id;
    const forged: OutgoingMessage[] = [
      // The case's own note, to a department on the case.
      {
        kind: "referral",
        recipientId: await contact(transport),
        concernId: concern.id,
        referralId: ids.transport,
        eventId: caseNote!.id,
        audience: "department",
      },
      // The transport department's note, to the housing department (on either referral).
      {
        kind: "referral",
        recipientId: await contact(housing),
        concernId: concern.id,
        referralId: ids.transport,
        eventId: departmentNote!.id,
        audience: "department",
      },
      {
        kind: "concern_note",
        recipientId: await contact(housing),
        concernId: concern.id,
        eventId: departmentNote!.id,
      },
    ];
    const before = { transport: transport.received.length, housing: housing.received.length };
    await enqueueMessages(bot.prisma, bot.db.dialect, forged, clock);
    await bot.drainJobs();
    expect(transport.received.length).toBe(before.transport);
    expect(housing.received.length).toBe(before.housing);
    const jobs = await bot.prisma.job.findMany({
      where: { OR: forged.map((m) => ({ key: { contains: `:${"eventId" in m ? m.eventId : 0}:` } })) },
    });
    const dropped = jobs.filter((j) => /only on its own referral/.test(j.lastError ?? ""));
    expect(dropped).toHaveLength(forged.length);
  });

  it("finds a note's text in a department's chat when it is not that department's (the guard can fail)", async () => {
    expect(await findNoteLeaks(bot.db, bot.fake)).toEqual([]);
    const leaked = {
      method: "sendMessage",
      payload: { chat_id: housing.id, text: `转告:${DEPARTMENT_NOTE}` },
      at: 0,
      token: "",
    };
    expect(await findNoteLeaks(bot.db, bot.fake, [...bot.fake.sent, leaked])).toEqual([
      { concernId: concern.id, note: DEPARTMENT_NOTE, chatId: String(housing.id), method: "sendMessage" },
    ]);
  });
});
