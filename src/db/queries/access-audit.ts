// The access audit (issue 7, item 14): who granted, removed, suspended or resumed whose role,
// or revoked which invite, and when — written in the same transaction as the change itself,
// read by `admin audit` and the history view of /people.
import { personName } from "../../domain/person-name.js";
import type { Prisma } from "../client.js";
import type { AccessAudit, Prisma as PrismaNamespace } from "../generated/sqlite/client.js";

export type { AccessAudit };

type Tx = PrismaNamespace.TransactionClient;

export const accessAuditActions = ["grant", "remove", "suspend", "resume", "revoke_invite"] as const;
export type AccessAuditAction = (typeof accessAuditActions)[number];

/**
 * Who changes someone's access: an administrator in the bot (their user row), the operator of
 * the command line (their operating-system account), or, for a grant, the invite redeemed.
 */
export type AccessActor =
  | {
      kind: "user";
      user: {
        id: number;
        telegramId: bigint;
        firstName: string;
        lastName?: string | null;
        username?: string | null;
      };
    }
  | { kind: "cli"; operator: string };

/** "小刘 (7601)": a person as the audit names them, their name then and their Telegram id. */
export function auditLabel(user: {
  telegramId: bigint;
  firstName: string;
  lastName?: string | null;
  username?: string | null;
}): string {
  return `${personName(user)} (${user.telegramId})`;
}

/** The columns an actor fills: an administrator's id and label, or "cli:<operator>". */
export function actorColumns(actor: AccessActor): { actorId: number | null; actorLabel: string } {
  return actor.kind === "user"
    ? { actorId: actor.user.id, actorLabel: auditLabel(actor.user) }
    : { actorId: null, actorLabel: `cli:${actor.operator}` };
}

/** What an entry records beyond its action and role, stored as JSON in `detail`. */
export interface AuditDetail {
  /** District (or department) codes of the role, comma-separated. */
  codes?: string;
  /** Open cases handed to the staff covering their districts. */
  handedOver?: number;
  /** The invite redeemed or revoked. */
  inviteId?: number;
}

/** The detail of an entry; {} when it holds none or is not JSON. */
export function parseAuditDetail(detail: string | null): AuditDetail {
  if (!detail) return {};
  try {
    const value = JSON.parse(detail) as unknown;
    return value && typeof value === "object" ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

/** Writes one audit entry (in the caller's transaction, so that it stands or falls with the change); its id. */
export async function recordAccessAudit(
  tx: Tx | Prisma,
  entry: {
    action: AccessAuditAction;
    actor: { actorId: number | null; actorLabel: string };
    subject: { id: number | null; label: string };
    role?: string | null;
    detail?: AuditDetail;
    now: Date;
  },
): Promise<number> {
  const { id } = await tx.accessAudit.create({
    data: {
      action: entry.action,
      actorId: entry.actor.actorId,
      actorLabel: entry.actor.actorLabel,
      subjectId: entry.subject.id,
      subjectLabel: entry.subject.label,
      role: entry.role ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      createdAt: entry.now,
    },
    select: { id: true },
  });
  return id;
}

/** One entry by id, or null. */
export function findAccessAudit(prisma: Prisma, id: number): Promise<AccessAudit | null> {
  return prisma.accessAudit.findUnique({ where: { id } });
}

/** The newest entries first (`take` of them, after skipping `skip`), of one person when `subjectId` is given. */
export function listAccessAudit(
  prisma: Prisma,
  options: { subjectId?: number; skip?: number; take: number },
): Promise<AccessAudit[]> {
  return prisma.accessAudit.findMany({
    where: options.subjectId === undefined ? {} : { subjectId: options.subjectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: options.skip ?? 0,
    take: options.take,
  });
}

/** How many entries there are (of one person when `subjectId` is given). */
export function countAccessAudit(prisma: Prisma, options: { subjectId?: number } = {}): Promise<number> {
  return prisma.accessAudit.count({
    where: options.subjectId === undefined ? {} : { subjectId: options.subjectId },
  });
}
