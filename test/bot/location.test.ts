// A location is sensitive personal information (PIPL art. 28–29): it is attached to a concern
// only with its own, separate consent, and then reaches the deputy with the case.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe("sharing a location with a concern", () => {
  let bot: TestBot;
  let citizen: TestUser;
  const where = { latitude: 28.1941, longitude: 112.9823 };

  beforeEach(async () => {
    bot = await TestBot.create();
    citizen = bot.user(8101, { firstName: "周先生" });
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("这个路口的红绿灯坏了。");
  });
  afterEach(() => bot.close());

  async function submit() {
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    return bot.prisma.concern.findFirstOrThrow({ include: { attachments: true } });
  }

  it("asks for separate consent and attaches the location only after it", async () => {
    await citizen.sendMessage({ location: where });
    expect(citizen.lastText()).toContain("位置信息属于敏感个人信息");
    expect((await citizen.record())?.locationConsentAt).toBeNull();
    await citizen.press("同意并附上位置");
    expect(citizen.lastText()).toContain("已附上位置");
    expect((await citizen.record())?.locationConsentAt).toBeInstanceOf(Date);
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    expect(citizen.lastText()).toContain("位置:已附上");
    await citizen.press("提交");
    const concern = await bot.prisma.concern.findFirstOrThrow({ include: { attachments: true } });
    expect([concern.latitude, concern.longitude]).toEqual([where.latitude, where.longitude]);
    expect(concern.attachments.map((a) => [a.kind, a.latitude, a.longitude])).toEqual([
      ["location", where.latitude, where.longitude],
    ]);
  });

  it("keeps no trace of a location the citizen declined to attach", async () => {
    await citizen.sendMessage({ location: where });
    await citizen.press("不附位置");
    expect(citizen.lastText()).toContain("未附上位置");
    const concern = await submit();
    expect(concern.latitude).toBeNull();
    expect(concern.attachments).toHaveLength(0);
    expect((await citizen.record())?.locationConsentAt).toBeNull();
  });

  it("shows the deputy the place, and does not ask again once consent was given", async () => {
    const deputy = bot.user(8201, { firstName: "郑代表" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
    await citizen.sendMessage({ location: where });
    await citizen.press("同意并附上位置");
    await submit();
    await bot.drainJobs();
    await deputy.press("查看附件");
    const locations = bot.fake.callsTo("sendLocation").filter((c) => Number(c.payload.chat_id) === 8201);
    expect(locations.map((c) => [c.payload.latitude, c.payload.longitude])).toEqual([
      [where.latitude, where.longitude],
    ]);

    await citizen.send("/new");
    await citizen.send("还有一处井盖缺失。");
    const asked = citizen.texts().filter((t) => t.includes("位置信息属于敏感个人信息")).length;
    await citizen.sendMessage({ location: { latitude: 28.2, longitude: 112.99 } });
    expect(citizen.lastText()).toContain("已附上位置");
    expect(citizen.texts().filter((t) => t.includes("位置信息属于敏感个人信息")).length).toBe(asked);
  });
});
