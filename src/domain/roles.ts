// The roles an account can hold, lowest first; a user's `role` column keeps the highest one.
export const roles = ["citizen", "representative", "staff", "admin"] as const;
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
