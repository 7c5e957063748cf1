import { describe, expect, it } from "vitest";
import { isOpen, nextStatus } from "../../src/domain/concern-status.js";
import { floodRules, holdDecision, inboundDecision, moderationEffect } from "../../src/domain/moderation.js";

const now = new Date("2026-06-01T02:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const free = { mutedAt: null };

describe("incoming messages of a blocked user", () => {
  it("are accepted when not blocked, answered once when blocked, then ignored", () => {
    expect(inboundDecision({ mutedAt: now, bannedAt: null, blockNoticeAt: null })).toBe("accept");
    expect(inboundDecision({ mutedAt: null, bannedAt: minutesAgo(5), blockNoticeAt: null })).toBe(
      "tell_blocked",
    );
    expect(inboundDecision({ mutedAt: null, bannedAt: minutesAgo(5), blockNoticeAt: minutesAgo(4) })).toBe(
      "ignore",
    );
  });

  it("are answered again after a new block, even if an old notice is on record", () => {
    expect(inboundDecision({ mutedAt: null, bannedAt: minutesAgo(1), blockNoticeAt: minutesAgo(60) })).toBe(
      "tell_blocked",
    );
  });
});

describe("holding a new concern for review", () => {
  const recent = (texts: [string, number][]) =>
    texts.map(([description, ago], i) => ({ id: i + 1, description, createdAt: minutesAgo(ago) }));

  it("holds every concern of a muted user", () => {
    expect(holdDecision({ text: "路灯坏了", now }, { mutedAt: minutesAgo(1) }, [])).toEqual({
      reason: "muted",
    });
  });

  it(`holds the ${floodRules.maxConcernsPerWindow + 1}th concern within an hour, not the ${floodRules.maxConcernsPerWindow}th`, () => {
    const two = recent([
      ["桃园村停水", 50],
      ["幸福小区路灯坏了", 30],
    ]);
    expect(holdDecision({ text: "人民路井盖缺了", now }, free, two)).toBeNull();
    const three = [...two, ...recent([["学校门口拥堵", 10]])];
    expect(holdDecision({ text: "人民路井盖缺了", now }, free, three)).toEqual({ reason: "flood_rate" });
    const threeButOneOld = recent([
      ["桃园村停水", 61],
      ["幸福小区路灯坏了", 30],
      ["学校门口拥堵", 10],
    ]);
    expect(holdDecision({ text: "人民路井盖缺了", now }, free, threeButOneOld)).toBeNull();
  });

  it("holds a near-identical text sent within 10 minutes, naming the case it repeats", () => {
    const earlier = recent([["幸福小区3号楼门口的路灯坏了一个多星期了,晚上很黑", 5]]);
    expect(
      holdDecision({ text: "幸福小区3号楼门口的路灯坏了一个多星期了,晚上很黑!!", now }, free, earlier),
    ).toEqual({
      reason: "flood_repeat",
      similarToId: 1,
    });
    expect(
      holdDecision(
        { text: "幸福小区3号楼门口的路灯坏了一个多星期了,晚上很黑", now },
        free,
        recent([["幸福小区3号楼门口的路灯坏了一个多星期了,晚上很黑", 11]]),
      ),
    ).toBeNull();
    expect(holdDecision({ text: "桃园村已经停水三天了", now }, free, earlier)).toBeNull();
  });
});

describe("moderation effects", () => {
  it("set and clear the user's columns; a new block clears the old notice", () => {
    expect(moderationEffect("mute", now)).toEqual({ apply: { mutedAt: now }, undo: { mutedAt: null } });
    expect(moderationEffect("block", now)).toEqual({
      apply: { bannedAt: now, blockNoticeAt: null },
      undo: { bannedAt: null, blockNoticeAt: null },
    });
  });

  it("give held and withdrawn cases their place in the case's life", () => {
    expect(isOpen("held")).toBe(false);
    expect(nextStatus("held", "release")).toBe("new");
    expect(nextStatus("held", "decline")).toBe("declined");
    expect(nextStatus("held", "withdraw")).toBe("withdrawn");
    expect(nextStatus("referred", "withdraw")).toBe("withdrawn");
    expect(() => nextStatus("new", "release")).toThrow();
    expect(() => nextStatus("resolved", "withdraw")).toThrow();
  });
});
