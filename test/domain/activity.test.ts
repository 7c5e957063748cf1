import { describe, expect, it } from "vitest";
import {
  activityAuthority,
  canCancel,
  canRecordOutcome,
  extractCaseNumbers,
  hasRoom,
  isOpenForRsvp,
  parseActivityTime,
  publishTime,
  reminderTimes,
} from "../../src/domain/activity.js";

const tz = "Asia/Shanghai";
const now = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai

describe("activity times", () => {
  it("reads a Shanghai date and time as UTC", () => {
    const parsed = parseActivityTime("2026-12-05 09:00", tz, now);
    expect(parsed).toEqual({ ok: true, startsAt: new Date("2026-12-05T01:00:00Z"), endsAt: null });
  });

  it.each([
    "2026-12-05 09:00-11:00",
    "2026/12/5 9:00–11:00",
    "2026年12月5日 9:00至11:00",
    "２０２６-１２-０５ ０９：００~１１：００",
  ])("reads a start and an end the same day: %s", (text) => {
    expect(parseActivityTime(text, tz, now)).toEqual({
      ok: true,
      startsAt: new Date("2026-12-05T01:00:00Z"),
      endsAt: new Date("2026-12-05T03:00:00Z"),
    });
  });

  it.each([
    ["next Tuesday", "invalid"],
    ["2026-02-30 09:00", "invalid"],
    ["2026-12-05 09:00-25:00", "invalid"],
    ["2026-11-30 09:00", "past"],
    ["2026-12-01 10:00", "past"],
    ["2028-01-01 09:00", "too_far"],
    ["2026-12-05 11:00-09:00", "end_before_start"],
  ])("rejects %s as %s", (text, reason) => {
    expect(parseActivityTime(text, tz, now)).toEqual({ ok: false, reason });
  });
});

describe("announcements and reminders", () => {
  const startsAt = new Date("2026-12-10T01:00:00Z");

  it("announces the configured number of days ahead", () => {
    expect(publishTime(startsAt, now, 3)).toEqual(new Date("2026-12-07T01:00:00Z"));
  });

  it("announces at once when the activity is closer than that", () => {
    expect(publishTime(new Date("2026-12-02T01:00:00Z"), now, 3)).toEqual(now);
  });

  it("reminds 24 hours and 2 hours before", () => {
    expect(reminderTimes(startsAt, now)).toEqual([
      { kind: "reminder_24h", at: new Date("2026-12-09T01:00:00Z") },
      { kind: "reminder_2h", at: new Date("2026-12-09T23:00:00Z") },
    ]);
  });

  it("skips a reminder whose time has already passed", () => {
    expect(reminderTimes(startsAt, new Date("2026-12-09T12:00:00Z")).map((r) => r.kind)).toEqual([
      "reminder_2h",
    ]);
  });
});

describe("who may do what", () => {
  it("lets admins and staff covering the district decide", () => {
    expect(activityAuthority({ role: "admin", staffCovers: false, represents: false })).toBe("approve");
    expect(activityAuthority({ role: "staff", staffCovers: true, represents: false })).toBe("approve");
  });

  it("lets a representative of the district only propose", () => {
    expect(activityAuthority({ role: "representative", staffCovers: false, represents: true })).toBe(
      "propose",
    );
    expect(activityAuthority({ role: "staff", staffCovers: false, represents: true })).toBe("propose");
  });

  it("gives nothing to citizens, other districts' deputies or staff outside their scope", () => {
    expect(activityAuthority({ role: "citizen", staffCovers: false, represents: false })).toBe("none");
    expect(activityAuthority({ role: "representative", staffCovers: false, represents: false })).toBe("none");
    expect(activityAuthority({ role: "staff", staffCovers: false, represents: false })).toBe("none");
  });
});

describe("activity states", () => {
  const future = new Date("2026-12-10T01:00:00Z");
  const past = new Date("2026-11-30T01:00:00Z");

  it("takes answers while listed (approved or announced) and not begun", () => {
    expect(isOpenForRsvp({ status: "published", startsAt: future }, now)).toBe(true);
    expect(isOpenForRsvp({ status: "approved", startsAt: future }, now)).toBe(true);
    expect(isOpenForRsvp({ status: "pending_approval", startsAt: future }, now)).toBe(false);
    expect(isOpenForRsvp({ status: "cancelled", startsAt: future }, now)).toBe(false);
    expect(isOpenForRsvp({ status: "published", startsAt: past }, now)).toBe(false);
  });

  it("counts capacity, with no limit when none is set", () => {
    expect(hasRoom(2, 1)).toBe(true);
    expect(hasRoom(2, 2)).toBe(false);
    expect(hasRoom(null, 10_000)).toBe(true);
  });

  it("records the outcome only once it has begun, and cancels only before", () => {
    expect(canRecordOutcome({ status: "published", startsAt: past }, now)).toBe(true);
    expect(canRecordOutcome({ status: "approved", startsAt: past }, now)).toBe(true);
    expect(canRecordOutcome({ status: "published", startsAt: future }, now)).toBe(false);
    expect(canRecordOutcome({ status: "cancelled", startsAt: past }, now)).toBe(false);
    expect(canCancel({ status: "published", startsAt: future }, now)).toBe(true);
    expect(canCancel({ status: "published", startsAt: past }, now)).toBe(false);
    expect(canCancel({ status: "rejected", startsAt: future }, now)).toBe(false);
  });

  it("finds case numbers in free text, each once", () => {
    expect(extractCaseNumbers("2026-00012, 2026-00013;2026-00012 and 12-3")).toEqual([
      "2026-00012",
      "2026-00013",
    ]);
  });
});
