// The ladder's amber and red steps reach each person once per pass (issue 7): three referrals
// of the same district passing their deadline together give the staff covering it ONE amber
// message listing the three cases, and the staff above and the deputy ONE red message each;
// every step is still taken once per referral, and a referral alone keeps its own card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { referCase } from "../../src/db/queries/referrals.js";
import type { ReferralActor } from "../../src/domain/referral.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { SUPERVISE_REFERRALS_TASK } from "../../src/jobs/tasks/supervise-referrals.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import type { RecordedCall } from "../helpers/fake-bot-api.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "./fixtures.js";

/** An instant given as Shanghai local time. */
const local = (text: string) => new Date(`${text}+08:00`);

describe.each(testDialects)("grouped supervision on %s", (dialect) => {
  let bot: TestBot;
  let clock = local("2026-03-02T10:00:00");
  let calendar: WorkingCalendar;
  let township: TestUser;
  let county: TestUser;
  let deputy: TestUser;
  const caseNos: string[] = [];
  const caseIds: number[] = [];

  const tick = async (at: string) => {
    clock = local(at);
    await bot.app.scheduler.tick(SUPERVISE_REFERRALS_TASK, clock);
    await bot.drainJobs();
  };
  const buttonsOf = (call: RecordedCall) =>
    (
      call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    calendar = (await loadWorkingCalendar(bot.prisma)).calendar;
    const staff = await addUser(bot.prisma, { telegramId: 6201, staffOf: "QS-CG" });
    await addUser(bot.prisma, { telegramId: 6202, staffOf: "QS" });
    await addUser(bot.prisma, { telegramId: 6203, represents: ["QS-CG-DM"] });
    const citizenId = (await addUser(bot.prisma, { telegramId: 6204, district: "QS-CG-DM" })).id;
    township = bot.user(6201);
    county = bot.user(6202);
    deputy = bot.user(6203);
    const cg = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    const subtree = await bot.prisma.district.findMany({ where: { path: { startsWith: cg.path } } });
    const actor: ReferralActor = {
      kind: "staff",
      userId: staff.id,
      scope: { kind: "districts", districtIds: new Set(subtree.map((d) => d.id)) },
    };
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    for (const text of ["东门路灯不亮。", "南湖井盖松动。", "西街红绿灯坏了。"]) {
      const concern = await fileConcern(bot.db, { citizenId, district: "QS-CG-DM", text, now: clock });
      await referCase(bot.db, {
        concernId: concern.id,
        departmentIds: [transport.id],
        actor,
        deadlineDate: "2026-03-16",
        time: { now: clock, calendar, timeZone: "Asia/Shanghai" },
      });
      caseNos.push(concern.caseNo);
      caseIds.push(concern.id);
    }
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("sends the staff covering the district one amber message listing every referral past its deadline", async () => {
    const before = township.received.length;
    await tick("2026-03-17T10:00:00");
    const amber = township.received.slice(before).filter((c) => String(c.payload.text).includes("督办"));
    expect(amber).toHaveLength(1);
    const text = String(amber[0]!.payload.text);
    expect(text).toContain("以下 3 件交办件未在期限前答复");
    for (const caseNo of caseNos) expect(text).toContain(caseNo);
    expect(text).toContain("青山县交通运输局");
    expect(text).toContain("东门社区");
    expect(buttonsOf(amber[0]!).map((b) => b.callback_data)).toEqual(caseIds.map((id) => `co:${id}`));
    const referrals = await bot.prisma.referral.findMany();
    expect(referrals.every((r) => r.amberSentAt !== null)).toBe(true);

    // Each step once: the next pass sends nothing again.
    const after = township.received.length;
    await tick("2026-03-17T11:00:00");
    expect(township.received.length).toBe(after);
  });

  it("sends the staff above and the deputy one red message each, with a 督办 entry per case", async () => {
    const seen = { county: county.received.length, deputy: deputy.received.length };
    await tick("2026-03-25T10:00:00");
    for (const [who, user] of [
      ["county", county],
      ["deputy", deputy],
    ] as const) {
      const red = user.received.slice(seen[who]).filter((c) => String(c.payload.text).includes("🔴"));
      expect(red).toHaveLength(1);
      const text = String(red[0]!.payload.text);
      expect(text).toContain("以下 3 件交办件的答复已超期五个工作日");
      for (const caseNo of caseNos) expect(text).toContain(caseNo);
    }
    const entries = await bot.prisma.concernEvent.findMany({ where: { kind: "supervision" } });
    expect(entries.map((e) => e.concernId).sort()).toEqual([...caseIds].sort());
  });
});
