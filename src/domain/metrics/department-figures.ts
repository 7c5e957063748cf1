// The bulletin's department table (通报 按承办部门): for each department, the referrals it was
// sent in the period and how it handled them — acknowledged within one working day (签收), returned
// (退回), given more time (延期), redone after 不满意 (重办), answered (答复). Counted per referral
// (a case referred to two departments counts once for each), over facts the database loads.

import { addWorkingDays, type WorkingCalendar } from "../working-days.js";
import { acknowledgeWithinWorkingDays } from "./case-facts.js";

/** One referral as the table reads it. */
export interface DepartmentReferral {
  departmentId: number;
  createdAt: Date;
  /** First 签收 or 答复, whichever came first (null: neither yet). */
  firstResponseAt: Date | null;
  returned: boolean;
  extended: boolean;
  redone: boolean;
  answered: boolean;
}

/** One row of the table. */
export interface DepartmentRow {
  departmentId: number;
  referred: number;
  acknowledgedOnTime: number;
  returned: number;
  extended: number;
  redone: number;
  answered: number;
}

/**
 * The table's rows, most referrals first (then by department id). A referral is acknowledged
 * on time when its first 签收 or 答复 came within `acknowledgeWithinWorkingDays` working days
 * of being sent, on the calendar in `timeZone`. Pure.
 */
export function departmentTable(
  referrals: readonly DepartmentReferral[],
  calendar: WorkingCalendar,
  timeZone: string,
): DepartmentRow[] {
  const rows = new Map<number, DepartmentRow>();
  for (const r of referrals) {
    const row = rows.get(r.departmentId) ?? {
      departmentId: r.departmentId,
      referred: 0,
      acknowledgedOnTime: 0,
      returned: 0,
      extended: 0,
      redone: 0,
      answered: 0,
    };
    row.referred += 1;
    const by = addWorkingDays(calendar, r.createdAt, acknowledgeWithinWorkingDays, timeZone);
    if (r.firstResponseAt !== null && r.firstResponseAt <= by) row.acknowledgedOnTime += 1;
    if (r.returned) row.returned += 1;
    if (r.extended) row.extended += 1;
    if (r.redone) row.redone += 1;
    if (r.answered) row.answered += 1;
    rows.set(r.departmentId, row);
  }
  return [...rows.values()].sort((a, b) => b.referred - a.referred || a.departmentId - b.departmentId);
}
