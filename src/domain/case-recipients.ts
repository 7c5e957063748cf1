// Who hears about a case: decided here, once, for every change of a case and every reminder
// about one, over facts the database layer loads (src/db/queries/case-people.ts). Nobody
// who is inactive (blocked the bot, account gone) or held back (suspended by an administrator,
// or a deputy or staff member who has not accepted their notice yet) is queued a message.
import type { CaseMessage, CaseMessageKind } from "./messages.js";
import { isHeldBack } from "./roles.js";

/**
 * Someone who might be told; `inactiveAt` is set once Telegram said they cannot be reached.
 * With `role`, `staffNoticeAt` and `suspendedAt` (all three, as src/db/queries/case-people.ts
 * loads them), someone held back (src/domain/roles.ts isHeldBack) is not told either.
 */
export interface Reachable {
  id: number;
  inactiveAt: Date | null;
  role?: string;
  staffNoticeAt?: Date | null;
  suspendedAt?: Date | null;
}

/** Whether a message may be queued to this person: reachable, and not held back. */
export function mayBeTold(person: Reachable): boolean {
  if (person.inactiveAt !== null) return false;
  if (person.role === undefined) return true;
  return !isHeldBack({
    role: person.role,
    staffNoticeAt: person.staffNoticeAt ?? null,
    suspendedAt: person.suspendedAt ?? null,
  });
}

/** A staff member or admin covering a district, and how far above it their scope starts. */
export interface CoveringStaff extends Reachable {
  /** 0: their scope is the district itself; 1: its parent; … (absent: 0). */
  distance?: number;
}

/** The people around one district's cases. */
export interface DistrictPeople {
  /** Deputies assigned to exactly this district. */
  deputies: Reachable[];
  /** Staff and admins whose scope is this district or a district above it. */
  staff: CoveringStaff[];
  /** Every administrator (the whole county is theirs), for cases nobody else can act on. */
  admins?: Reachable[];
}

/** A case with the people around its district. */
export interface CaseCircle extends DistrictPeople {
  citizenId: number;
  /** The deputy or staff member who took the case on, if anyone has. */
  assigneeId: number | null;
  /** Co-signers ("me too") who have not left: they hear what the citizen hears. */
  cosignerIds?: number[];
  /**
   * The case went up to the staff covering it (declined then 不满意, or 不满意 twice;
   * src/domain/triage.ts raisesToStaff): unassigned, it is theirs, not the deputies'.
   */
  raisedToStaff?: boolean;
  /** Every deputy, staff member or admin who acted on the case (accepted, replied, closed…). */
  workers?: Reachable[];
}

function active(people: Reachable[]): number[] {
  return people.filter(mayBeTold).map((p) => p.id);
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

/**
 * The staff nearest above a district (user ids): the active staff whose scope starts closest to
 * it (the district itself first, then its parent, …). Empty when no active staff covers it.
 */
export function nearestStaff(people: Pick<DistrictPeople, "staff">): number[] {
  const reachable = people.staff.filter(mayBeTold);
  if (reachable.length === 0) return [];
  const nearest = Math.min(...reachable.map((p) => p.distance ?? 0));
  return reachable.filter((p) => (p.distance ?? 0) === nearest).map((p) => p.id);
}

/** Who is told of a new case in a district, and what the citizen is told about it. */
export interface NewCaseAudience {
  /** "deputies": the district's own; "staff": none, the nearest staff above; "admins": nobody else. */
  to: "deputies" | "staff" | "admins" | "nobody";
  recipientIds: number[];
}

/**
 * Who hears of a new case (issue 7, item 5): the district's active deputies; else, when it has
 * none, the nearest active staff covering it (nearestStaff); else the active administrators,
 * so that no case goes unseen; "nobody" only when not even an administrator can be reached.
 */
export function newCaseAudience(people: DistrictPeople): NewCaseAudience {
  const deputies = active(people.deputies);
  if (deputies.length > 0) return { to: "deputies", recipientIds: deputies };
  const staff = nearestStaff(people);
  if (staff.length > 0) return { to: "staff", recipientIds: staff };
  const admins = active(people.admins ?? []);
  return admins.length > 0 ? { to: "admins", recipientIds: admins } : { to: "nobody", recipientIds: [] };
}

/**
 * Who on the deputies' side is handling a case (user ids): its assignee once someone took it
 * on; else, for a case raised to staff, the active staff covering it; else whoever hears of a
 * new case there (newCaseAudience).
 */
export function caseHandlers(
  circle: Pick<CaseCircle, "assigneeId" | "deputies" | "staff" | "admins" | "raisedToStaff">,
): number[] {
  if (circle.assigneeId) return [circle.assigneeId];
  if (circle.raisedToStaff) {
    const staff = active(circle.staff);
    if (staff.length > 0) return staff;
  }
  return newCaseAudience(circle).recipientIds;
}

/**
 * Who hears what the citizen adds or rates (issue 7, item 4): every active deputy or staff
 * member who worked the case and its assignee, and the nearest staff covering its district;
 * before anyone worked it, whoever is handling it (caseHandlers), and that staff. A case
 * raised to staff and not yet taken on is the staff's alone (issue 8: it stops looping between
 * the same deputy and the citizen), so the deputies who worked it no longer hear.
 */
export function citizenSideRecipients(circle: CaseCircle): number[] {
  if (circle.raisedToStaff && !circle.assigneeId)
    return unique([...caseHandlers(circle), ...nearestStaff(circle)]).filter((id) => id !== circle.citizenId);
  const workers = [...(circle.assigneeId ? [circle.assigneeId] : []), ...active(circle.workers ?? [])];
  const handling = workers.length > 0 ? workers : caseHandlers(circle);
  return unique([...handling, ...nearestStaff(circle)]).filter((id) => id !== circle.citizenId);
}

/** Who supervises a district's cases (三色督办, escalations): the active staff covering it. */
export function supervisingStaff(people: DistrictPeople): number[] {
  return active(people.staff);
}

/** What happened to a case, as far as telling people goes. */
export type CaseChange =
  | { kind: "submitted" }
  | { kind: "status"; action: "accept" | "resolve" | "decline" }
  | { kind: "message"; from: "citizen" | "handler" }
  | { kind: "rated"; reopened: boolean }
  /** The citizen withdrew the case, or reopened it within the days allowed. */
  | { kind: "withdrawn" }
  | { kind: "reopened" };

/** Which message a change causes, and whether it goes to the citizen or to the handlers. */
function messageKindOf(change: CaseChange): { kind: CaseMessageKind; to: "citizen" | "handlers" } {
  switch (change.kind) {
    case "submitted":
      return { kind: "concern_new", to: "handlers" };
    case "status":
      return { kind: change.action === "accept" ? "concern_accepted" : "concern_outcome", to: "citizen" };
    case "message":
      return change.from === "citizen"
        ? { kind: "concern_message_to_handlers", to: "handlers" }
        : { kind: "concern_message_to_citizen", to: "citizen" };
    case "rated":
      return { kind: change.reopened ? "concern_reopened" : "concern_rated", to: "handlers" };
    case "withdrawn":
      return { kind: "concern_withdrawn", to: "handlers" };
    case "reopened":
      return { kind: "concern_reopened", to: "handlers" };
  }
}

/** False when only the citizen hears of the change: then the district's people need not be read. */
export function changeReachesHandlers(change: CaseChange): boolean {
  return messageKindOf(change).to === "handlers";
}

/**
 * The messages a change of a case causes, one per recipient: a submission to whoever hears of
 * a new case (newCaseAudience); the citizen's words and rating to everyone who worked the case
 * and the staff covering it (citizenSideRecipients); a handler's words, acceptance and outcome
 * to the citizen and to its co-signers (a co-signer is a party to the case: issue 11).
 * `eventId` is the timeline event recording the change.
 */
export function caseChangeMessages(
  change: CaseChange,
  circle: CaseCircle,
  ids: { concernId: number; eventId: number },
): CaseMessage[] {
  const { kind, to } = messageKindOf(change);
  const recipients =
    to === "citizen"
      ? [circle.citizenId, ...(circle.cosignerIds ?? []).filter((id) => id !== circle.citizenId)]
      : change.kind === "submitted"
        ? newCaseAudience(circle).recipientIds
        : citizenSideRecipients(circle);
  return recipients.map((recipientId) => ({ kind, recipientId, ...ids }));
}
