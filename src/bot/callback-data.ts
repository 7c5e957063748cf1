// Typed callback data. Every button's payload is packed and unpacked by one codec, and
// checked on the way in: forged or malformed data is rejected, never trusted. Payloads
// stay far below Telegram's 64-byte limit ("p:123:r" style).
import { z } from "zod";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(0).max(10_000);

export interface CallbackCodec<T> {
  readonly prefix: string;
  pack(value: T): string;
  /** The value, or undefined when `data` is not this codec's or is malformed. */
  unpack(data: string): T | undefined;
  /** A regular expression matching this codec's payloads, for bot.callbackQuery(). */
  readonly filter: RegExp;
}

function codec<S extends z.ZodTypeAny>(
  prefix: string,
  fields: string[],
  schema: S,
): CallbackCodec<z.infer<S>> {
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(value) {
      const parts = fields.map((f) => String((value as Record<string, unknown>)[f]));
      return [prefix, ...parts].join(":");
    },
    unpack(data) {
      const [head, ...parts] = data.split(":");
      if (head !== prefix || parts.length !== fields.length) return undefined;
      const raw = Object.fromEntries(fields.map((f, i) => [f, parts[i]]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    },
  };
}

export const consentData = codec("pv", ["answer"], z.object({ answer: z.enum(["yes", "no"]) }));
// District 0 stands for the top of the tree.
export const districtNavData = codec(
  "dn",
  ["districtId"],
  z.object({ districtId: z.coerce.number().int().min(0) }),
);
export const districtPickData = codec("dp", ["districtId"], z.object({ districtId: id }));
export const languageData = codec("lg", ["locale"], z.object({ locale: z.enum(["zh-CN", "en"]) }));
export const newConcernData = codec("nc", ["source"], z.object({ source: z.enum(["menu", "text"]) }));
export const draftData = codec(
  "dr",
  ["action", "value"],
  z.object({
    action: z.enum(["done", "cat", "anon", "submit", "cancel", "back"]),
    value: z.coerce.number().int().min(0),
  }),
);
export const openCaseData = codec("co", ["concernId"], z.object({ concernId: id }));
export const caseActionData = codec(
  "ca",
  ["action", "concernId"],
  z.object({ action: z.enum(["accept", "reply", "resolve", "decline", "files"]), concernId: id }),
);
export const citizenReplyData = codec("cr", ["concernId"], z.object({ concernId: id }));
export const rateData = codec(
  "rt",
  ["concernId", "rating"],
  z.object({ concernId: id, rating: z.enum(["s", "b", "u"]) }),
);
export const listPageData = codec("pg", ["list", "page"], z.object({ list: z.enum(["my", "inbox"]), page }));
export const cancelFlowData = codec("fx", ["zero"], z.object({ zero: z.literal("0") }));

export const ratingOfCode = { s: "satisfied", b: "basically_satisfied", u: "unsatisfied" } as const;
