// What /inbox lists (the triage desk's list): the filters, and what "awaiting my review" means
// for each role. The queries are src/db/queries/inbox.ts; the colours src/domain/triage.ts.

/**
 * The inbox's filters: all open cases (the default), new ones (待受理), those assigned to me,
 * overdue ones (open and past their due date), referred ones (已转办), and those awaiting my
 * review (reviewWork).
 */
export const inboxFilters = ["all", "new", "mine", "overdue", "referred", "review"] as const;
export type InboxFilter = (typeof inboxFilters)[number];

/**
 * What "awaiting my review" holds for someone: staff and admins review a department's answer
 * (referral "answered"), re-route a returned referral ("returned") and decide extension
 * requests; a deputy rates an answer staff accepted ("accepted"). Referral statuses are those
 * of src/domain/referral.ts.
 */
export function reviewWork(role: string): { referralStatuses: string[]; pendingExtensions: boolean } {
  return role === "staff" || role === "admin"
    ? { referralStatuses: ["answered", "returned"], pendingExtensions: true }
    : { referralStatuses: ["accepted"], pendingExtensions: false };
}
