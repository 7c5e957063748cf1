// The monthly bulletin (通报): on the first working day of December 2026 each staff member
// receives November for their scope, once, in their language; on other days nothing is sent.
// The figures come from the hand-built November (test/helpers/stats-dataset.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/domain/working-days.js";
import { MONTHLY_BULLETIN_TASK } from "../../src/jobs/tasks/monthly-bulletin.js";
import { testDialects } from "../helpers/database.js";
import { addStaffMember, buildNovemberDataset } from "../helpers/stats-dataset.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

// A calendar for the test: 2026 with 2026-12-01 (a Tuesday) declared a holiday, so that
// Wednesday 12-02 is the month's first working day.
const testCalendar = createWorkingCalendar([
  { year: 2026, confirmed: true, offDays: ["2026-12-01"], makeUpWorkingDays: [] },
]);
const at = (localDate: string) => new Date(`${localDate}T00:30:00Z`); // 08:30 in Shanghai

describe.each(testDialects)("the monthly bulletin on %s", (dialect) => {
  let bot: TestBot;
  let clock = at("2026-12-01");
  let county: TestUser;
  let town: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, loadCalendar: async () => testCalendar });
    await buildNovemberDataset(bot.prisma);
    await addStaffMember(bot.prisma, 7201, "QS");
    await addStaffMember(bot.prisma, 7202, "QS-SQ", "en");
    county = bot.user(7201);
    town = bot.user(7202);
  });
  afterAll(() => bot.close());

  it("sends nothing before the month's first working day", async () => {
    clock = at("2026-12-01");
    await bot.app.scheduler.tick(MONTHLY_BULLETIN_TASK, clock);
    await bot.drainJobs();
    expect(county.texts()).toEqual([]);
    const job = await bot.prisma.job.findFirstOrThrow({ where: { task: MONTHLY_BULLETIN_TASK } });
    expect(job.lastError).toContain("first working day has not come yet");
  });

  it("sends each staff member last month for their scope on the first working day", async () => {
    clock = at("2026-12-02");
    await bot.app.scheduler.tick(MONTHLY_BULLETIN_TASK, clock);
    await bot.drainJobs();
    const text = county.texts()[0] ?? "";
    expect(county.texts()).toHaveLength(1);
    expect(text).toContain("2026-11 工作通报</b>(青山县)");
    expect(text).toContain("收到诉求 15 件,已受理 13 件,已转办 0 件,已办结 11 件。");
    // 11 closed of 14 countable; 9 satisfied of 10 rated (see the data set).
    expect(text).toMatch(/办结率:78\.6%\(11\/14,95%区间 \d+\.\d%–\d+\.\d%\)/);
    expect(text).toContain("满意率:90.0%(9/10,95%区间 59.6%–98.2%)");
    // On 12-02: cases 9, 13 and 16 are open and past due; 14 is due 12-10.
    expect(text).toContain("当前超期 3 件,请及时督办。");
    expect(text).toContain("收到最多的类别:道路交通 12 件、环境卫生 3 件");
    // January to November: the October visit and two November activities; cases 1–16; 11 closed.
    expect(text).toContain("今年以来:开展活动 3 次,提出意见 16 条,办结 11 条。");
    expect(text).toContain("<b>按时办结率</b>:在办理期限内办结的件数");
    expect(text.length).toBeLessThan(4096);
  });

  it("speaks the recipient's language and covers only their subtree", async () => {
    const text = town.texts()[0] ?? "";
    expect(text).toMatch(/Bulletin for 2026-11<\/b> \(Shiqiao/);
    // 石桥镇: cases 13–15 in November; 13 and 16 overdue now.
    expect(text).toContain("Received 3, taken on 1, referred 0, closed 0.");
    expect(text).toContain("Closure rate: too few to judge (n = 2, fewer than 10)");
    expect(text).toContain("2 concerns are overdue now");
    expect(text.length).toBeLessThan(4096);
  });

  it("sends it once a month, however many ticks follow", async () => {
    clock = at("2026-12-03");
    await bot.app.scheduler.tick(MONTHLY_BULLETIN_TASK, clock);
    await bot.drainJobs();
    expect(county.texts()).toHaveLength(1);
    expect(town.texts()).toHaveLength(1);
  });
});

describe("the monthly bulletin on the shipped calendar", () => {
  let bot: TestBot;
  let clock = at("2026-10-01");
  beforeAll(async () => {
    bot = await TestBot.create({ now: () => clock });
    await addStaffMember(bot.prisma, 7201, "QS");
  });
  afterAll(() => bot.close());

  it("waits out the National Day holiday (国办发明电〔2025〕7号: 10-01 to 10-07 off) and sends on 10-08", async () => {
    for (const day of ["2026-10-01", "2026-10-04", "2026-10-07", "2026-10-08"]) {
      clock = at(day);
      await bot.app.scheduler.tick(MONTHLY_BULLETIN_TASK, clock);
      await bot.drainJobs();
      expect(bot.user(7201).texts(), day).toHaveLength(day === "2026-10-08" ? 1 : 0);
    }
    expect(bot.user(7201).lastText()).toContain("2026-09 工作通报");
  });
});
