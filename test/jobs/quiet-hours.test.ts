// Quiet hours, 22:00–08:00 in Asia/Shanghai (UTC+8) by default, whatever the server's zone.
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "../../src/db/generated/sqlite/client.js";
import { enqueue, messageJob } from "../../src/db/outbox.js";
import { isQuietTime, parseQuietHours, quietHoursEnd } from "../../src/jobs/quiet-hours.js";
import { addConcern, addUser } from "./fixtures.js";
import { DAY, Harness } from "./harness.js";

describe("quiet hours", () => {
  const quiet = parseQuietHours("22:00-08:00", "Asia/Shanghai")!;

  it("are told by the clock in Shanghai, not the server's", () => {
    expect(isQuietTime(quiet, new Date("2026-11-24T13:59:00Z"))).toBe(false); // 21:59
    expect(isQuietTime(quiet, new Date("2026-11-24T14:00:00Z"))).toBe(true); // 22:00
    expect(isQuietTime(quiet, new Date("2026-11-24T23:59:00Z"))).toBe(true); // 07:59 next day
    expect(isQuietTime(quiet, new Date("2026-11-25T00:00:00Z"))).toBe(false); // 08:00
    expect(
      isQuietTime(parseQuietHours("22:00-08:00", "Europe/London"), new Date("2026-11-24T14:00:00Z")),
    ).toBe(false);
  });

  it("end at 08:00 local time, the next morning when it is late evening", () => {
    expect(quietHoursEnd(quiet, new Date("2026-11-24T14:30:15Z"))).toEqual(new Date("2026-11-25T00:00:00Z"));
    expect(quietHoursEnd(quiet, new Date("2026-11-24T18:00:00Z"))).toEqual(new Date("2026-11-25T00:00:00Z"));
  });

  it("may lie within one day, and can be turned off", () => {
    const lunch = parseQuietHours("12:00-13:30", "Asia/Shanghai")!;
    expect(isQuietTime(lunch, new Date("2026-11-24T04:10:00Z"))).toBe(true); // 12:10
    expect(isQuietTime(lunch, new Date("2026-11-24T05:30:00Z"))).toBe(false); // 13:30
    expect(parseQuietHours("off", "Asia/Shanghai")).toBeUndefined();
    expect(isQuietTime(undefined, new Date("2026-11-24T14:30:00Z"))).toBe(false);
  });
});

describe("sending in quiet hours", () => {
  let h: Harness;
  afterEach(() => h.close());

  /** At 23:00 in Shanghai: a follow-up (not urgent) and a deputy's reply (urgent) for one citizen each. */
  async function queueAtNight(mode: "silent" | "defer"): Promise<{ asked: User; answered: User }> {
    h = await Harness.create({ env: { QUIET_HOURS_MODE: mode }, start: "2026-11-24T15:00:00Z" });
    const asked = await addUser(h.prisma, { telegramId: 601, district: "QS-CG-DM" });
    const answered = await addUser(h.prisma, { telegramId: 602, district: "QS-CG-DM" });
    const now = h.clock.now();
    const closed = await addConcern(h.prisma, {
      citizen: asked,
      district: "QS-CG-DM",
      status: "resolved",
      createdAt: new Date(now.getTime() - 5 * DAY),
      closedAt: new Date(now.getTime() - 4 * DAY),
    });
    const open = await addConcern(h.prisma, {
      citizen: answered,
      district: "QS-CG-DM",
      status: "accepted",
      createdAt: new Date(now.getTime() - DAY),
    });
    const event = await h.prisma.concernEvent.create({
      data: {
        concernId: open.id,
        kind: "message",
        actorRole: "representative",
        text: "已派人查看",
        createdAt: now,
      },
    });
    await enqueue(
      h.prisma,
      h.db.dialect,
      [
        messageJob({ kind: "follow_up", recipientId: asked.id, concernId: closed.id }),
        messageJob({
          kind: "concern_message_to_citizen",
          recipientId: answered.id,
          concernId: open.id,
          eventId: event.id,
        }),
      ],
      now,
    );
    return { asked, answered };
  }

  it("sends non-urgent messages without sound in silent mode; a reply keeps its sound", async () => {
    await queueAtNight("silent");
    await h.app.worker.drain();
    expect(h.fake.sentTo(601)).toHaveLength(1);
    expect(h.fake.sentTo(601)[0]!.payload.disable_notification).toBe(true);
    expect(h.fake.sentTo(602)).toHaveLength(1);
    expect(h.fake.sentTo(602)[0]!.payload.disable_notification).toBeUndefined();
  });

  it("holds non-urgent messages until 08:00 Shanghai time in defer mode", async () => {
    const { asked } = await queueAtNight("defer");
    await h.app.worker.drain();
    expect(h.fake.sentTo(601)).toHaveLength(0);
    expect(h.fake.sentTo(602)).toHaveLength(1); // urgent: out at once
    const held = await h.prisma.job.findFirstOrThrow({
      where: { payload: { contains: `"recipientId":${asked.id},` } },
    });
    expect(held.runAt).toEqual(new Date("2026-11-25T00:00:00Z"));
    expect(held.attempts).toBe(0);

    h.clock.set("2026-11-24T23:59:00Z");
    await h.app.worker.drain();
    expect(h.fake.sentTo(601)).toHaveLength(0);
    h.clock.set("2026-11-25T00:00:00Z");
    await h.app.worker.drain();
    expect(h.fake.sentTo(601)).toHaveLength(1);
    expect(h.fake.sentTo(601)[0]!.payload.disable_notification).toBeUndefined();
  });
});
