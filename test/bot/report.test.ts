// The report to the voters (述职) for 2026, driven in the chat on the hand-built data
// (test/helpers/stats-dataset.ts): the 东门社区 deputy's own cases are 1–12.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import { pngSize } from "../helpers/png.js";
import {
  addStaffMember,
  buildNovemberDataset,
  november,
  type StatsDataset,
} from "../helpers/stats-dataset.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("the report to the voters on %s", (dialect) => {
  let bot: TestBot;
  let data: StatsDataset;
  let deputy: TestUser;
  let otherDeputy: TestUser;
  let countyStaff: TestUser;
  let townStaff: TestUser;
  let citizen: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => november.now });
    data = await buildNovemberDataset(bot.prisma);
    await addStaffMember(bot.prisma, 7201, "QS");
    await addStaffMember(bot.prisma, 7202, "QS-SQ");
    deputy = bot.user(7001, { firstName: "王代表" });
    otherDeputy = bot.user(7002, { firstName: "李代表" });
    countyStaff = bot.user(7201);
    townStaff = bot.user(7202);
    citizen = bot.user(7100);
  });
  afterAll(() => bot.close());

  it("shows the deputy their figures for the year, each worked out from the cases", async () => {
    await deputy.send("/report 2026");
    const text = deputy.lastText();
    expect(text).toContain("【2026年度述职】王代表(东门社区)");
    // On duty at the November reception day only.
    expect(text).toContain("参加活动 1 次,其中接待日 1 次。");
    // Cases 1–12; all had a reply; 1–8, 10 and 11 are resolved.
    expect(text).toContain("收到群众诉求 12 件,受理 12 件,转办 0 件,已解决 10 件。");
    // Replies after 1…12 h: median 6th = 6 h, 90th percentile ⌈10.8⌉ = 11th = 11 h.
    expect(text).toContain("首次答复用时:中位数 6.0 小时,第90百分位 11.0 小时(n=12)");
    expect(text).toContain("群众满意率:90.0%(9/10,95%区间 59.6%–98.2%)");
    expect(text).toContain("(代表尚未填写自述)");
    expect(text).toContain("所附《案件清单》中的 12 件诉求");
    expect(text).toContain("草稿(尚未发布)");
  });

  it("keeps the narrative the deputy writes in the bot", async () => {
    await deputy.press("✏️ 填写自述");
    await deputy.send("今年我走访了东门社区的每一栋楼。");
    expect(deputy.texts().at(-2)).toBe("自述已保存。");
    expect(deputy.lastText()).toContain("二、代表自述\n今年我走访了东门社区的每一栋楼。");
  });

  it("previews the pack as a one-page PNG", async () => {
    await deputy.press("🖼 预览图片");
    const photo = bot.fake.callsTo("sendPhoto").at(-1)!.payload.photo as UploadedFile;
    expect(await pngSize(photo.content)).toEqual({ width: 1240, height: 1754 });
    expect(photo.content.length).toBeGreaterThan(20_000);
  });

  it("lists the anonymised cases behind every figure", async () => {
    await deputy.press("📄 案件清单");
    const document = bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile;
    const rows: string[][] = parse(document.content, { bom: true });
    expect(rows[0]).toEqual([
      "受理编号",
      "区域",
      "类别",
      "收到日期",
      "当前状态",
      "受理",
      "转办",
      "已解决",
      "已评价",
      "满意或基本满意",
      "首次答复(小时)",
      "答复分类(部门最近一次答复)",
    ]);
    expect(rows).toHaveLength(13);
    const cases = await bot.prisma.concern.findMany({
      where: { id: { in: data.caseIds.slice(0, 12) } },
      orderBy: { id: "asc" },
    });
    expect(rows.slice(1).map((r) => r[0])).toEqual(cases.map((c) => c.caseNo));
    // The columns add up to the figures: 10 resolved, 10 rated, 9 satisfied.
    const sum = (column: number) => rows.slice(1).reduce((n, r) => n + Number(r[column]), 0);
    expect([sum(7), sum(8), sum(9)]).toEqual([10, 10, 9]);
    // Nothing that names the citizen.
    expect(document.content.toString("utf8")).not.toContain("P7100");
  });

  it("refuses staff and other deputies the deputy's own actions", async () => {
    const publish = `rp:publish:${data.dmDeputyId}:2026`;
    await countyStaff.pressData(publish);
    expect(countyStaff.callbackAnswers().at(-1)).toBe("只有代表本人可以填写和发布自己的述职报告。");
    await otherDeputy.pressData(`rp:write:${data.dmDeputyId}:2026`);
    expect(otherDeputy.callbackAnswers().at(-1)).toBe("这位代表不在您的范围内。");
    await townStaff.pressData(`rp:text:${data.dmDeputyId}:2026`);
    expect(townStaff.callbackAnswers().at(-1)).toBe("这位代表不在您的范围内。");
  });

  it("lets staff produce the pack of a deputy in their scope", async () => {
    await countyStaff.send("/report 2026");
    await countyStaff.press("王代表");
    expect(countyStaff.lastText()).toContain("收到群众诉求 12 件");
    expect(countyStaff.findButton("📢 发布")).toBeUndefined();
  });

  it("publishes, and citizens of the district read what was published", async () => {
    await citizen.send("/report");
    expect(citizen.lastText()).toBe("本选区代表还没有发布述职报告。");
    await deputy.press("📢 发布");
    expect(deputy.texts().some((t) => t.startsWith("述职报告已发布"))).toBe(true);
    const report = await bot.prisma.deputyReport.findUniqueOrThrow({
      where: { deputyId_year: { deputyId: data.dmDeputyId, year: 2026 } },
    });
    expect(report.publishedAt).not.toBeNull();
    expect(JSON.parse(report.snapshot!).figures.find((f: { id: string }) => f.id === "received").value).toBe(
      12,
    );
    await citizen.send("/report");
    await citizen.press(/^2026 · 王代表/);
    expect(citizen.lastText()).toContain("今年我走访了东门社区的每一栋楼。");
    expect(citizen.lastText()).toContain("已于");
  });
});
