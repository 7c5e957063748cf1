// The answer classes A/B/C/D in the report to the voters (述职), on the hand-built November
// (test/helpers/stats-dataset.ts) with referrals and department answers added here: each of
// the deputy's cases counts in the class of the latest answer it got, other deputies' not at all.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import { buildNovemberDataset, november } from "../helpers/stats-dataset.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("answer classes in the report to the voters on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let caseIds: number[];

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => november.now });
    ({ caseIds } = await buildNovemberDataset(bot.prisma));
    deputy = bot.user(7001, { firstName: "王代表" });
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, "0")}T02:00:00Z`);
    /** Refers case `index` on the 5th and records the department's answers (classes) on the given days. */
    const referWithAnswers = async (index: number, answers: [number, string][]) => {
      const concernId = caseIds[index] as number;
      const referral = await bot.prisma.referral.create({
        data: {
          concernId,
          departmentId: transport.id,
          status: answers.length > 0 ? "answered" : "sent",
          deadline: new Date("2026-12-31T15:59:59Z"),
          createdAt: at(5),
        },
      });
      await bot.prisma.concernEvent.createMany({
        data: [
          { concernId, kind: "referral_sent", actorRole: "staff", referralId: referral.id, createdAt: at(5) },
          ...answers.map(([day, answerClass]) => ({
            concernId,
            kind: "referral_answered",
            actorRole: "department",
            referralId: referral.id,
            text: answerClass,
            createdAt: at(day),
          })),
        ],
      });
    };
    // The deputy's cases 1–12: 1 and 2 answered A, 3 B, 4 first D then (reworked) C, 5 not yet answered.
    await referWithAnswers(0, [[8, "A"]]);
    await referWithAnswers(1, [[9, "A"]]);
    await referWithAnswers(2, [[9, "B"]]);
    await referWithAnswers(3, [
      [8, "D"],
      [12, "C"],
    ]);
    await referWithAnswers(4, []);
    // Case 13 is 石桥's, not the deputy's: its D does not count.
    await referWithAnswers(12, [[8, "D"]]);
  });
  afterAll(() => bot.close());

  it("counts the deputy's referrals by the class of their latest answer", async () => {
    await deputy.send("/report 2026");
    const text = deputy.lastText();
    expect(text).toContain("收到群众诉求 12 件,受理 12 件,转办 5 件,已解决 10 件。");
    // A: 1, 2; B: 3; C: 4 (its D was superseded); D: none (13 is another deputy's); 5 unanswered.
    expect(text).toContain("转办答复分类:A 类 2 件,B 类 1 件,C 类 1 件,D 类 0 件(按部门最近一次答复)。");
  });

  it("names each case's class in the case list, so that the counts can be traced", async () => {
    await deputy.press("📄 案件清单");
    const document = bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile;
    const rows: string[][] = parse(document.content, { bom: true });
    const column = rows[0]!.indexOf("答复分类(部门最近一次答复)");
    expect(column).toBeGreaterThan(0);
    const numbers = await bot.prisma.concern.findMany({
      where: { id: { in: caseIds.slice(0, 12) } },
      orderBy: { id: "asc" },
    });
    const classOf = new Map(rows.slice(1).map((r) => [r[0], r[column]]));
    expect(numbers.map((c) => classOf.get(c.caseNo))).toEqual([
      "A",
      "A",
      "B",
      "C",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
  });

  it("says the same in English", async () => {
    await bot.prisma.user.update({ where: { telegramId: 7001n }, data: { locale: "en" } });
    await deputy.send("/report 2026");
    expect(deputy.lastText()).toContain(
      "Answers to referrals by class: A 2, B 1, C 1, D 0 (the department's latest answer).",
    );
  });
});
