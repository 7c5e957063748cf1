// Cases entered by staff on someone's behalf — a walk-in, a phone call, a letter, a reception
// day — and the claim code with which that person later attaches the case to their Telegram
// account (issue 11).
//
// The claim code: 10 characters of Crockford's Base32 (https://www.crockford.com/base32.html:
// digits and capitals without I, L, O, U, so that 0/O and 1/I/L cannot be misread, and what is
// typed is read leniently), 50 random bits: short enough to read out on the phone or copy from
// a printed slip, far too many to guess. It is
// - hashed at rest (SHA-256): whoever reads the database or a backup cannot claim a case. The
//   code is random and 50 bits long, not a password a person chose, so a fast unsalted hash
//   leaves nothing to brute-force offline that is cheaper than guessing online;
// - single-use: the first claim attaches the case; a second is refused, whoever makes it;
// - expiring (30 days by default): a lost slip stops working; staff can issue a new code.
// The person never has to type it: the slip carries a QR code of a deep link
// https://t.me/<bot>?start=claim_<code> (a /start payload is ≤ 64 of A-Za-z0-9_-).
import { createHash, randomBytes } from "node:crypto";

export const intakeSources = ["walk_in", "phone", "letter", "reception_day"] as const;
export type IntakeSource = (typeof intakeSources)[number];

export class UnknownIntakeSourceError extends Error {
  constructor(readonly source: string) {
    super(`unknown intake source "${source}" (walk_in | phone | letter | reception_day)`);
    this.name = "UnknownIntakeSourceError";
  }
}

/** A name or phone was given for a person who did not agree that it be kept. */
export class ContactWithoutConsentError extends Error {
  constructor() {
    super("a walk-in person's name or phone is kept only with their consent");
    this.name = "ContactWithoutConsentError";
  }
}

export class InvalidPhoneError extends Error {
  constructor(readonly phone: string) {
    super("a phone number has 5 to 20 digits, optionally + and separators");
    this.name = "InvalidPhoneError";
  }
}

export function isIntakeSource(value: string): value is IntakeSource {
  return (intakeSources as readonly string[]).includes(value);
}

/** Crockford's Base32 alphabet: 32 symbols, so one random byte masked to 5 bits is unbiased. */
export const CLAIM_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters of a claim code: 10 × 5 = 50 random bits. */
export const CLAIM_CODE_LENGTH = 10;
/** Days a claim code stays valid unless the caller says otherwise. */
export const CLAIM_CODE_TTL_DAYS = 30;
/** The /start payload of a claim link: this prefix and the code. */
export const CLAIM_PAYLOAD_PREFIX = "claim_";
/** Telegram's limit on a /start payload: 64 characters of A-Za-z0-9_- (Bot API, deep linking). */
export const START_PAYLOAD_MAX = 64;

/** A new claim code; `random(n)` returns n random bytes (node:crypto by default). */
export function newClaimCode(random: (n: number) => Uint8Array = randomBytes): string {
  return [...random(CLAIM_CODE_LENGTH)].map((b) => CLAIM_CODE_ALPHABET[b & 31]).join("");
}

/** The code as printed and read out: two groups of five, "K7M2Q-X9PHT". */
export function formatClaimCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The canonical code from what a person typed or a payload carried, or null: full-width forms
 * folded (NFKC), case, spaces and hyphens ignored, and I/L read as 1, O as 0 (Crockford).
 */
export function parseClaimCode(input: string): string | null {
  const code = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (code.length !== CLAIM_CODE_LENGTH) return null;
  return [...code].every((c) => CLAIM_CODE_ALPHABET.includes(c)) ? code : null;
}

/** SHA-256 (hex) of the canonical code: what the database keeps. */
export function hashClaimCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** The /start payload that claims a case: "claim_" and the code, 16 characters. */
export function claimPayload(code: string): string {
  return `${CLAIM_PAYLOAD_PREFIX}${code}`;
}

/** The code in a /start payload, or null when it is no claim payload or not a valid code. */
export function claimCodeFromPayload(payload: string): string | null {
  return payload.startsWith(CLAIM_PAYLOAD_PREFIX)
    ? parseClaimCode(payload.slice(CLAIM_PAYLOAD_PREFIX.length))
    : null;
}

/** https://t.me/<bot>?start=claim_<code>, for the QR code on the slip. */
export function claimLink(botUsername: string, code: string): string {
  const payload = claimPayload(code);
  if (payload.length > START_PAYLOAD_MAX || !/^[A-Za-z0-9_-]+$/.test(payload))
    throw new Error(`claim payload "${payload}" is not a valid /start payload`);
  return `https://t.me/${botUsername}?start=${payload}`;
}

/** When a code issued at `now` stops working. */
export function claimExpiry(now: Date, ttlDays: number = CLAIM_CODE_TTL_DAYS): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}

export interface ContactInput {
  name?: string | undefined;
  phone?: string | undefined;
  /** The person agreed that their name and phone be kept with the case (PIPL art. 13–14). */
  consented: boolean;
}

/**
 * What may be stored of a walk-in person's contact: their name (trimmed, ≤ 50 characters) and
 * phone (digits, + and separators; 5–20 digits) only with their consent, else nothing.
 * Throws ContactWithoutConsentError when a name or phone comes without consent, and
 * InvalidPhoneError for a phone that is not one.
 */
export function intakeContact(
  input: ContactInput,
  now: Date,
): { contactName: string | null; contactPhone: string | null; contactConsentAt: Date | null } {
  const name = input.name?.normalize("NFKC").trim().slice(0, 50) || null;
  const phone = input.phone?.normalize("NFKC").replace(/[\s().-]/g, "") || null;
  if (!input.consented) {
    if (name || phone) throw new ContactWithoutConsentError();
    return { contactName: null, contactPhone: null, contactConsentAt: null };
  }
  if (phone !== null && !/^\+?\d{5,20}$/.test(phone)) throw new InvalidPhoneError(input.phone ?? "");
  return { contactName: name, contactPhone: phone, contactConsentAt: name || phone ? now : null };
}
