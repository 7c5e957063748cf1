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
