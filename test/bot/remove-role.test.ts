// Taking a role away from the command line (issue 7, item 14): `admin people` lists who holds
// which role; `admin remove-role` makes a deputy a citizen again from their next update, and
// their open case goes to the staff covering its district, on the case's timeline; `admin
// revoke-invite` makes an unused link stop working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/admin.js";
import { createInvite, inviteLink } from "../../src/db/queries/invites.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe("removing a role", () => {
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;

  async function invite(user: TestUser, role: "representative" | "staff", districtCode: string) {
    const made = await createInvite(bot.prisma, { role, districtCode, ttlHours: 1, now: new Date() });
    await user.send(`/start inv_${made.token}`);
    await user.press("同意并继续");
  }

  beforeAll(async () => {
    bot = await TestBot.create();
    deputy = bot.user(2601, { firstName: "王代表" });
    staff = bot.user(7601, { firstName: "小刘" });
    citizen = bot.user(3601, { firstName: "张三" });
    await invite(deputy, "representative", "QS-CG-DM");
    await invite(staff, "staff", "QS-CG");
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("路灯坏了。");
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    await bot.drainJobs();
    await deputy.press("受理");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  const admin = async (...args: string[]) => {
    const c = capture();
    const code = await runAdmin(args, c.io, { db: bot.db, botUsername: "test_bot" });
    return { code, ...c };
  };

  it("lists who holds which role, with districts and open cases", async () => {
    const { code, out } = await admin("people");
    expect(code).toBe(0);
    expect(out.find((l) => l.startsWith("2601 "))).toMatch(
      /representative\s+王代表\s+QS-CG-DM\s+1 open case/,
    );
    expect(out.find((l) => l.startsWith("7601 "))).toMatch(/staff\s+小刘\s+QS-CG\s+0 open case/);
  });

  it("takes effect on the deputy's next update and hands the open case to the covering staff", async () => {
    const { code, out } = await admin("remove-role", "2601");
    expect(code).toBe(0);
    expect(out[0]).toContain("1 open case(s) handed");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.assigneeId).toBe((await staff.record())!.id);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("您已不再担任人大代表(<code>QS-CG-DM</code>)");
    expect(staff.lastText()).toBe(
      "王代表 (2601) 的人大代表身份已移除,其手中的 1 件在办诉求已移交给您,请在 /inbox 查看。",
    );
    const handover = await bot.prisma.concernEvent.findFirstOrThrow({ where: { kind: "handed_over" } });
    expect(handover.text).toBe("removed|王代表");
    await staff.pressData(`co:${concern.id}`);
    expect(staff.texts().join("\n")).toContain("王代表 不再担任此职,诉求移交给 小刘");
    // The former deputy's old buttons no longer open or act on the case.
    const before = await bot.prisma.concernEvent.count();
    await deputy.press("回复");
    expect(deputy.callbackAnswers().at(-1) ?? deputy.lastText()).toMatch(/找不到|失效|无权/);
    expect(await bot.prisma.concernEvent.count()).toBe(before);
    expect((await admin("people")).out.some((l) => l.startsWith("2601 "))).toBe(false);
  });

  it("refuses an unknown person", async () => {
    const { code, err } = await admin("remove-role", "999999");
    expect(code).toBe(1);
    expect(err[0]).toContain("999999");
  });

  it("revokes an unused invite so that its link no longer works", async () => {
    const made = await createInvite(bot.prisma, {
      role: "staff",
      districtCode: "QS-CG",
      ttlHours: 72,
      now: new Date(),
    });
    expect((await admin("revoke-invite", inviteLink("test_bot", made.token))).code).toBe(0);
    const latecomer = bot.user(7602);
    await latecomer.send(`/start inv_${made.token}`);
    expect((await latecomer.record())?.role ?? "citizen").toBe("citizen");
    expect((await admin("revoke-invite", made.token)).code).toBe(1);
  });
});
