// The roles an account can hold, lowest first; a user's `role` column keeps the highest one.
// A department contact (职能部门联系人) answers referrals for its department (DepartmentContact);
// a deputy or staff member who is also one keeps their higher role.
export const roles = ["citizen", "department", "representative", "staff", "admin"] as const;
export type Role = (typeof roles)[number];

export function isRole(x: unknown): x is Role {
  return typeof x === "string" && (roles as readonly string[]).includes(x);
}

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

/** The higher of two roles, so that granting a role never demotes anyone. */
export function higherRole(a: Role, b: Role): Role {
  return roleRank(a) >= roleRank(b) ? a : b;
}

/** The roles that handle cases (deputies, staff, admins): those with an inbox and a morning digest. */
export const handlerRoles: readonly Role[] = ["representative", "staff", "admin"];

/** The sections of /help, each a list of commands (locales/<locale>/menu.ftl, `menu-<section>`). */
export type MenuSection = "citizen" | "handler" | "staff" | "admin" | "department";

/**
 * The /help sections a role may use, so that nobody is shown a command they cannot use: everyone
 * the citizens' commands; deputies, staff and admins the case handlers' (/inbox, activities,
 * /stats); staff and admins also /broadcast (src/bot/features/broadcast.ts lets only them);
 * admins the administration commands; a department's contacts their referrals.
 */
export function menuSections(role: string): MenuSection[] {
  const sections: MenuSection[] = ["citizen"];
  if (role === "representative" || role === "staff" || role === "admin") sections.push("handler");
  if (role === "staff" || role === "admin") sections.push("staff");
  if (role === "admin") sections.push("admin");
  if (role === "department") sections.push("department");
  return sections;
}

/**
 * Whether someone must first accept the notice for those who handle citizens' data (issue 7,
 * item 13): deputies, staff and admins who have not accepted it yet. They are shown it in place
 * of the citizens' privacy notice.
 */
export function needsStaffNotice(user: { role: string; staffNoticeAt: Date | null }): boolean {
  return (handlerRoles as readonly string[]).includes(user.role) && user.staffNoticeAt === null;
}

/** The roles an administrator can suspend or take away (admins come from ADMIN_IDS, not from here). */
export const removableRoles: readonly Role[] = ["representative", "staff"];

/**
 * Whether a deputy or staff member is suspended (a term change, leave): an administrator set
 * `suspendedAt` (`admin suspend`, /people). They keep their role and districts but act on no
 * case and are told of none until resumed.
 */
export function isSuspended(user: { role: string; suspendedAt: Date | null }): boolean {
  return (removableRoles as readonly string[]).includes(user.role) && user.suspendedAt !== null;
}

/**
 * Whether someone who handles cases is kept away from citizens' data for now (issue 7, items 13
 * and 14): suspended (isSuspended), or not yet accepted the notice for those who handle it
 * (needsStaffNotice). Nobody held back is told of a case, shown one or lets one be acted on.
 */
export function isHeldBack(user: {
  role: string;
  staffNoticeAt: Date | null;
  suspendedAt: Date | null;
}): boolean {
  return isSuspended(user) || needsStaffNotice(user);
}

/**
 * The role whose commands someone is offered (their command menu, /help): their own, but a
 * citizen's while they are suspended, so that nobody is offered what they cannot use.
 */
export function menuRole(user: { role: string; suspendedAt: Date | null }): string {
  return isSuspended(user) ? "citizen" : user.role;
}
