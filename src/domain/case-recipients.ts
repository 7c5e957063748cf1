// Who hears about a case: decided here, once, for every change of a case and every reminder
// about one, over facts the database layer loads (src/db/queries/case-people.ts). Nobody
// who is inactive (blocked the bot, account gone) is queued a message.
import type { CaseMessage, CaseMessageKind } from "./messages.js";

/** Someone who might be told; `inactiveAt` is set once Telegram said they cannot be reached. */
export interface Reachable {
  id: number;
  inactiveAt: Date | null;
}

/** The people around one district's cases. */
export interface DistrictPeople {
  /** Deputies assigned to exactly this district. */
  deputies: Reachable[];
  /** Staff and admins whose scope is this district or a district above it. */
  staff: Reachable[];
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
}

function active(people: Reachable[]): number[] {
  return people.filter((p) => p.inactiveAt === null).map((p) => p.id);
}

/**
 * Who on the deputies' side hears about a case (user ids): its assignee; else, for a case
 * raised to staff, the active staff covering it; else the district's active deputies; else,
 * for a district without any, the active staff covering it (and the deputies when a raised
 * case has no active staff).
 */
export function caseHandlers(
  circle: Pick<CaseCircle, "assigneeId" | "deputies" | "staff" | "raisedToStaff">,
): number[] {
  if (circle.assigneeId) return [circle.assigneeId];
  if (circle.raisedToStaff) {
    const staff = active(circle.staff);
    if (staff.length > 0) return staff;
  }
  const deputies = active(circle.deputies);
  return deputies.length > 0 ? deputies : active(circle.staff);
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
 * The messages a change of a case causes, one per recipient: a citizen's words, submission
 * and rating go to the case's handlers (caseHandlers); a handler's words, acceptance and
 * outcome to the citizen and to its co-signers (a co-signer is a party to the case: issue 11).
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
      : caseHandlers(circle);
  return recipients.map((recipientId) => ({ kind, recipientId, ...ids }));
}
