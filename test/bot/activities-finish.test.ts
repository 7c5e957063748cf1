// Activities, finished, driven as staff and citizens drive them: an activity announced more
// than ACTIVITY_NOTICE_DAYS ahead is listed in /activities for its district at once (the
// announcement day governs only the push) and may be answered; the card's count is right
// after each answer; staff publish it now; they see the attendee list and export it as CSV;
// citizens cannot reach the staff's buttons.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityManageData } from "../../src/bot/callback-data.js";
import type { Activity } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import type { UploadedFile } from "../helpers/fake-bot-api.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, citizenOf, createActivityBot, createActivityInBot, joinAs } from "./activities-helpers.js";

describe.each(testDialects)("activities, finished, on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let staff: TestUser;
  let first: TestUser;
  let second: TestUser;
  let subscriber: TestUser;
  let activity: Activity;

  beforeAll(async () => {
    bot = await createActivityBot(clock, dialect);
    staff = bot.user(5101, { firstName: "陈干事" });
    first = bot.user(6101, { firstName: "赵一", username: "zhao1" });
    second = bot.user(6102, { firstName: "钱二" });
    subscriber = bot.user(6103, { firstName: "孙三" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    for (const u of [first, second, subscriber]) await citizenOf(bot, clock, u, "QS-CG-DM");
    // Three weeks ahead: announced (pushed) only three days before.
    activity = await createActivityInBot(bot, staff, {
      title: "东门社区代表接待日",
      time: "2026-12-22 09:00-11:00",
      district: "东门社区",
      capacity: 2,
    });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lists it in /activities at once, before its announcement day, with answer buttons", async () => {
    expect(activity.status).toBe("approved");
    expect(subscriber.texts().some((t) => t.includes("活动通知"))).toBe(false);
    await first.send("/activities");
    expect(first.texts().join("\n")).toContain("<b>东门社区代表接待日</b>");
    expect(first.lastText()).toContain("尚余 2 个");
  });

  it("takes an answer and shows the card's count right after it", async () => {
    await first.press("✋ 我会参加");
    expect(first.texts().some((t) => t.includes("目前已报名 1 人"))).toBe(true);
    const edit = bot.fake.callsTo("editMessageText").at(-1)!;
    expect(edit.payload.text).toContain("尚余 1 个");
    await second.send("/activities");
    await second.press("✋ 我会参加");
    expect(bot.fake.callsTo("editMessageText").at(-1)!.payload.text).toContain("尚余 0 个");
  });

  it("refuses the staff's buttons to a citizen (forged data)", async () => {
    await first.pressData(activityManageData.pack({ action: "attendees", activityId: activity.id }));
    expect(first.callbackAnswers().at(-1)).toBeTruthy();
    expect(bot.fake.callsTo("sendDocument")).toHaveLength(0);
    await first.pressData(activityManageData.pack({ action: "publish_now", activityId: activity.id }));
    expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
      "approved",
    );
  });

  it("shows staff the attendee list and exports it as CSV", async () => {
    await staff.pressData(activityManageData.pack({ action: "open", activityId: activity.id }));
    await staff.press("👥 报名名单");
    expect(staff.lastText()).toContain("报名名单:2 人(名额 2)");
    expect(staff.lastText()).toContain("1. 赵一 @zhao1");
    expect(staff.lastText()).toContain("2. 钱二");
    await staff.press("导出名单(CSV)");
    const file = bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile;
    expect(file.filename).toBe(`activity-${activity.id}-attendees.csv`);
    const rows: string[][] = parse(file.content, { bom: true });
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["序号", "姓名", "用户名"],
      ["1", "赵一", "zhao1"],
      ["2", "钱二", ""],
    ]);
  });

  it("edits the time: those coming are told what changed, the .ics keeps its UID with a higher SEQUENCE", async () => {
    await first.press("📅 加入日历(.ics)");
    const before = (
      bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile
    ).content.toString();
    expect(before).toContain("SEQUENCE:0");
    const uid = before.match(/UID:(.*)\r\n/)![1];

    await staff.pressData(activityManageData.pack({ action: "open", activityId: activity.id }));
    await staff.press("✏️ 修改活动");
    await staff.press("时间");
    await staff.send("明天上午");
    expect(staff.lastText()).toContain("无法识别这个时间");
    await staff.send("2026-12-23 14:00-16:00");
    expect(staff.lastText()).toBe("✅ 已修改:时间。已通知 2 位报名的群众。");
    await bot.drainJobs();
    for (const u of [first, second]) {
      expect(u.lastText()).toContain("有变更:时间");
      expect(u.lastText()).toContain("2026年12月23日周三 14:00–16:00");
    }
    expect(subscriber.texts().some((t) => t.includes("有变更"))).toBe(false);
    await first.press("📅 加入日历(.ics)");
    const after = (
      bot.fake.callsTo("sendDocument").at(-1)!.payload.document as UploadedFile
    ).content.toString();
    expect(after).toContain(`UID:${uid}\r\n`);
    expect(after).toContain("SEQUENCE:1");
    expect(after).toContain("DTSTART:20261223T060000Z");
    // The same time again changes nothing and tells nobody.
    await staff.pressData(activityManageData.pack({ action: "edit_time", activityId: activity.id }));
    await staff.send("2026-12-23 14:00-16:00");
    expect(staff.lastText()).toBe("内容与原来相同,没有修改。");
    activity = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
  });

  it("publishes it now on the staff's tap: subscribers are told at once", async () => {
    await staff.pressData(activityManageData.pack({ action: "open", activityId: activity.id }));
    await staff.press("📢 立即发布");
    expect(staff.lastText()).toContain("已立即发布");
    await bot.drainJobs();
    const after = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(after.status).toBe("published");
    expect(subscriber.texts().filter((t) => t.includes("活动通知"))).toHaveLength(1);
    // The announcement day comes: nobody is told twice.
    clock.set(activity.publishAt!.toISOString());
    await bot.drainJobs();
    expect(subscriber.texts().filter((t) => t.includes("活动通知"))).toHaveLength(1);
  });

  it("tells the deputies on duty that they are, and reminds them the day before", async () => {
    const deputy = bot.user(5102, { firstName: "王代表" });
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    const duty = await createActivityInBot(bot, staff, {
      title: "东门社区代表走访",
      time: "2026-12-28 09:00",
      district: "东门社区",
      deputies: ["王代表"],
    });
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("您被安排在 <b>东门社区代表走访</b> 值班接待群众");
    expect(deputy.findButton("📅 加入日历(.ics)")).toBeDefined();
    const told = deputy.texts().length;
    clock.set("2026-12-27T01:30:00Z");
    await bot.drainJobs();
    expect(
      deputy
        .texts()
        .slice(told)
        .filter((t) => t.includes("提醒:明天您在 <b>东门社区代表走访</b> 值班")),
    ).toHaveLength(1);
    expect(duty.status).toBe("approved");
  });
});
