import { describe, expect, it } from "vitest";
import {
  citizenVisibility,
  concernEventKinds,
  mayReachCitizen,
  referralEventKinds,
} from "../../src/domain/event-kinds.js";

describe("timeline event kinds", () => {
  it("lists each kind once, with a visibility for each", () => {
    expect(new Set(concernEventKinds).size).toBe(concernEventKinds.length);
    expect(Object.keys(citizenVisibility).sort()).toEqual([...concernEventKinds].sort());
    for (const kind of referralEventKinds) expect(concernEventKinds).toContain(kind);
  });

  it("keeps notes, internal entries and unknown kinds from a citizen", () => {
    expect(mayReachCitizen({ kind: "message", internal: null })).toBe(true);
    expect(mayReachCitizen({ kind: "message", internal: true })).toBe(false);
    expect(mayReachCitizen({ kind: "note", internal: false })).toBe(false);
    expect(mayReachCitizen({ kind: "referral_returned", internal: null })).toBe(false);
    expect(mayReachCitizen({ kind: "supervision", internal: null })).toBe(true);
    expect(mayReachCitizen({ kind: "something_new", internal: null })).toBe(false);
  });
});
