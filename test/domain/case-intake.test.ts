import { describe, expect, it } from "vitest";
import {
  CLAIM_CODE_ALPHABET,
  ContactWithoutConsentError,
  claimCodeFromPayload,
  claimLink,
  claimPayload,
  formatClaimCode,
  hashClaimCode,
  InvalidPhoneError,
  intakeContact,
  newClaimCode,
  parseClaimCode,
} from "../../src/domain/case-intake.js";

const now = new Date("2026-06-01T02:00:00Z");

describe("claim codes", () => {
  it("are 10 characters of Crockford's Base32, different every time", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newClaimCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(CLAIM_CODE_ALPHABET).toHaveLength(32);
    expect(CLAIM_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("use every symbol evenly: one byte masked to 5 bits", () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i * 32 + 31 - i);
    expect(newClaimCode(() => bytes)).toBe("ZYXWVTSRQP");
  });

  it("are read leniently: case, spaces, hyphens, full-width forms, and I/L as 1, O as 0", () => {
    expect(parseClaimCode("k7m2q-x9pht")).toBe("K7M2QX9PHT");
    expect(parseClaimCode(" K7M2Q X9PHT ")).toBe("K7M2QX9PHT");
    expect(parseClaimCode("Ｋ７Ｍ２Ｑ－Ｘ９ＰＨＴ")).toBe("K7M2QX9PHT");
    expect(parseClaimCode("IL0O0-ABCDE")).toBe("11000ABCDE");
    expect(formatClaimCode("K7M2QX9PHT")).toBe("K7M2Q-X9PHT");
  });

  it("reject what cannot be one: wrong length, U, other characters", () => {
    for (const bad of ["", "K7M2QX9PH", "K7M2QX9PHTT", "K7M2QX9PHU", "K7M2QX9PH!", "诉求编号12345"])
      expect(parseClaimCode(bad)).toBeNull();
  });

  it("are kept as a SHA-256 hash of the canonical form", () => {
    expect(hashClaimCode("K7M2QX9PHT")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashClaimCode(parseClaimCode("k7m2q-x9pht")!)).toBe(hashClaimCode("K7M2QX9PHT"));
    expect(hashClaimCode("K7M2QX9PHT")).not.toBe(hashClaimCode("K7M2QX9PHV"));
  });

  it("travel in a /start payload of at most 64 characters of A-Za-z0-9_-", () => {
    const code = newClaimCode();
    const link = claimLink("qs_liaison_bot", code);
    expect(link).toBe(`https://t.me/qs_liaison_bot?start=claim_${code}`);
    const payload = new URL(link).searchParams.get("start")!;
    expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(payload).toBe(claimPayload(code));
    expect(claimCodeFromPayload(payload)).toBe(code);
    expect(claimCodeFromPayload("inv_abc")).toBeNull();
    expect(claimCodeFromPayload("claim_short")).toBeNull();
  });
});

describe("a walk-in person's contact", () => {
  it("is kept only with their consent, with the time of consent", () => {
    expect(intakeContact({ name: " 王阿姨 ", phone: "139-1234-5678", consented: true }, now)).toEqual({
      contactName: "王阿姨",
      contactPhone: "13912345678",
      contactConsentAt: now,
    });
    expect(intakeContact({ consented: false }, now)).toEqual({
      contactName: null,
      contactPhone: null,
      contactConsentAt: null,
    });
  });

  it("refuses a name or phone without consent, and a phone that is not one", () => {
    expect(() => intakeContact({ name: "王阿姨", consented: false }, now)).toThrow(
      ContactWithoutConsentError,
    );
    expect(() => intakeContact({ phone: "13912345678", consented: false }, now)).toThrow(
      ContactWithoutConsentError,
    );
    expect(() => intakeContact({ phone: "call me", consented: true }, now)).toThrow(InvalidPhoneError);
  });
});
