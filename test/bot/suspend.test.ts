// Suspending a deputy or staff member (issue 7, item 14: term changes, leave): `admin suspend`
// takes effect on their next update — every case action refused in one line, even a forged
// button; no new case reaches them; their open case goes to the staff covering the district, on
// its timeline — and `admin resume` gives the role back, not the case handed over. Every change
// is in `admin audit`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/admin.js";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addReferral } from "../jobs/fixtures.js";

const refusal = "您的代表或工作人员身份已被管理员暂停,暂时不能查看或办理诉求。如有疑问,请联系管理员。";

describe.each(testDialects)("suspending a deputy, on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;
  let first: number;

  const admin = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
    const code = await runAdmin(args, io, { db: bot.db, botUsername: "test_bot" });
    return { code, out, err };
  };

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    deputy = bot.user(2611, { firstName: "王代表", username: "WangDB" });
    staff = bot.user(7611, { firstName: "小刘" });
    citizen = bot.user(3611, { firstName: "张三" });
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await inviteDeputy(bot, staff, "QS-CG", "staff");
    await citizen.onboard("QS-CG-DM");
    first = await raiseConcern(bot, citizen, "东门的路灯坏了。");
    await deputy.press("受理");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("refuses every case action from the next update, hands the open case over, and tells them of no new case", async () => {
    const { code, out } = await admin("suspend", "2611");
    expect(code).toBe(0);
    expect(out[0]).toContain("1 open case(s) handed");
    const staffId = (await staff.record())!.id;
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: first } })).assigneeId).toBe(staffId);
    expect((await deputy.record())?.role).toBe("representative");
    // Both are told: the deputy what it means, the staff member that the case is theirs now.
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("管理员已暂停您的人大代表身份(<code>QS-CG-DM</code>)");
    expect(deputy.lastText()).toContain("您手中的 1 件在办诉求已移交给负责该区域的工作人员。");
    expect(staff.lastText()).toBe(
      "王代表 (2611) 的人大代表身份已暂停,其手中的 1 件在办诉求已移交给您,请在 /inbox 查看。",
    );

    // A forged button, a real one, and a handler's command: one line each, nothing changes.
    const events = await bot.prisma.concernEvent.count();
    await deputy.pressData(`ca:resolve:${first}`);
    expect(deputy.callbackAnswers().at(-1)).toBe(refusal);
    await deputy.press("回复");
    expect(deputy.callbackAnswers().at(-1)).toBe(refusal);
    await deputy.send("/inbox");
    expect(deputy.lastText()).toBe(refusal);
    // A referral of the case: its card and its actions are refused too.
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: first } });
    const referral = await addReferral(bot.prisma, { concern, deadline: new Date(Date.now() + 86_400_000) });
    for (const action of ["op", "wd", "nt"]) {
      const answered = deputy.callbackAnswers().length;
      await deputy.pressData(`rf:${action}:${referral.id}:0`);
      expect(deputy.callbackAnswers().slice(answered), action).toEqual([refusal]);
    }
    // Every other kind of case button, forged: the same line, nothing written.
    for (const data of [
      `co:${first}`,
      `ca:reply:${first}`,
      `ca:decline:${first}`,
      `ca:files:${first}`,
      `tg:pri:${first}:1`,
      `tg:claim:${first}:0`,
      `tg:note:${first}:0`,
      `tg:cats:${first}:0`,
      `rs:start:${first}:0`,
      `ck:pause:${first}`,
    ]) {
      const answered = deputy.callbackAnswers().length;
      await deputy.pressData(data);
      expect(deputy.callbackAnswers().slice(answered), data).toEqual([refusal]);
    }
    expect(await bot.prisma.concernEvent.count()).toBe(events);
    // Their menu is a citizen's again (the chat menu deleted), and /help offers no /inbox.
    expect(
      bot.fake.state.commandsFor({ chatId: deputy.id, languageCode: "zh-hans" }).map((c) => c.command),
    ).not.toContain("inbox");
    await deputy.send("/help");
    expect(deputy.lastText()).not.toContain("/inbox");

    // A new case of their district reaches the staff instead.
    const before = deputy.texts().length;
    const second = await raiseConcern(bot, citizen, "东门的井盖丢了。");
    expect(deputy.texts().slice(before).join("\n")).not.toContain("井盖");
    expect(staff.texts().join("\n")).toContain("井盖");
    await deputy.pressData(`ca:accept:${second}`);
    expect(deputy.callbackAnswers().at(-1)).toBe(refusal);
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: second } })).status).toBe("new");

    // The handover is on the case's timeline, in the reader's language.
    await staff.pressData(`co:${first}`);
    expect(staff.texts().join("\n")).toContain("王代表 的身份已暂停,诉求移交给 小刘");
  });

  it("refuses what cannot be suspended, or twice", async () => {
    expect((await admin("suspend", "@wangdb")).err[0]).toContain("already suspended");
    expect((await admin("suspend", "3611")).code).toBe(1);
    expect((await admin("suspend", "not a handle!")).code).toBe(2);
    expect((await admin("resume", "7611")).err[0]).toContain("not suspended");
  });

  it("gives the role back on resume, but not the case handed over", async () => {
    const { code, out } = await admin("resume", "@WangDB");
    expect(code).toBe(0);
    expect(out[0]).toContain("no longer suspended");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("管理员已恢复您的人大代表身份");
    const second = await bot.prisma.concern.findFirstOrThrow({ where: { description: "东门的井盖丢了。" } });
    await deputy.pressData(`ca:accept:${second.id}`);
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      "accepted",
    );
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: first } })).assigneeId).toBe(
      (await staff.record())!.id,
    );
    await deputy.send("/inbox");
    expect(deputy.lastText()).not.toBe(refusal);
  });

  it("keeps every grant, suspension and resumption in the audit", async () => {
    const { code, out } = await admin("audit", "2611");
    expect(code).toBe(0);
    expect(out[0]).toMatch(/resume {2}王代表 \(2611\) {2}representative, QS-CG-DM {2}by cli:/);
    expect(out[1]).toMatch(
      /suspend {2}王代表 \(2611\) {2}representative, QS-CG-DM, 1 open case\(s\) handed over {2}by cli:/,
    );
    expect(out[2]).toMatch(/grant {2}王代表 \(2611\) {2}representative, QS-CG-DM, invite #\d+ {2}by cli$/);
    expect(out.at(-1)).toBe("3 entries, newest first");
    expect((await admin("audit")).out.some((l) => l.includes("小刘 (7611)"))).toBe(true);
  });
});
