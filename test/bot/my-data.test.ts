// My data under /privacy, driven as a citizen drives it: the export arrives as files (JSON and
// a readable summary) holding the profile, consents, cases, messages, ratings and attachments
// by name; deleting the account, on a second tap, leaves none of the person's name, username,
// phone, Telegram id, file names or words in any table of the database (every table, read from
// its catalogue), closes their open cases with a notice to the deputies and tells them exactly
// what remains. Both are recorded. The retention pass runs on the housekeeping schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCaseData } from "../../src/bot/callback-data.js";
import { claimIntakeCase, createIntakeCase } from "../../src/db/queries/case-intakes.js";
import { HOUSEKEEPING_TASK } from "../../src/jobs/tasks/housekeeping.js";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import { search } from "../helpers/table-search.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createCitizenBot, fileInBot, joinAs } from "./citizen-helpers.js";

const person = {
  telegramId: 987_654_321,
  firstName: "三丰",
  username: "zsf_secret",
  phone: "13912345678",
  contactName: "张三丰",
  fileName: "我家楼道照片.jpg",
  /** Every text they wrote, and every reply on their cases, names 紫藤巷. */
  place: "紫藤巷",
};
const needles = [
  person.firstName,
  person.contactName,
  person.username,
  String(person.telegramId),
  person.phone,
  person.fileName,
  person.place,
];

describe.each(testDialects)("my data on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let me: TestUser;
  let deputy: TestUser;
  let staff: TestUser;
  let neighbour: TestUser;
  let openCaseNo: string;
  let closedCaseNo: string;

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    me = bot.user(person.telegramId, { firstName: person.firstName, username: person.username });
    deputy = bot.user(2301, { firstName: "王代表" });
    staff = bot.user(2302, { firstName: "刘干事" });
    neighbour = bot.user(3302, { firstName: "邻居" });
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await me.onboard("QS-CG-DM");
    await neighbour.onboard("QS-CG-DM");

    // A closed, rated case and an open one with a file and an exchange of messages.
    const closed = await fileInBot(bot, me, `${person.place}路灯不亮`);
    closedCaseNo = closed.caseNo;
    await bot.drainJobs();
    await deputy.press("办结");
    await deputy.send(`${person.place}路灯已修好`);
    await deputy.press("发送");
    await bot.drainJobs();
    await me.press("满意");
    await me.send("/new");
    await me.send(`${person.place}3号楼下水道堵塞`);
    await me.sendMessage({
      document: {
        file_id: "doc-secret",
        file_unique_id: "u-doc",
        file_name: person.fileName,
        mime_type: "image/jpeg",
      },
    });
    await me.press("描述完成");
    await me.press("环境卫生");
    await me.press("提交");
    const open = await bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } });
    openCaseNo = open.caseNo;
    await bot.drainJobs();
    await deputy.press("回复");
    await deputy.send(`已联系${person.place}物业`);
    await deputy.press("发送");
    await bot.drainJobs();
    // A phone case entered by staff with the person's consent to keep their contact, claimed.
    const staffRow = (await staff.record())!;
    const intake = await createIntakeCase(bot.db, {
      enteredBy: { id: staffRow.id, role: "staff" },
      source: "phone",
      districtId: open.districtId,
      categoryId: null,
      description: `来电:${person.place}垃圾无人清运`,
      contact: { name: person.contactName, phone: person.phone, consented: true },
      sourceKey: "intake:1",
      now: clock.now(),
      timeZone: "Asia/Shanghai",
      dueDays: 15,
    });
    await claimIntakeCase(bot.prisma, {
      code: intake.claimCode!,
      userId: (await me.record())!.id,
      now: clock.now(),
    });
    // The neighbour's case: it must stay whole.
    await fileInBot(bot, neighbour, "梧桐路路灯不亮了");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("offers the export and the deletion under /privacy", async () => {
    await me.send("/privacy");
    expect(me.findButton("📦 导出我的数据")).toBeDefined();
    expect(me.findButton("🗑 删除我的账号")).toBeDefined();
  });

  it("asks before exporting, then sends the JSON and a readable summary, and records it", async () => {
    await me.press("📦 导出我的数据");
    expect(me.lastText()).toContain("确认导出吗");
    expect(bot.fake.callsTo("sendDocument")).toHaveLength(0);
    await me.press("确认导出");
    const [json, summary] = bot.fake.callsTo("sendDocument").map((c) => c.payload.document as UploadedFile);
    expect(json!.filename).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json!.content.toString("utf8"));
    expect(data.profile).toMatchObject({
      telegramId: String(person.telegramId),
      firstName: person.firstName,
      username: person.username,
      district: { code: "QS-CG-DM" },
    });
    expect(data.consents.privacyNoticeAcceptedAt).not.toBeNull();
    expect(data.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual(
      expect.arrayContaining([closedCaseNo, openCaseNo]),
    );
    const closed = data.cases.find((c: { caseNo: string }) => c.caseNo === closedCaseNo);
    expect(closed).toMatchObject({ rating: "satisfied", outcome: `${person.place}路灯已修好` });
    const open = data.cases.find((c: { caseNo: string }) => c.caseNo === openCaseNo);
    expect(open.attachments).toEqual([
      expect.objectContaining({ kind: "document", fileName: person.fileName }),
    ]);
    expect(open.messages.map((m: { text: string }) => m.text)).toContain(`已联系${person.place}物业`);
    expect(
      data.cases.some(
        (c: { intake: { contactPhone: string } | null }) => c.intake?.contactPhone === person.phone,
      ),
    ).toBe(true);

    const text = summary!.content.toString("utf8");
    expect(summary!.filename).toMatch(/\.txt$/);
    expect(text).toContain("我们保存的您的个人信息");
    expect(text).toContain(openCaseNo);
    expect(text).toContain(`附件(document):${person.fileName}`);
    expect(text).toContain("您的评价:满意");
    expect(text).not.toContain("<b>");
    expect(await bot.prisma.privacyRequest.findMany({ select: { kind: true } })).toEqual([
      { kind: "export" },
    ]);
  });

  it("answers a forged /privacy button with a clear word", async () => {
    await me.pressData("md:everything");
    expect(me.callbackAnswers().at(-1)).toBe("这个按钮已失效,请重新打开菜单。");
  });

  it("deletes nothing on the first tap, nor when cancelled", async () => {
    await me.send("/privacy");
    await me.press("🗑 删除我的账号");
    expect(me.lastText()).toContain("此操作不能撤销");
    await me.press("取消");
    expect(me.lastText()).toBe("已取消,没有做任何更改。");
    expect((await me.record())?.deletedAt).toBeNull();
  });

  it("deletes the account on the second tap: nothing of the person is left in any table", async () => {
    const neighbourCase = await bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } });
    await me.pressData(openCaseData.pack({ concernId: neighbourCase.id }));
    // The search finds what is there: before the deletion, every needle is somewhere.
    const before = new Set((await search(bot.db, dialect, needles)).map((h) => h.needle));
    expect([...before].sort()).toEqual([...needles].sort());

    await me.send("/privacy");
    await me.press("🗑 删除我的账号");
    await me.press("确认删除我的账号");
    const told = me.lastText();
    expect(told).toContain("您的账号已删除");
    expect(told).toContain(`您尚未办结的 2 件诉求已撤回`);
    expect(told).toContain(openCaseNo);
    expect(told).toContain("仍保留、但不再与任何人关联的只有匿名统计:3 件诉求");

    await bot.drainJobs();
    expect(await search(bot.db, dialect, needles)).toEqual([]);
    // What is not theirs stays.
    const others = await search(bot.db, dialect, ["梧桐路路灯不亮了", "王代表"]);
    expect(new Set(others.map((h) => h.needle))).toEqual(new Set(["梧桐路路灯不亮了", "王代表"]));
    expect((await bot.prisma.privacyRequest.findMany({ orderBy: { id: "asc" } })).map((r) => r.kind)).toEqual(
      ["export", "delete"],
    );
  });

  it("tells the deputies that the open cases were withdrawn", async () => {
    expect(deputy.texts().filter((t) => t.includes("注销了账号,诉求已撤回并关闭"))).toHaveLength(2);
    expect(deputy.texts().some((t) => t.includes(openCaseNo) && t.includes("注销了账号"))).toBe(true);
  });

  it("keeps a closed case's contents for 3 years, then the housekeeping schedule erases them", async () => {
    const neighbourCase = await bot.prisma.concern.findFirstOrThrow({
      where: { description: "梧桐路路灯不亮了" },
    });
    await bot.prisma.concern.update({
      where: { id: neighbourCase.id },
      data: { status: "resolved", closedAt: new Date("2026-12-01T00:00:00Z") },
    });
    clock.set("2029-11-30T20:00:00Z");
    await bot.app.scheduler.tick(HOUSEKEEPING_TASK, clock.now());
    await bot.drainJobs();
    expect(
      (await bot.prisma.concern.findUniqueOrThrow({ where: { id: neighbourCase.id } })).erasedAt,
    ).toBeNull();
    clock.set("2029-12-01T20:00:00Z");
    await bot.app.scheduler.tick(HOUSEKEEPING_TASK, clock.now());
    await bot.drainJobs();
    const erased = await bot.prisma.concern.findUniqueOrThrow({ where: { id: neighbourCase.id } });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.description).toBe("");
    expect(erased.caseNo).toBe(neighbourCase.caseNo);
  });
});
