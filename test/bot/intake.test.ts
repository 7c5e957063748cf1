// Walk-in, phone, letter and reception-day cases, driven as staff and the person drive them:
// staff enter the case (the activity it came from; name and phone only with consent), the
// person gets a claim code and a QR code of the deep link, and claiming it attaches the case to
// their Telegram account, from which on they follow it; a code used twice, by the wrong person
// or not a code at all is refused clearly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeData } from "../../src/bot/callback-data.js";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import { pngSize } from "../helpers/png.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createCitizenBot, joinAs } from "./citizen-helpers.js";

describe.each(testDialects)("walk-in cases on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let staff: TestUser;
  let deputy: TestUser;
  let visitor: TestUser;
  let stranger: TestUser;
  let code: string;
  let link: string;
  let activityId: number;

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    staff = bot.user(2501, { firstName: "刘干事" });
    deputy = bot.user(2502, { firstName: "王代表" });
    visitor = bot.user(3501, { firstName: "来访群众" });
    stranger = bot.user(3502, { firstName: "路人" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await stranger.onboard("QS-CG-DM");
    const dm = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG-DM" } });
    const activity = await bot.prisma.activity.create({
      data: {
        kind: "reception",
        title: "十二月接待日",
        startsAt: new Date(clock.now().getTime() - 3_600_000),
        place: "东门社区联络站",
        districtId: dm.id,
        status: "published",
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    });
    activityId = activity.id;
  });
  afterAll(() => bot.close());

  it("lets only staff enter cases", async () => {
    await deputy.send("/intake");
    expect(deputy.lastText()).toBe("只有联络站工作人员和管理员可以代为登记诉求。");
    await stranger.pressData(intakeData.pack({ action: "create", value: 0 }));
    expect(stranger.callbackAnswers().at(-1)).toBe("只有联络站工作人员和管理员可以代为登记诉求。");
  });

  it("enters a reception-day case with the consented contact and hands out a claim code and QR code", async () => {
    await staff.send("/intake");
    await staff.press("接待日");
    expect(staff.lastText()).toBe("是在哪次活动中收到的?");
    await staff.press(/十二月接待日/);
    await staff.press("道路交通");
    await staff.send("东门小区北门人行道地砖松动,老人容易绊倒");
    await staff.press("同意保存姓名和电话");
    await staff.send("陈阿姨");
    await staff.send("12");
    expect(staff.lastText()).toContain("电话号码应为 5 到 20 位数字");
    await staff.send("139 1234 5678");
    expect(staff.lastText()).toContain("联系方式:陈阿姨 · 13912345678");
    expect(staff.lastText()).toContain("活动:十二月接待日");
    await staff.press("登记");

    const call = bot.fake.callsTo("sendPhoto").at(-1)!;
    const caption = call.payload.caption as string;
    const concern = await bot.prisma.concern.findFirstOrThrow({ include: { intake: true } });
    expect(caption).toContain(`已登记,诉求编号 <b>${concern.caseNo}</b>`);
    code = caption.match(/认领码:<b>([0-9A-Z]{5}-[0-9A-Z]{5})<\/b>/)![1]!;
    link = caption.match(/https:\/\/t\.me\/\S+/)![0];
    expect(link).toBe(`${link.split("?")[0]}?start=claim_${code.replace("-", "")}`);
    const png = call.payload.photo as UploadedFile;
    expect((await pngSize(png.content)).width).toBeGreaterThan(100);

    expect(concern.intake).toMatchObject({
      source: "reception_day",
      activityId,
      contactName: "陈阿姨",
      contactPhone: "13912345678",
    });
    expect(concern.intake!.claimCodeHash).not.toContain(code.replace("-", ""));
    expect(concern.citizenId).toBe((await staff.record())!.id);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("东门小区北门人行道地砖松动");
  });

  it("refuses the code to the staff member who entered the case", async () => {
    await staff.send(`/claim ${code}`);
    expect(staff.lastText()).toContain("代为登记诉求的工作人员不能认领");
  });

  it("attaches the case to the person who opens the QR link, after the privacy notice", async () => {
    await visitor.send(`/start ${link.split("start=")[1]}`);
    expect(visitor.lastText()).toContain("同意并继续");
    await visitor.press("同意并继续");
    const concern = await bot.prisma.concern.findFirstOrThrow({ include: { intake: true } });
    expect(visitor.texts().join("\n")).toContain(`诉求 <b>${concern.caseNo}</b> 已关联到您的账号`);
    const me = (await visitor.record())!;
    expect(concern.citizenId).toBe(me.id);
    expect(concern.intake!.claimedById).toBe(me.id);
    const claimed = await bot.prisma.concernEvent.findMany({
      where: { concernId: concern.id, kind: "claimed" },
    });
    expect(claimed).toHaveLength(1);
  });

  it("lets the person follow it from then on like any other case", async () => {
    await deputy.press("回复");
    await deputy.send("已安排维修,本周内完成。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(visitor.lastText()).toContain("已安排维修,本周内完成。");
    await visitor.send("/my");
    expect(visitor.lastText()).toContain("1");
  });

  it("refuses a code used twice, by the same person or anyone else, and a code that is none", async () => {
    await stranger.send(`/claim ${code}`);
    expect(stranger.lastText()).toContain("这个认领码已经被使用过");
    await visitor.send(`/claim ${code.toLowerCase()}`);
    expect(visitor.lastText()).toContain("您已经认领过这件诉求");
    await stranger.send("/claim ABC");
    expect(stranger.lastText()).toContain("这个认领码无效");
    await stranger.send("/claim");
    expect(stranger.lastText()).toContain("用法:/claim");
  });

  it("keeps no contact when the person does not agree, and works without an activity", async () => {
    await staff.send("/intake");
    await staff.press("来电");
    await staff.press("不是在活动中收到的");
    await staff.press("东门社区");
    await staff.press("不确定,跳过");
    await staff.send("来电反映东门菜场占道经营");
    await staff.press("不同意,不保存");
    expect(staff.lastText()).toContain("联系方式:未经同意,不保存");
    await staff.press("登记");
    const intake = await bot.prisma.caseIntake.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(intake).toMatchObject({
      source: "phone",
      activityId: null,
      contactName: null,
      contactPhone: null,
    });
    // The old button of a finished entry is stale.
    await staff.pressData(intakeData.pack({ action: "create", value: 0 }));
    expect(staff.callbackAnswers().at(-1)).toBe("这个按钮已失效,请重新打开菜单。");
  });
});
