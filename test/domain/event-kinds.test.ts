import { describe, expect, it } from "vitest";
import {
  citizenVisibility,
  concernEventKinds,
  mayDeliverEntry,
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

  it("lets an internal note reach a department contact only on its own department's referral", () => {
    const note = { kind: "note", internal: true };
    const contact = { role: "department", citizenOfCase: false };
    expect(mayDeliverEntry(note, { ...contact, entryOnOwnReferral: true })).toBe(true);
    expect(mayDeliverEntry(note, { ...contact, entryOnOwnReferral: false })).toBe(false);
    expect(mayDeliverEntry(note, contact)).toBe(false);
    expect(mayDeliverEntry({ kind: "referral_sent", internal: null }, contact)).toBe(true);
    expect(mayDeliverEntry(note, { role: "staff", citizenOfCase: false })).toBe(true);
    expect(mayDeliverEntry(note, { role: "citizen", citizenOfCase: true, entryOnOwnReferral: true })).toBe(
      false,
    );
  });
});
