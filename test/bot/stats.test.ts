// /stats driven as deputies and staff drive it, on the hand-built November
// (test/helpers/stats-dataset.ts): the summary, filters and groupings, forged buttons, charts
// as PNGs, and the CSV and XLSX opened back.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricDictionary, metricKeys } from "../../src/domain/metrics/dictionary.js";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import { pngSize } from "../helpers/png.js";
import { addStaffMember, buildNovemberDataset, november } from "../helpers/stats-dataset.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("/stats on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let countyStaff: TestUser;
  let townStaff: TestUser;
  let citizen: TestUser;
  const districtId = async (code: string) =>
    (await bot.prisma.district.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => november.now });
    await buildNovemberDataset(bot.prisma);
    await addStaffMember(bot.prisma, 7201, "QS");
    await addStaffMember(bot.prisma, 7202, "QS-SQ");
    deputy = bot.user(7001);
    countyStaff = bot.user(7201);
    townStaff = bot.user(7202);
    citizen = bot.user(7100);
  });
  afterAll(() => bot.close());

  it("answers a deputy with their own work this month, each rate with n and interval", async () => {
    await deputy.send("/stats");
    const text = deputy.lastText();
    expect(text).toContain("统计 2026-11-01 至 2026-11-30");
    expect(text).toContain("本人经办");
    // Cases 1–12: 11 closed of 12; satisfaction 9 of 10 rated; 1 overdue (case 9).
    expect(text).toContain("收到诉求:12 件");
    expect(text).toMatch(/办结率:91\.7%\(11\/12,95%区间 \d+\.\d%–\d+\.\d%\)/);
    expect(text).toContain("满意率:90.0%(9/10,95%区间 59.6%–98.2%)");
    expect(text).toContain("当前超期:1 件");
    // Replies after 1…12 h: median ⌈6⌉th = 6 h, 90th percentile ⌈10.8⌉th = 11 h.
    expect(text).toContain("首次答复用时:中位数 6.0 小时,第90百分位 11.0 小时(n=12)");
    // The definitions travel with the figures.
    expect(text).toContain(
      "<b>办结率</b>:已办结件数 ÷ 收到件数。分母:统计期内收到的诉求(不含被合并的重复诉求)",
    );
    expect(deputy.findButton(/^代表:/)).toBeUndefined();
  });

  it("refuses a deputy's forged button for another district, and keeps the question", async () => {
    const before = deputy.texts().length;
    await deputy.pressData(`st:dpick:${await districtId("QS-SQ-SQ")}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("这个区域不在您的统计范围内。");
    expect(deputy.texts().length).toBe(before);
    await deputy.pressData("st:back:0");
    expect(deputy.lastText()).toContain("收到诉求:12 件");
  });

  it("refuses a deputy another deputy's figures", async () => {
    const other = await bot.prisma.user.findUniqueOrThrow({ where: { telegramId: 7002n } });
    await deputy.pressData(`st:rpick:${other.id}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("这位代表不在您的统计范围内。");
  });

  it("refuses staff a district outside their subtree", async () => {
    await townStaff.send("/stats");
    expect(townStaff.lastText()).toContain("收到诉求:3 件");
    await townStaff.pressData(`st:dpick:${await districtId("QS-CG-DM")}`);
    expect(townStaff.callbackAnswers().at(-1)).toBe("这个区域不在您的统计范围内。");
    await townStaff.pressData(`st:dnav:${await districtId("QS-CG")}`);
    expect(townStaff.callbackAnswers().at(-1)).toBe("这个区域不在您的统计范围内。");
  });

  it("tells citizens statistics are not for them, and answers a button without a question as stale", async () => {
    await citizen.send("/stats");
    expect(citizen.lastText()).toBe("统计只对人大代表、联络站工作人员和管理员开放。");
    await citizen.pressData("st:period:1");
    expect(citizen.callbackAnswers().at(-1)).toBe("这个统计菜单已过期,请重新发送 /stats。");
    await citizen.pressData("st:bogus:1");
    expect(citizen.callbackAnswers().at(-1)).toBe("这个统计菜单已过期,请重新发送 /stats。");
  });

  it("says too few to judge for a small selection", async () => {
    await townStaff.send("/stats");
    // 石桥镇 in November: 2 countable cases.
    expect(townStaff.lastText()).toContain("办结率:样本过少,不作判断(n=2,少于 10)");
  });

  it("filters by district and category, groups by district, and shows no ranking where intervals overlap", async () => {
    await countyStaff.send("/stats");
    expect(countyStaff.lastText()).toContain("收到诉求:15 件");
    await countyStaff.press(/^分组:/);
    await countyStaff.press("区域");
    const grouped = countyStaff.lastText();
    expect(grouped).toContain("按区域:");
    expect(grouped).toMatch(/城关街道:收到 12 件;办结率 91\.7%/);
    expect(grouped).toContain("石桥镇:收到 3 件;办结率 样本过少");
    expect(grouped).not.toContain("排名");
    await countyStaff.press(/^类别:/);
    await countyStaff.press("环境卫生");
    expect(countyStaff.lastText()).toContain("收到诉求:3 件");
    await countyStaff.press(/^类别:/);
    await countyStaff.press("全部");
    await countyStaff.press(/^区域:/);
    await countyStaff.press("青山县");
    await countyStaff.press("城关街道");
    await countyStaff.press("东门社区");
    await countyStaff.press("选择「东门社区」");
    expect(countyStaff.lastText()).toContain("范围:东门社区");
    expect(countyStaff.lastText()).toContain("收到诉求:12 件");
  });

  it("takes a custom range typed as two dates", async () => {
    await countyStaff.send("/stats");
    await countyStaff.press("自定义");
    expect(countyStaff.lastText()).toContain("请发送起止日期");
    await countyStaff.send("2026-13-01 2026-10-31");
    expect(countyStaff.lastText()).toContain("没有看懂这个日期范围");
    await countyStaff.send("2026-10-01 至 2026-10-31");
    expect(countyStaff.lastText()).toContain("统计 2026-10-01 至 2026-10-31");
    // Only case 16 came in October; the October visit was held.
    expect(countyStaff.lastText()).toContain("收到诉求:1 件");
    expect(countyStaff.lastText()).toContain("开展活动:1 次");
  });

  it("sends the monthly trend, the funnel and the categories as PNGs of 1200 × 700", async () => {
    await countyStaff.send("/stats");
    await countyStaff.press("📈 图表");
    const album = bot.fake.callsTo("sendMediaGroup").at(-1)!;
    const media = album.payload.media as { type: string; media: UploadedFile }[];
    expect(media.map((m) => m.type)).toEqual(["photo", "photo", "photo"]);
    for (const item of media) {
      expect(await pngSize(item.media.content)).toEqual({ width: 1200, height: 700 });
      expect(item.media.content.length).toBeGreaterThan(10_000);
      expect(item.media.content.length).toBeLessThan(500_000);
    }
    expect(media.map((m) => m.media.filename)).toEqual([
      "stats-2026-11-01_2026-11-30-trend.png",
      "stats-2026-11-01_2026-11-30-funnel.png",
      "stats-2026-11-01_2026-11-30-categories.png",
    ]);
  });

  it("sends the table as a CSV with a BOM that opens back into the same figures", async () => {
    await countyStaff.send("/stats");
    await countyStaff.press(/^分组:/);
    await countyStaff.press("区域");
    await countyStaff.press("CSV");
    const document = bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile;
    expect(document.filename).toBe("stats-2026-11-01_2026-11-30.csv");
    expect([...document.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(document.content, { bom: true, relax_column_count: true });
    const header = rows[0]!;
    const column = (name: string) => header.indexOf(name);
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.get("城关街道")![column("收到诉求")]).toBe("12");
    expect(byName.get("石桥镇")![column("收到诉求")]).toBe("3");
    expect(byName.get("合计")![column("收到诉求")]).toBe("15");
    expect(byName.get("合计")![column("办结率(分子)")]).toBe("11");
    expect(byName.get("合计")![column("办结率(分母)")]).toBe("14");
    expect(byName.get("合计")![column("办结率(%)")]).toBe("78.6");
    expect(byName.get("石桥镇")![column("办结率(%)")]).toBe("样本过少");
    // The definitions follow the table.
    expect(byName.get("办结率")?.[1]).toBe("已办结件数 ÷ 收到件数");
  });

  it("sends an XLSX whose sheets hold the table and the definitions", async () => {
    await countyStaff.send("/stats");
    await countyStaff.press("XLSX");
    const document = bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile;
    expect(document.filename).toBe("stats-2026-11-01_2026-11-30.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(document.content as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["统计", "指标口径"]);
    const sheet = workbook.getWorksheet("统计")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const total = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(total[0]).toBe("合计");
    expect(total[header.indexOf("收到诉求")]).toBe(15);
    expect(total[header.indexOf("首次答复用时 中位数(小时)")]).toBe(6);
    expect(workbook.getWorksheet("指标口径")!.rowCount).toBe(metricDictionary.length + 1);
  });
});

describe("the metric dictionary in the locales", () => {
  it("defines every metric's name, formula, denominator and exclusions in both languages", async () => {
    const { createI18n } = await import("../../src/bot/i18n.js");
    const i18n = createI18n("zh-CN");
    for (const locale of ["zh-CN", "en"]) {
      for (const metric of metricDictionary) {
        for (const key of Object.values(metricKeys(metric.id))) {
          const text = i18n.t(locale, key);
          expect(text, `${locale} ${key}`).not.toBe(key);
          expect(text.trim().length).toBeGreaterThan(0);
        }
      }
    }
  });
});
