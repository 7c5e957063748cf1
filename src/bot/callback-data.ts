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

/** A codec for callback data "prefix:field1:field2…", checked by `schema` on the way in. */
export function codec<S extends z.ZodTypeAny>(
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
/** /privacy: export my data or delete my account, each asked first and done on the second tap. */
export const myDataData = codec(
  "md",
  ["action"],
  z.object({ action: z.enum(["export", "export_yes", "delete", "delete_yes", "cancel"]) }),
);
// District 0 stands for the top of the tree.
export const districtNavData = codec(
  "dn",
  ["districtId"],
  z.object({ districtId: z.coerce.number().int().min(0) }),
);
export const districtPickData = codec("dp", ["districtId"], z.object({ districtId: id }));
export const languageData = codec("lg", ["locale"], z.object({ locale: z.enum(["zh-CN", "en"]) }));
/** "File this as a new concern?": yes from the menu or with the text sent, or "no". */
/** "File this as a new concern?": yes or no to the offer `offer` (its id, src/bot/concern-offers.ts). */
export const newConcernData = codec(
  "nc",
  ["source", "offer"],
  z.object({ source: z.enum(["text", "no"]), offer: z.string().regex(/^[\w-]{1,16}$/) }),
);
export const draftData = codec(
  "dr",
  ["action", "value"],
  z.object({
    action: z.enum(["done", "cat", "anon", "submit", "cancel", "back"]),
    value: z.coerce.number().int().min(0),
  }),
);
/** Separate consent to attach a location to a concern. */
export const locationConsentData = codec("lc", ["answer"], z.object({ answer: z.enum(["yes", "no"]) }));
/**
 * Moderation by staff: mute or block the citizen of a case (id: the case), undo an action (id:
 * the action), release or reject a held case (id: the case), page the review queue (id: page+1).
 */
export const moderationData = codec(
  "mo",
  ["action", "id"],
  z.object({
    action: z.enum(["mute", "block", "undo", "release", "reject", "who", "page"]),
    id,
  }),
);
/**
 * Staff entering a walk-in, phone, letter or reception-day case: the source (by index), the
 * activity (0: none), the district, the category (0: none), the consent to keep the contact
 * (1 yes, 0 no), skipping the phone, creating it or cancelling.
 */
export const intakeData = codec(
  "ik",
  ["action", "value"],
  z.object({
    action: z.enum([
      "source",
      "activity",
      "district",
      "category",
      "consent",
      "skip_phone",
      "create",
      "cancel",
    ]),
    value: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);
/** "Me too": join one of the similar cases offered before submitting, or go on with one's own. */
export const meTooData = codec(
  "mt",
  ["action", "concernId"],
  z.object({
    action: z.enum(["join", "skip"]),
    concernId: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);
export const openCaseData = codec("co", ["concernId"], z.object({ concernId: id }));
export const caseActionData = codec(
  "ca",
  ["action", "concernId"],
  z.object({ action: z.enum(["accept", "reply", "resolve", "decline", "files"]), concernId: id }),
);
/**
 * The Send / Edit / Cancel check of a deputy's or staff member's text for a case; `nonce`
 * binds it to one text (src/bot/features/case-input.ts). Its prefix is one of the prompt's own
 * buttons in src/domain/prompts.ts.
 */
export const caseConfirmData = codec(
  "cs",
  ["action", "nonce"],
  z.object({ action: z.enum(["send", "edit", "cancel"]), nonce: z.string().regex(/^[\w-]{8}$/) }),
);
export const citizenReplyData = codec("cr", ["concernId"], z.object({ concernId: id }));
/** The citizen's own case: withdraw it (open) or reopen it (closed within 30 days). */
export const citizenCaseData = codec(
  "cw",
  ["action", "concernId"],
  z.object({ action: z.enum(["withdraw", "reopen"]), concernId: id }),
);
export const rateData = codec(
  "rt",
  ["concernId", "rating"],
  z.object({ concernId: id, rating: z.enum(["s", "b", "u"]) }),
);
export const listPageData = codec("pg", ["list", "page"], z.object({ list: z.enum(["my", "inbox"]), page }));
export const cancelFlowData = codec("fx", ["zero"], z.object({ zero: z.literal("0") }));

export const broadcastAudienceData = codec(
  "ba",
  ["audience"],
  z.object({
    audience: z.enum([
      "all_citizens",
      "district_citizens",
      "district_subscribers",
      "representatives",
      "staff",
    ]),
  }),
);
/** District choice for a broadcast: open a level, pick one, or (admins) everywhere. */
export const broadcastDistrictData = codec(
  "bd",
  ["action", "districtId"],
  z.object({ action: z.enum(["open", "pick", "all"]), districtId: z.coerce.number().int().min(0) }),
);
export const broadcastWhenData = codec("bw", ["when"], z.object({ when: z.enum(["now", "later"]) }));
export const broadcastConfirmData = codec("bk", ["action"], z.object({ action: z.enum(["send", "cancel"]) }));
export const broadcastCancelData = codec("bx", ["broadcastId"], z.object({ broadcastId: id }));
/** Notice subscriptions: all notices off/on ("stop" is the button under a notice), or one district's. */
export const noticesData = codec(
  "ns",
  ["action", "districtId"],
  z.object({
    action: z.enum(["stop", "off", "on", "sub", "unsub"]),
    districtId: z.coerce.number().int().min(0),
  }),
);

/** A step of creating an activity: kind (by index), district, deputy toggle, and the buttons. */
export const activityDraftData = codec(
  "af",
  ["action", "value"],
  z.object({
    action: z.enum(["kind", "district", "deputy", "deputies_done", "no_limit", "create", "cancel"]),
    value: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);
export const activityDecisionData = codec(
  "aa",
  ["decision", "activityId"],
  z.object({ decision: z.enum(["approve", "reject"]), activityId: id }),
);
/** A citizen's answer: g = I'll come, w = withdraw that, c = can't come, raise a concern instead. */
export const activityRsvpData = codec(
  "ar",
  ["answer", "activityId"],
  z.object({ answer: z.enum(["g", "w", "c"]), activityId: id }),
);
export const activityIcsData = codec("ai", ["activityId"], z.object({ activityId: id }));
export const activityManageData = codec(
  "am",
  ["action", "activityId"],
  z.object({
    action: z.enum([
      "open",
      "attendance",
      "notes",
      "link",
      "cancel",
      "cancel_yes",
      "publish_now",
      "attendees",
      "attendees_csv",
      "edit",
      "edit_title",
      "edit_time",
      "edit_place",
    ]),
    activityId: id,
  }),
);

/** /stats: choose a period, open or pick a district, category, deputy or grouping, ask for an output. */
export const statsData = codec(
  "st",
  ["action", "value"],
  z.object({
    action: z.enum([
      "period",
      "dnav",
      "dpick",
      "cmenu",
      "cpick",
      "rmenu",
      "rpick",
      "bmenu",
      "bpick",
      "gmenu",
      "gpick",
      "out",
      "back",
    ]),
    value: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);
/** /report: preview, write the narrative, publish, or staff choosing a deputy's pack. */
export const reportData = codec(
  "rp",
  ["action", "deputyId", "year"],
  z.object({
    action: z.enum(["preview", "write", "publish", "text", "cases"]),
    deputyId: id,
    year: z.coerce.number().int().min(2000).max(2100),
  }),
);

export const ratingOfCode = { s: "satisfied", b: "basically_satisfied", u: "unsatisfied" } as const;

/**
 * The triage desk on a case (src/bot/features/triage.ts): open its menu, list categories,
 * set a category (value: its id), set the priority (value 0 一般 | 1 紧急), claim it, list the
 * deputies it may be assigned to, assign it (value: the deputy's user id), start a merge or
 * confirm one (value: the main case's id), start an internal note.
 */
export const triageData = codec(
  "tg",
  ["action", "concernId", "value"],
  z.object({
    action: z.enum(["menu", "cats", "cat", "pri", "claim", "deps", "assign", "merge", "mergeok", "note"]),
    concernId: id,
    value: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);

/**
 * /inbox (src/bot/features/inbox-desk.ts): a filter (src/domain/inbox.ts) with a district of
 * the scope (0: all) and a page; "villages" opens the district picker (page: its page),
 * "find" asks for a case number.
 */
export const inboxData = codec(
  "ib",
  ["filter", "districtId", "page"],
  z.object({
    filter: z.enum(["all", "new", "mine", "overdue", "referred", "review", "villages", "find"]),
    districtId: z.coerce.number().int().min(0).max(2_147_483_647),
    page,
  }),
);

/**
 * Canned replies (src/bot/features/canned-replies.ts). Staff: list, open one, pick the
 * category of a new one (newcat), start it (new: value = category id, 0 for all), edit, remove.
 * Deputies and staff replying: use one (id: the reply, value: the case).
 */
export const cannedData = codec(
  "cn",
  ["action", "id", "value"],
  z.object({
    action: z.enum(["list", "open", "newcat", "new", "edit", "del", "use"]),
    id: z.coerce.number().int().min(0).max(2_147_483_647),
    value: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);

/**
 * /people (src/bot/features/people.ts), administrators only: the list of who holds which role
 * (filter by role, page), one person (id: their user id), remove or suspend them (asked first,
 * done by the *_ok tap), resume them, the unused invites (revoke asked first: id is the
 * invite's), and the access history (id: a user id, 0 for everyone). `filter` and `page` bring
 * the list back where it was.
 */
export const peopleData = codec(
  "pe",
  ["action", "filter", "page", "id"],
  z.object({
    action: z.enum([
      "list",
      "person",
      "remove",
      "remove_ok",
      "suspend",
      "suspend_ok",
      "resume",
      "invites",
      "revoke",
      "revoke_ok",
      "history",
    ]),
    filter: z.enum(["all", "representative", "staff", "department"]),
    page,
    id: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);
export type PeopleData = NonNullable<ReturnType<typeof peopleData.unpack>>;
