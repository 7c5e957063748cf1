// Which buttons belong to a prompt, by its kind and step, and when a prompt ends
// (src/domain/prompts.ts, issue 7 item 1).
import { describe, expect, it } from "vitest";
import {
  isOwnButton,
  isPromptKind,
  promptEnd,
  promptOwnButtonPrefixes,
  promptWhat,
} from "../../src/domain/prompts.js";

const started = new Date("2026-12-01T02:00:00Z");
const at = (minutes: number) => new Date(started.getTime() + minutes * 60_000);
const tenMinutes = 10 * 60_000;

describe("prompt kinds", () => {
  it("counts every flow that waits for a typed text, and not the drafts with their own review", () => {
    for (const kind of ["message", "hold_reject", "activity_edit", "refer", "referral_input"])
      expect(isPromptKind(kind)).toBe(true);
    for (const kind of ["concern", "intake", "broadcast", "activity", undefined])
      expect(isPromptKind(kind)).toBe(false);
  });
});

describe("own buttons", () => {
  it("gives every prompt its Cancel, and the case prompts their check and canned replies", () => {
    expect(promptOwnButtonPrefixes({ kind: "hold_reject", concernId: 3 })).toEqual(["fx"]);
    expect(promptOwnButtonPrefixes({ kind: "message", concernId: 3 })).toEqual(["fx", "cs", "cn"]);
    expect(isOwnButton({ kind: "case_confirm", concernId: 3 }, "cs:send:AAAA")).toBe(true);
    expect(isOwnButton({ kind: "activity_edit" }, "fx:0")).toBe(true);
    expect(isOwnButton({ kind: "activity_edit" }, "cs:send:AAAA")).toBe(false);
  });

  it("keeps a return going through its reason and department for that referral only", () => {
    const ret = { kind: "referral_input", referralId: 12, step: "return_department" } as const;
    expect(isOwnButton(ret, "rf:rr:12:0")).toBe(true);
    expect(isOwnButton(ret, "rf:rd:12:4")).toBe(true);
    expect(isOwnButton(ret, "rf:rd:13:4")).toBe(false);
    expect(isOwnButton(ret, "rf:rd:120:4")).toBe(false);
    expect(isOwnButton(ret, "rf:ack:12:0")).toBe(false);
    expect(isOwnButton(ret, "rf")).toBe(false);
  });

  it("lets an answer's steps take its class again, and nothing else of the referral", () => {
    for (const step of ["answer_text", "answer_contact", "answer_date"]) {
      const answer = { kind: "referral_input", referralId: 7, step } as const;
      expect(isOwnButton(answer, "rf:ac:7:1")).toBe(true);
      expect(isOwnButton(answer, "rf:rr:7:1")).toBe(false);
    }
    for (const step of ["extension_reason", "extension_date", "review_reason", "withdraw_reason", "note"])
      expect(promptOwnButtonPrefixes({ kind: "referral_input", referralId: 7, step })).toEqual(["fx"]);
  });

  it("lets a referral draft take any of its own steps' buttons for its case", () => {
    const draft = { kind: "refer", concernId: 5, step: "note" } as const;
    expect(isOwnButton(draft, "rs:note_skip:5:0")).toBe(true);
    expect(isOwnButton(draft, "rs:dept:5:3")).toBe(true);
    expect(isOwnButton(draft, "rs:dept:6:3")).toBe(false);
    expect(isOwnButton(draft, "rf:ans:5:0")).toBe(false);
  });
});

describe("promptEnd", () => {
  const answer = { kind: "referral_input", referralId: 7, step: "answer_text" } as const;

  it("ends on any command, on another button, and after the time limit", () => {
    expect(promptEnd(answer, { kind: "command" }, started, at(1), tenMinutes)).toBe("command");
    expect(promptEnd(answer, { kind: "button", data: "rf:op:7:0" }, started, at(1), tenMinutes)).toBe(
      "button",
    );
    expect(promptEnd(answer, { kind: "message" }, started, at(11), tenMinutes)).toBe("timeout");
    expect(promptEnd(answer, { kind: "message" }, undefined, at(1), tenMinutes)).toBe("timeout");
  });

  it("stays for a text or its own button in time; its own button after the limit ends it", () => {
    expect(promptEnd(answer, { kind: "message" }, started, at(10), tenMinutes)).toBeUndefined();
    expect(
      promptEnd(answer, { kind: "button", data: "rf:ac:7:1" }, started, at(9), tenMinutes),
    ).toBeUndefined();
    expect(promptEnd(answer, { kind: "button", data: "rf:ac:7:1" }, started, at(11), tenMinutes)).toBe(
      "timeout",
    );
  });
});

describe("promptWhat", () => {
  it("names a referral's typed step by its action, and other prompts by their kind", () => {
    const of = (step: string) => promptWhat({ kind: "referral_input", referralId: 1, step });
    expect(
      [
        "return_department",
        "extension_date",
        "answer_contact",
        "review_reason",
        "withdraw_reason",
        "note",
      ].map(of),
    ).toEqual([
      "referral-return",
      "referral-extension",
      "referral-answer",
      "referral-rework",
      "referral-withdraw",
      "referral-note",
    ]);
    expect(promptWhat({ kind: "hold_reject" })).toBe("hold-reject");
    expect(promptWhat({ kind: "activity_edit" })).toBe("activity-edit");
  });
});
