// Who hears about a referral (交办) when someone acts on it, decided here once: the department's
// contacts, the staff covering the case's district at the nearest level, the staff above them, the case's deputies
// (its assignee, else the district's deputies) or the citizen. Over facts the database layer
// loads (src/db/queries/referral-people.ts); nobody inactive or held back is queued a message
// (src/domain/case-recipients.ts mayBeTold).
import { caseHandlers, mayBeTold, type Reachable } from "./case-recipients.js";
import type { ReferralAction, ReferralChange } from "./referral.js";

/** The people a referral message can go to; the renderer words it for them. */
export const referralAudiences = ["department", "staff", "staff_above", "handlers", "citizen"] as const;
export type ReferralAudience = (typeof referralAudiences)[number];

/**
 * The audiences of one change: a new referral goes to the department (and the citizen hears
 * that the case was referred); a return and an extension request go to the staff covering the
 * district (a return bounced more than twice also to the staff above); an answer to staff for
 * review; an accepted answer to the case's deputies for their rating; rework, 重办, a refused
 * return, a decided extension, a promise fallen due and a withdrawal go back to the department
 * (an approved extension also to the citizen, with the new date and why). 签收, a rating that
 * closes the referral (its outcome reaches the citizen as the case's outcome) and a re-route
 * (the new referral speaks for itself) tell nobody.
 */
export function referralChangeAudiences(
  action: ReferralAction | "refer",
  change?: Pick<ReferralChange, "update" | "effects">,
): ReferralAudience[] {
  const effects = change?.effects ?? [];
  const has = (kind: ReferralChange["effects"][number]["kind"]) => effects.some((e) => e.kind === kind);
  switch (action) {
    case "refer":
      return ["department", "citizen"];
    case "return":
      return has("escalate_to_staff_above") ? ["staff", "staff_above"] : ["staff"];
    case "request_extension":
    case "answer":
      return ["staff"];
    case "decide_extension":
      return has("tell_citizen_new_deadline") ? ["department", "citizen"] : ["department"];
    case "review":
      return change?.update.status === "accepted" ? ["handlers"] : ["department"];
    case "rate":
      return change?.update.status === "rework" ? ["department"] : [];
    case "citizen_unsatisfied":
    case "ask_again":
    case "refuse_return":
    case "withdraw":
      return ["department"];
    case "acknowledge":
    case "reroute":
      return [];
  }
}

/** A staff member covering a district, with the depth of their own district (0: the top). */
export interface RankedStaff extends Reachable {
  depth: number;
}

/**
 * The staff covering a district at the nearest level: the active ones whose own district is
 * the lowest (deepest) among those covering it (the township's staff before the county's).
 */
export function nearestStaff(staff: readonly RankedStaff[]): number[] {
  const active = staff.filter(mayBeTold);
  if (active.length === 0) return [];
  const lowest = Math.max(...active.map((s) => s.depth));
  return active.filter((s) => s.depth === lowest).map((s) => s.id);
}

/**
 * "The staff above" the staff covering a district: the active ones whose own district is
 * higher than the lowest district with staff covering it; when nobody is higher, all the
 * active staff covering it (someone must hear). User ids, in the order given.
 */
export function staffAbove(staff: readonly RankedStaff[]): number[] {
  const active = staff.filter(mayBeTold);
  if (active.length === 0) return [];
  const lowest = Math.max(...active.map((s) => s.depth));
  const above = active.filter((s) => s.depth < lowest);
  return (above.length > 0 ? above : active).map((s) => s.id);
}

/** The people around a referral, for `referralRecipients`. */
export interface ReferralCircle {
  citizenId: number;
  assigneeId: number | null;
  /** Contacts of the referral's department (removed ones already left out). */
  contacts: Reachable[];
  deputies: Reachable[];
  staff: RankedStaff[];
}

const active = (people: readonly Reachable[]) => people.filter(mayBeTold).map((p) => p.id);

/** The user ids of one audience (see referralChangeAudiences), without repeats. */
export function referralRecipients(audience: ReferralAudience, circle: ReferralCircle): number[] {
  switch (audience) {
    case "department":
      return active(circle.contacts);
    case "staff":
      return nearestStaff(circle.staff);
    case "staff_above":
      return staffAbove(circle.staff);
    case "handlers": {
      // Who rates an accepted answer: the case's deputy — its assignee when a deputy of the
      // district, else the district's deputies — and only when the district has none, whoever
      // handles the case (the staff member who referred it and took it on).
      const deputies = active(circle.deputies);
      if (circle.assigneeId !== null && deputies.includes(circle.assigneeId)) return [circle.assigneeId];
      if (deputies.length > 0) return deputies;
      return caseHandlers({ assigneeId: circle.assigneeId, deputies: circle.deputies, staff: circle.staff });
    }
    case "citizen":
      return [circle.citizenId];
  }
}

/** Who a ladder step goes to (src/domain/supervision-ladder.ts LadderRecipient). */
export type LadderAudience = "department" | "staff" | "staff_above" | "representative";

/**
 * The user ids a ladder step's recipient stands for: the department's contacts, the nearest
 * staff covering the district, the staff above them, or the case's deputies — the district's
 * active deputies and the case's assignee, whoever took it on.
 */
export function ladderRecipients(recipient: LadderAudience, circle: ReferralCircle): number[] {
  if (recipient !== "representative") return referralRecipients(recipient, circle);
  const ids = active(circle.deputies);
  if (circle.assigneeId !== null && !ids.includes(circle.assigneeId)) ids.push(circle.assigneeId);
  return ids;
}
