// Who a broadcast may address, and who may address whom. Staff address districts within
// their own scope only; all citizens, and representatives or staff everywhere, take an admin.
import { canHandleDistrict, type HandlerScope } from "./access.js";

export const audiences = [
  "all_citizens",
  "district_citizens",
  "district_subscribers",
  "representatives",
  "staff",
] as const;
export type Audience = (typeof audiences)[number];

export function isAudience(value: string): value is Audience {
  return (audiences as readonly string[]).includes(value);
}

/** Audiences that are always about one district (and everything below it). */
export function needsDistrict(audience: Audience): boolean {
  return audience === "district_citizens" || audience === "district_subscribers";
}

/** Who an audience stands for: which people, and how the chosen district narrows them. */
export interface AudienceRule {
  /** Citizens; anyone with an active notice subscription; deputies; staff and admins. */
  members: "citizens" | "subscribers" | "deputies" | "staff";
  /**
   * "everywhere": no district narrows it; "subtree": their district (home, assignment or
   * staff district) is the chosen one or lies below it; "subtree-and-above": subscribed to a
   * district inside the chosen one or to one containing it (a county's subscribers hear about
   * each of its villages). A district audience without a district reaches nobody.
   */
  districts: "everywhere" | "subtree" | "subtree-and-above";
}

/**
 * The rule of an audience for a chosen district (null: none chosen). Whoever stopped
 * notices, was banned, is unreachable or never consented is never in any audience.
 */
export function audienceRule(audience: Audience, districtId: number | null): AudienceRule {
  const narrowed = districtId === null ? "everywhere" : "subtree";
  switch (audience) {
    case "all_citizens":
      return { members: "citizens", districts: "everywhere" };
    case "district_citizens":
      return { members: "citizens", districts: "subtree" };
    case "district_subscribers":
      return { members: "subscribers", districts: "subtree-and-above" };
    case "representatives":
      return { members: "deputies", districts: narrowed };
    case "staff":
      return { members: "staff", districts: narrowed };
  }
}

/**
 * May someone with this scope and role send to this audience? Representatives and staff
 * audiences may be narrowed to a district (districtId) or, for admins, cover everyone.
 */
export function canAddress(
  sender: { role: string; scope: HandlerScope },
  audience: Audience,
  districtId: number | null,
): boolean {
  if (sender.role !== "staff" && sender.role !== "admin") return false;
  if (sender.scope.kind === "all") return true;
  if (audience === "all_citizens" || districtId === null) return false;
  return canHandleDistrict(sender.scope, districtId);
}

/**
 * Whether someone may receive a notice (a broadcast, an announcement) at send time: never
 * once they stopped notices, were banned, or became unreachable (blocked the bot).
 */
export function isNoticeRecipient(user: {
  inactiveAt: Date | null;
  bannedAt: Date | null;
  noticesOptOutAt: Date | null;
}): boolean {
  return !user.inactiveAt && !user.bannedAt && !user.noticesOptOutAt;
}

/**
 * Who may stop a scheduled or running broadcast: its sender, an administrator, or a staff
 * member whose scope covers its district (a broadcast to no district — everyone — only its
 * sender and administrators). Checked on every tap.
 */
export function canStopBroadcast(
  user: { id: number; role: string },
  broadcast: { createdById: number; districtId: number | null },
  coversDistrict: (districtId: number) => boolean,
): boolean {
  if (broadcast.createdById === user.id || user.role === "admin") return true;
  return user.role === "staff" && broadcast.districtId !== null && coversDistrict(broadcast.districtId);
}
