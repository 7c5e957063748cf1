// An album added to a case reaches the other side as ONE album (issue 7): a citizen who adds
// three photos to their case with 补充说明 is answered once, is not offered a new concern for
// the later photos, and the deputy receives one album (sendMediaGroup) captioned with the words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("albums added to a case on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let citizen: TestUser;
  let caseId: number;
  let clock = new Date();

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    deputy = bot.user(2801, { firstName: "王代表" });
    citizen = bot.user(3801, { firstName: "张三" });
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await citizen.onboard("QS-CG-DM");
    caseId = await raiseConcern(bot, citizen, "小区路灯坏了三盏。");
  });
  afterAll(() => bot.close());

  it("carries a citizen's album to the deputy as one album with its caption, answered once", async () => {
    await citizen.send("/my");
    await citizen.press(/小区路灯/);
    await citizen.press("补充说明");
    const citizenBefore = citizen.received.length;
    const deputyBefore = deputy.received.length;
    const album = { media_group_id: "citizen-album-1" };
    await citizen.sendPhoto("三盏灯的照片。", album);
    await citizen.sendPhoto(undefined, album);
    await citizen.sendPhoto(undefined, album);

    // One answer for the album; no offer to file the later photos as a new concern.
    const answers = citizen.received.slice(citizenBefore);
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.payload.text)).toContain("已转交办理人员");
    expect(citizen.findButton("作为新诉求提交")).toBeUndefined();
    const messages = await bot.prisma.concernEvent.findMany({
      where: { concernId: caseId, kind: "message" },
    });
    expect(messages).toHaveLength(1);
    expect(await bot.prisma.attachment.count({ where: { eventId: messages[0]!.id } })).toBe(3);

    // The album's notifications wait a moment for its items, then go out as one album.
    clock = new Date(clock.getTime() + 5_000);
    await bot.drainJobs();
    const calls = deputy.received.slice(deputyBefore);
    expect(calls.filter((c) => c.method === "sendPhoto")).toHaveLength(0);
    const albums = calls.filter((c) => c.method === "sendMediaGroup");
    expect(albums).toHaveLength(1);
    const media = albums[0]!.payload.media as { type: string; caption?: string }[];
    expect(media).toHaveLength(3);
    expect(media[0]!.caption).toContain("三盏灯的照片。");
  });
});
