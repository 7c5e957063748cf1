// The buttons of the referral loop: referring a case (rs), and every action on a referral (rf)
// by the department, staff and deputies. Each is checked again when pressed.
import { z } from "zod";
import { codec } from "./callback-data.js";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const value = z.coerce.number().int().min(0).max(2_147_483_647);

/** Referring a case: start, toggle a department, go on, the deadline, the note, confirm, cancel. */
export const referDraftData = codec(
  "rs",
  ["action", "concernId", "value"],
  z.object({
    action: z.enum(["start", "dept", "next", "dl_default", "dl_other", "note_skip", "confirm", "cancel"]),
    concernId: id,
    value,
  }),
);

/**
 * An action on a referral. Department: ack 签收, ret 退回 (then rr: reason by index, rd: the
 * department it should go to, 0 none), ext 申请延期, ans 答复 (then ac: class by index). Staff: xa/xr
 * approve/refuse an extension, va/vr accept/rework an answer, ro re-route (value: the department,
 * 0 to choose), rn refuse a return. Deputies: rt rate (value: 0 满意, 1 基本满意, 2 不满意).
 * Whoever referred it, or staff: wd withdraw (撤回, a reason typed next). Anyone on the card
 * (department, staff, deputies): nt an internal note (typed next). op opens the card.
 */
export const referralActionData = codec(
  "rf",
  ["action", "referralId", "value"],
  z.object({
    action: z.enum([
      "ack",
      "ret",
      "rr",
      "rd",
      "ext",
      "ans",
      "ac",
      "xa",
      "xr",
      "va",
      "vr",
      "ro",
      "rn",
      "rt",
      "wd",
      "nt",
      "op",
    ]),
    referralId: id,
    value,
  }),
);

/** The citizen agrees that the departments handling the case may see their name and contact. */
export const shareContactData = codec("sc", ["concernId"], z.object({ concernId: id }));

/** Pages of a department contact's /referrals list. */
export const referralListData = codec(
  "rl",
  ["page"],
  z.object({ page: z.coerce.number().int().min(0).max(10_000) }),
);

/** A referred case waits for the citizen's clarification (its referrals' clocks stand still), or goes on. */
export const caseClockData = codec(
  "ck",
  ["action", "concernId"],
  z.object({ action: z.enum(["pause", "resume"]), concernId: id }),
);
