// Announcing activities to the district's subscribers and what citizens do with a notice:
// come (against capacity), get reminded, raise a concern instead, take an .ics file, stop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Dialect } from "../../src/db/client.js";
import type { Activity } from "../../src/db/generated/sqlite/client.js";
import { publishActivityBatch } from "../../src/db/queries/activities.js";
import { setNoticesOptOut, setSubscription } from "../../src/db/queries/subscriptions.js";
import { markUserInactive } from "../../src/db/queries/users.js";
import { testDialects } from "../helpers/database.js";
import { parseIcs, parseUtc, propertyValue, unescapeText } from "../helpers/ics-reader.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, citizenOf, createActivityBot, createActivityInBot, joinAs } from "./activities-helpers.js";

const NOTICE = "📢 <b>活动通知</b>";

function noticesTo(user: TestUser): string[] {
  return user.texts().filter((t) => t.startsWith(NOTICE));
}

/** The suite on `dialect` (one file per dialect, activities-notices-<dialect>.test.ts, so that they run side by side); skipped when TEST_DIALECTS leaves it out. */
export function describeActivitiesNotices(dialect: Dialect): void {
  describe.skipIf(!testDialects.includes(dialect))(`activity notices on ${dialect}`, () => {
    let clock: Clock;
    let bot: TestBot;
    let staff: TestUser;

    beforeEach(async () => {
      clock = new Clock();
      bot = await createActivityBot(clock, dialect);
      staff = bot.user(5001, { firstName: "陈干事" });
      await joinAs(bot, clock, staff, "staff", "QS-CG");
    });
    afterEach(() => bot.close());

    /** An activity in 东门社区 on 10 December, 09:00–11:00 (announced on the 7th). */
    function dongmenReceptionDay(extra: { capacity?: number; time?: string; district?: string } = {}) {
      return createActivityInBot(bot, staff, {
        title: "东门社区代表接待日",
        time: extra.time ?? "2026-12-10 09:00-11:00",
        district: extra.district ?? "东门社区",
        capacity: extra.capacity,
      });
    }

    async function publish(activity: Activity): Promise<void> {
      clock.set(activity.publishAt!.toISOString());
      await bot.drainJobs();
    }

    describe("publishing", () => {
      it("announces the activity on its publish day, not before", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const activity = await dongmenReceptionDay();
        await bot.drainJobs();
        expect(noticesTo(citizen)).toEqual([]);
        await publish(activity);
        expect(noticesTo(citizen)).toHaveLength(1);
        expect(noticesTo(citizen)[0]).toContain(
          "<b>东门社区代表接待日</b>\n类型:接待日\n时间:2026年12月10日周四 09:00–11:00",
        );
        const after = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
        expect(after.status).toBe("published");
        expect(after.publishedAt).toEqual(new Date("2026-12-07T01:00:00Z"));
      });

      it("reaches subscribers of the district and of districts containing it, never opted-out or inactive ones", async () => {
        const sameDistrict = bot.user(6001);
        const county = bot.user(6002);
        const sibling = bot.user(6003);
        const elsewhere = bot.user(6004);
        const optedOut = bot.user(6005);
        const blocked = bot.user(6006);
        const unsubscribed = bot.user(6007);
        await citizenOf(bot, clock, sameDistrict, "QS-CG-DM");
        const countyId = await citizenOf(bot, clock, county, "QS-CG-XJ");
        const qs = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS" } });
        await setSubscription(bot.prisma, countyId, qs.id, true, clock.now());
        await citizenOf(bot, clock, sibling, "QS-CG-XJ");
        await citizenOf(bot, clock, elsewhere, "QS-SQ-SQ");
        await setNoticesOptOut(
          bot.prisma,
          await citizenOf(bot, clock, optedOut, "QS-CG-DM"),
          true,
          clock.now(),
        );
        await markUserInactive(
          bot.prisma,
          await citizenOf(bot, clock, blocked, "QS-CG-DM"),
          "blocked",
          clock.now(),
        );
        const unsubscribedId = await citizenOf(bot, clock, unsubscribed, "QS-CG-DM");
        const dm = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG-DM" } });
        await setSubscription(bot.prisma, unsubscribedId, dm.id, false, clock.now());

        await publish(await dongmenReceptionDay());

        expect(noticesTo(sameDistrict)).toHaveLength(1);
        expect(noticesTo(county)).toHaveLength(1);
        for (const user of [sibling, elsewhere, optedOut, blocked, unsubscribed])
          expect(noticesTo(user)).toEqual([]);
      });

      it("reaches subscribers of the districts inside a township's activity", async () => {
        const villager = bot.user(6001);
        await citizenOf(bot, clock, villager, "QS-CG-NH");
        await publish(await dongmenReceptionDay({ district: "城关街道" }));
        expect(noticesTo(villager)).toHaveLength(1);
      });

      it("announces at once an activity created closer than ACTIVITY_NOTICE_DAYS", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const activity = await dongmenReceptionDay({ time: "2026-12-02 09:00" });
        expect(activity.publishAt).toEqual(clock.now());
        expect(staff.lastText()).toContain("活动通知正在发送给订阅本选区活动通知的群众");
        await bot.drainJobs();
        expect(noticesTo(citizen)).toHaveLength(1);
      });

      it("queues each notice once however often the announcement runs", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const activity = await dongmenReceptionDay();
        await publish(activity);
        const again = await publishActivityBatch(bot.db, {
          activityId: activity.id,
          afterUserId: 0,
          now: clock.now(),
          batchSize: 500,
        });
        expect(again.queued).toBeGreaterThan(0);
        await bot.drainJobs();
        expect(noticesTo(citizen)).toHaveLength(1);
        const userId = (await citizen.record())!.id;
        expect(await bot.prisma.job.count({ where: { key: `act:${activity.id}:${userId}` } })).toBe(1);
      });

      it("walks a large audience in batches of 500 and reaches everyone exactly once", async () => {
        const dm = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG-DM" } });
        const count = 620;
        const now = clock.now();
        await bot.prisma.user.createMany({
          data: Array.from({ length: count }, (_, i) => ({
            telegramId: BigInt(700_000 + i),
            firstName: `C${i}`,
            locale: "zh-CN",
            districtId: dm.id,
            consentedAt: now,
            createdAt: now,
            updatedAt: now,
          })),
        });
        const users = await bot.prisma.user.findMany({ where: { telegramId: { gte: 700_000 } } });
        await bot.prisma.noticeSubscription.createMany({
          data: users.map((u) => ({
            userId: u.id,
            districtId: dm.id,
            active: true,
            createdAt: now,
            updatedAt: now,
          })),
        });
        const activity = await dongmenReceptionDay();
        await publish(activity);

        const publishJobs = await bot.prisma.job.findMany({
          where: { task: "activity-publish" },
          orderBy: { id: "asc" },
        });
        expect(publishJobs.map((j) => j.key)).toEqual([
          `act-pub:${activity.id}`,
          `act-pub:${activity.id}:${users[499]!.id}`,
        ]);
        const sent = bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.text).startsWith(NOTICE));
        const chats = sent.map((c) => Number(c.payload.chat_id));
        expect(chats).toHaveLength(count);
        expect(new Set(chats).size).toBe(count);
      });
    });

    describe("answers", () => {
      it("registers “I'll come”, counts it and queues reminders 24 h and 2 h before", async () => {
        const citizen = bot.user(6001);
        const userId = await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const activity = await dongmenReceptionDay({ capacity: 20 });
        // A station and a deputy on the card: the tap's redrawn card (read in plain SQL) keeps them.
        const station = await bot.prisma.liaisonStation.findFirstOrThrow({ orderBy: { id: "asc" } });
        const at = new Date("2026-12-01T00:00:00Z");
        const deputy = await bot.prisma.user.create({
          data: { telegramId: 6999n, firstName: "王", lastName: "代表", createdAt: at, updatedAt: at },
        });
        await bot.prisma.activity.update({ where: { id: activity.id }, data: { stationId: station.id } });
        await bot.prisma.activityDeputy.create({ data: { activityId: activity.id, userId: deputy.id } });
        await publish(activity);
        const notice = noticesTo(citizen).at(-1)!;
        expect(notice).toContain(station.nameZh);
        expect(notice).toContain("王 代表");
        await citizen.press("✋ 我会参加");
        expect(citizen.lastText()).toContain("✅ 已为您报名 <b>东门社区代表接待日</b>");
        expect(citizen.lastText()).toContain("目前已报名 1 人");
        // The card redrawn under the pressed message: the notice's card line for line, but the places left.
        const redrawn = String(bot.fake.callsTo("editMessageText").at(-1)!.payload.text).split("\n");
        const card = notice.split("\n\n").slice(1).join("\n\n").split("\n");
        expect(redrawn.slice(0, -1)).toEqual(card.slice(0, -1));
        expect([card.at(-1), redrawn.at(-1)]).toEqual(["名额:20 人,尚余 20 个", "名额:20 人,尚余 19 个"]);
        const rsvp = await bot.prisma.activityRsvp.findUniqueOrThrow({
          where: { activityId_userId: { activityId: activity.id, userId } },
        });
        expect(rsvp.answer).toBe("going");
        const reminders = await bot.prisma.job.findMany({
          where: { key: { in: [`act-r24:${activity.id}:${userId}`, `act-r2:${activity.id}:${userId}`] } },
          orderBy: { runAt: "asc" },
        });
        expect(reminders.map((j) => j.runAt)).toEqual([
          new Date("2026-12-09T01:00:00Z"),
          new Date("2026-12-09T23:00:00Z"),
        ]);
      });

      it("refuses “I'll come” with a clear message when all places are taken", async () => {
        const first = bot.user(6001);
        const second = bot.user(6002);
        await citizenOf(bot, clock, first, "QS-CG-DM");
        const secondId = await citizenOf(bot, clock, second, "QS-CG-DM");
        const activity = await dongmenReceptionDay({ capacity: 1 });
        await publish(activity);
        await first.press("✋ 我会参加");
        await second.press("✋ 我会参加");
        expect(second.callbackAnswers().at(-1)).toContain("名额已满,无法报名");
        expect(
          await bot.prisma.activityRsvp.findUnique({
            where: { activityId_userId: { activityId: activity.id, userId: secondId } },
          }),
        ).toBeNull();
        expect(
          await bot.prisma.activityRsvp.count({ where: { activityId: activity.id, answer: "going" } }),
        ).toBe(1);
      });

      it("gives the last place to one of several people tapping at the same moment", async () => {
        const people = [6001, 6002, 6003, 6004].map((id) => bot.user(id));
        for (const person of people) await citizenOf(bot, clock, person, "QS-CG-DM");
        const activity = await dongmenReceptionDay({ capacity: 1 });
        await publish(activity);
        // All handled at once: their transactions overlap, each reads the count before writing.
        await Promise.all(people.map((person) => person.press("✋ 我会参加")));
        expect(
          await bot.prisma.activityRsvp.count({ where: { activityId: activity.id, answer: "going" } }),
        ).toBe(1);
        // One is told they are registered; the other three get the "full" alert.
        expect(people.filter((p) => p.lastText()?.includes("已为您报名"))).toHaveLength(1);
        expect(
          people[0]!.callbackAnswers().filter((text) => text.includes("名额已满,无法报名")),
        ).toHaveLength(3);
      });

      it("frees the place when someone withdraws", async () => {
        const first = bot.user(6001);
        const second = bot.user(6002);
        await citizenOf(bot, clock, first, "QS-CG-DM");
        await citizenOf(bot, clock, second, "QS-CG-DM");
        const activity = await dongmenReceptionDay({ capacity: 1 });
        await publish(activity);
        await first.press("✋ 我会参加");
        await first.press("取消报名");
        expect(first.lastText()).toContain("已取消您对 <b>东门社区代表接待日</b> 的报名");
        await second.press("✋ 我会参加");
        expect(second.lastText()).toContain("已为您报名");
      });

      it("reminds those coming 24 h and 2 h before, and not those who withdrew", async () => {
        const coming = bot.user(6001);
        const withdrawn = bot.user(6002);
        await citizenOf(bot, clock, coming, "QS-CG-DM");
        await citizenOf(bot, clock, withdrawn, "QS-CG-DM");
        const activity = await dongmenReceptionDay();
        await publish(activity);
        await coming.press("✋ 我会参加");
        await withdrawn.press("✋ 我会参加");
        await withdrawn.press("取消报名");

        clock.set("2026-12-09T01:00:00Z");
        await bot.drainJobs();
        expect(coming.lastText()).toContain("⏰ 提醒:您报名的 <b>东门社区代表接待日</b> 将在 24 小时后开始");
        clock.set("2026-12-09T23:00:00Z");
        await bot.drainJobs();
        expect(coming.lastText()).toContain("将在 2 小时后开始");
        expect(withdrawn.texts().some((t) => t.includes("⏰ 提醒"))).toBe(false);
      });

      it("sends no reminder for a cancelled activity, and tells those coming that it is cancelled", async () => {
        const coming = bot.user(6001);
        await citizenOf(bot, clock, coming, "QS-CG-DM");
        const activity = await dongmenReceptionDay();
        await publish(activity);
        await coming.press("✋ 我会参加");
        await staff.send("/activities_manage");
        await staff.press(/东门社区代表接待日/);
        await staff.press("取消活动");
        await staff.press("确定取消活动");
        expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
          "cancelled",
        );
        await bot.drainJobs();
        expect(coming.lastText()).toContain("⚠️ 您报名的活动 <b>东门社区代表接待日</b>");
        clock.set("2026-12-09T23:00:00Z");
        await bot.drainJobs();
        expect(coming.texts().some((t) => t.includes("⏰ 提醒"))).toBe(false);
      });

      it("opens the concern flow for someone who can't come", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        await publish(await dongmenReceptionDay());
        await citizen.press("去不了,改为在线反映问题");
        expect(citizen.texts().at(-2)).toContain("没关系。您可以直接在这里向本选区人大代表反映问题");
        expect(citizen.lastText()).toContain("请描述您要反映的问题");
        await citizen.send("小区门口的路灯不亮。");
        await citizen.press("描述完成");
        await citizen.press("道路交通");
        await citizen.press("提交");
        const concern = await bot.prisma.concern.findFirstOrThrow({ include: { district: true } });
        expect(concern.description).toBe("小区门口的路灯不亮。");
        expect(concern.district.code).toBe("QS-CG-DM");
      });

      it("sends a parseable .ics with the times in UTC for Asia/Shanghai", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const activity = await dongmenReceptionDay();
        await publish(activity);
        await citizen.press("📅 加入日历(.ics)");
        const call = bot.fake.callsTo("sendDocument").at(-1)!;
        const file = call.payload.document as { filename: string; content: Buffer };
        expect(file.filename).toBe(`activity-${activity.id}.ics`);
        const properties = parseIcs(file.content.toString("utf8"));
        const value = (name: string) => propertyValue(properties, name);
        expect(value("DTSTART")).toBe("20261210T010000Z");
        expect(parseUtc(value("DTEND"))).toEqual(new Date("2026-12-10T03:00:00Z"));
        expect(unescapeText(value("SUMMARY"))).toBe("东门社区代表接待日");
        expect(unescapeText(value("LOCATION"))).toBe("人民路88号便民服务中心二楼");
        expect(value("UID")).toBe(`activity-${activity.id}@liaison-station`);
      });

      it("stops activity notices for someone who taps “Stop these notices”", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        await publish(await dongmenReceptionDay());
        await citizen.press("不再接收此类通知");
        expect(citizen.lastText()).toContain("您已关闭所有活动通知");
        expect((await citizen.record())!.noticesOptOutAt).toEqual(clock.now());
        const second = await createActivityInBot(bot, staff, {
          title: "东门社区第二次接待日",
          time: "2026-12-20 09:00",
          district: "东门社区",
        });
        await publish(second);
        expect(noticesTo(citizen)).toHaveLength(1);
      });
    });

    describe("/activities and /deputies", () => {
      it("lists the coming activities of the citizen's district and those containing it, announced or not yet, with answer buttons", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        const township = await dongmenReceptionDay({ district: "城关街道", time: "2026-12-02 09:00" });
        await bot.prisma.activity.update({
          where: { id: township.id },
          data: { title: "城关街道集中接待日" },
        });
        await dongmenReceptionDay({ district: "西街社区", time: "2026-12-02 10:00" });
        // Announced (pushed) only on the 22nd, but listed now: the announcement day governs the push.
        await dongmenReceptionDay({ time: "2026-12-25 09:00" });
        await bot.drainJobs();
        await citizen.send("/activities");
        const texts = citizen.texts();
        expect(texts.at(-3)).toBe("<b>东门社区</b> 近期活动共 2 个:");
        expect(texts.at(-2)).toContain("<b>城关街道集中接待日</b>");
        expect(texts.at(-1)).toContain("2026年12月25日");
        expect(texts.join("\n")).not.toContain("西街社区");
        await citizen.pressData(citizen.findButton("✋ 我会参加")!.data.replace(/:\d+$/, `:${township.id}`));
        expect(citizen.lastText()).toContain("已为您报名 <b>城关街道集中接待日</b>");
      });

      it("says so when nothing is coming up", async () => {
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        await citizen.send("/activities");
        expect(citizen.lastText()).toBe("<b>东门社区</b> 近期没有已发布的活动。");
      });

      it("shows the district's deputies, their station, its address and reception days", async () => {
        const deputy = bot.user(5101, { firstName: "王代表" });
        await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
        const citizen = bot.user(6001);
        await citizenOf(bot, clock, citizen, "QS-CG-DM");
        await citizen.send("/deputies");
        const text = citizen.lastText();
        expect(text).toContain("<b>东门社区的人大代表和联络站</b>");
        expect(text).toContain("🏛 <b>城关街道人大代表联络站</b>");
        expect(text).toContain("地址:青山县城关街道人民路88号便民服务中心二楼");
        expect(text).toContain("接待日:每月15日 9:00–11:00");
        expect(text).toContain("电话:0571-6880 1001");
        expect(text).toContain("进站代表:王代表(东门社区)");
      });

      it("shows /deputies in English with the English names and address", async () => {
        const deputy = bot.user(5101, { firstName: "Wang" });
        await joinAs(bot, clock, deputy, "representative", "QS-SQ-LJ");
        const citizen = bot.user(6001, { languageCode: "en" });
        await citizen.send("/start d_QS-SQ-LJ");
        await citizen.press("Agree and continue");
        await citizen.send("/deputies");
        const text = citizen.lastText();
        expect(text).toContain("<b>Deputies and liaison station of Liujia Village</b>");
        expect(text).toContain("🏛 <b>Shiqiao Town People's Congress Deputies' Liaison Station</b>");
        expect(text).toContain("Address: 1F, Town Government Building, 12 Zhenxing Road");
        expect(text).toContain("Reception days: 1st and 15th of each month, 9:00–11:30");
        expect(text).toContain("Deputies: Wang (Liujia Village)");
      });
    });
  });
}
