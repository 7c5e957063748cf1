// Who holds which role, and changing it (`admin people`, `remove-role`, `suspend`, `resume`,
// `revoke-invite`, `audit` in src/admin.ts; /people in src/bot/features/people.ts). A removed
// deputy or staff member is a citizen again from their next update (the user middleware reads
// the role afresh each time); a suspended one keeps role and districts but acts on no case and
// is told of none (src/domain/roles.ts isSuspended) until resumed. Either way the open cases in
// their hands go to the staff covering each case's district (nobody when there is none: the
// district's deputies and staff then hear of it as of a new case), each handover on the case's
// timeline ("handed_over"); every change is in the access audit (src/db/queries/access-audit.ts)
// and told to the person and to whoever received their cases (access_changed).
import { mayBeTold, nearestStaff } from "../../domain/case-recipients.js";
import { openStatuses } from "../../domain/concern-status.js";
import type { OutgoingMessage } from "../../domain/messages.js";
import { personName } from "../../domain/person-name.js";
import { removableRoles } from "../../domain/roles.js";
import type { Database, Prisma } from "../client.js";
import type { User } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { type AccessActor, actorColumns, auditLabel, recordAccessAudit } from "./access-audit.js";
import { listDistrictPeople } from "./case-people.js";

export interface PersonWithRole {
  id: number;
  telegramId: bigint;
  name: string;
  username: string | null;
  role: string;
  /** District codes: a deputy's assignments, a staff member's scope. */
  districts: string[];
  /** The same districts with their names, for the bot. */
  places: { code: string; nameZh: string; nameEn: string }[];
  openCases: number;
  /** Suspended by an administrator (src/domain/roles.ts isSuspended), and since when. */
  suspended: boolean;
  suspendedAt: Date | null;
}

/**
 * Everyone who is not a plain citizen, by their first district's code, then role, then Telegram
 * id (people without a district last); with `role`, only those holding it; with `id`, only that
 * person (a card is one read, not the whole list).
 */
export async function listPeopleWithRoles(
  prisma: Prisma,
  filter: { role?: string; id?: number } = {},
): Promise<PersonWithRole[]> {
  const users = await prisma.user.findMany({
    where: {
      role: filter.role ?? { not: "citizen" },
      deletedAt: null,
      ...(filter.id === undefined ? {} : { id: filter.id }),
    },
    include: { representativeOf: { include: { district: true } }, staffDistrict: true },
    orderBy: [{ role: "asc" }, { telegramId: "asc" }],
  });
  const open = await prisma.concern.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: users.map((u) => u.id) }, status: { in: [...openStatuses] } },
    _count: { _all: true },
  });
  const counts = new Map(open.map((row) => [row.assigneeId, row._count._all]));
  const people: PersonWithRole[] = users.map((u) => ({
    id: u.id,
    telegramId: u.telegramId,
    name: personName(u),
    username: u.username,
    role: u.role,
    places: [
      ...u.representativeOf.map((a) => a.district).sort((a, b) => (a.code < b.code ? -1 : 1)),
      ...(u.staffDistrict ? [u.staffDistrict] : []),
    ].map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
    openCases: counts.get(u.id) ?? 0,
    suspended: u.suspendedAt !== null,
    suspendedAt: u.suspendedAt,
    districts: [],
  }));
  for (const p of people) p.districts = p.places.map((d) => d.code);
  const key = (p: PersonWithRole) => p.districts[0] ?? "\uffff";
  return people.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export class UnknownPersonError extends Error {
  constructor(readonly who: string) {
    super(`nobody ${who} holds a role`);
    this.name = "UnknownPersonError";
  }
}

/** The person holds a role that cannot be suspended (an admin of ADMIN_IDS, a department contact). */
export class NotSuspendableError extends Error {
  constructor(readonly role: string) {
    super(`a ${role} cannot be suspended (only deputies and staff)`);
    this.name = "NotSuspendableError";
  }
}

/** Suspending someone suspended, or resuming someone who is not. */
export class SuspensionStateError extends Error {
  constructor(readonly suspended: boolean) {
    super(suspended ? "already suspended" : "not suspended");
    this.name = "SuspensionStateError";
  }
}

/** Who a command is about: a Telegram id (digits) or "@username" (any case). */
export type PersonHandle = { telegramId: bigint } | { username: string } | { userId: number };

/** Reads "123456" or "@name" (or "name") as a handle; undefined when it is neither. */
export function parsePersonHandle(text: string): PersonHandle | undefined {
  const trimmed = text.trim();
  if (/^\d{1,20}$/.test(trimmed)) return { telegramId: BigInt(trimmed) };
  const name = trimmed.replace(/^@/, "");
  return /^[A-Za-z0-9_]{3,32}$/.test(name) ? { username: name } : undefined;
}

function describeHandle(handle: PersonHandle): string {
  if ("telegramId" in handle) return `with Telegram id ${handle.telegramId}`;
  if ("username" in handle) return `@${handle.username}`;
  return `#${handle.userId}`;
}

/**
 * The person a handle names, whatever their role (a username exactly as written, else in any
 * case among those with a role; someone with a role first); null when nobody, or only a deleted
 * account.
 */
export async function findPerson(prisma: Prisma, handle: PersonHandle): Promise<User | null> {
  let user: User | null = null;
  if ("telegramId" in handle)
    user = await prisma.user.findUnique({ where: { telegramId: handle.telegramId } });
  else if ("userId" in handle) user = await prisma.user.findUnique({ where: { id: handle.userId } });
  else {
    // Exactly as written; else, in any case, among the few with a role (not every citizen loaded).
    const exact = await prisma.user.findMany({
      where: { deletedAt: null, username: handle.username },
      orderBy: { id: "asc" },
    });
    const wanted = handle.username.toLowerCase();
    const matching =
      exact.length > 0
        ? exact
        : (
            await prisma.user.findMany({
              where: { deletedAt: null, role: { not: "citizen" }, username: { not: null } },
              orderBy: { id: "asc" },
            })
          ).filter((u) => u.username?.toLowerCase() === wanted);
    user = matching.find((u) => u.role !== "citizen") ?? matching[0] ?? null;
  }
  return user && !user.deletedAt ? user : null;
}

/** The person a handle names who holds a role other than citizen; throws UnknownPersonError. */
export async function findPersonWithRole(prisma: Prisma, handle: PersonHandle): Promise<User> {
  const user = await findPerson(prisma, handle);
  if (!user || user.role === "citizen") throw new UnknownPersonError(describeHandle(handle));
  return user;
}

/** The open cases assigned to `user`, each with the staff member it goes to (decided before any change). */
async function planHandover(db: Database, user: User) {
  const cases = await db.prisma.concern.findMany({
    where: { assigneeId: user.id, status: { in: [...openStatuses] } },
    select: { id: true, districtId: true },
  });
  const heirs = new Map<number, number | null>();
  for (const c of cases) {
    if (heirs.has(c.districtId)) continue;
    const people = await listDistrictPeople(db.prisma, c.districtId);
    // The nearest staff covering the district, leaving out the person whose cases these are.
    const staff = people.staff.filter((p) => p.id !== user.id && mayBeTold(p));
    heirs.set(c.districtId, nearestStaff({ staff })[0] ?? null);
  }
  return cases.map((c) => ({ concernId: c.id, heirId: heirs.get(c.districtId) ?? null }));
}

type Tx = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

/** Reassigns the planned cases, each with a "handed_over" entry: "<reason>|<former assignee's name>". */
async function handOver(
  tx: Tx,
  plan: { concernId: number; heirId: number | null }[],
  from: User,
  reason: "removed" | "suspended",
  now: Date,
): Promise<void> {
  for (const { concernId, heirId } of plan) {
    await tx.concern.update({
      where: { id: concernId },
      data: { assigneeId: heirId, assignedAt: heirId ? now : null, updatedAt: now },
    });
    await tx.concernEvent.create({
      data: {
        concernId,
        kind: "handed_over",
        actorId: heirId,
        actorRole: "system",
        text: `${reason}|${personName(from)}`,
        internal: true,
        createdAt: now,
      },
    });
  }
}

/**
 * Queues the messages of an access change (src/domain/messages.ts access_changed): to the
 * person whose role changed, and to each staff member who received some of their open cases.
 */
async function tellAccessChange(
  tx: Tx,
  db: Database,
  input: { auditId: number; subjectId: number; plan: { heirId: number | null }[]; now: Date },
): Promise<void> {
  const perHeir = new Map<number, number>();
  for (const { heirId } of input.plan) if (heirId) perHeir.set(heirId, (perHeir.get(heirId) ?? 0) + 1);
  const messages: OutgoingMessage[] = [
    {
      kind: "access_changed",
      recipientId: input.subjectId,
      auditId: input.auditId,
      to: "subject",
      cases: input.plan.length,
    },
    ...[...perHeir].map(([recipientId, cases]) => ({
      kind: "access_changed" as const,
      recipientId,
      auditId: input.auditId,
      to: "heir" as const,
      cases,
    })),
  ];
  await enqueueMessages(tx, db.dialect, messages, input.now);
}

/**
 * What a removal and a suspension share, inside their transaction: the planned cases handed
 * over (their timelines say why), the access audit entry, and the messages telling the person
 * and the staff who received their cases.
 */
async function handOverAndRecord(
  tx: Tx,
  db: Database,
  input: {
    user: User;
    plan: { concernId: number; heirId: number | null }[];
    codes: string;
    actor: AccessActor;
    change: "remove" | "suspend";
    now: Date;
  },
): Promise<void> {
  const { user, plan, now } = input;
  await handOver(tx, plan, user, input.change === "remove" ? "removed" : "suspended", now);
  const auditId = await recordAccessAudit(tx, {
    action: input.change,
    actor: actorColumns(input.actor),
    subject: { id: user.id, label: auditLabel(user) },
    role: user.role,
    detail: { codes: input.codes, handedOver: plan.length },
    now,
  });
  await tellAccessChange(tx, db, { auditId, subjectId: user.id, plan, now });
}

async function districtCodes(prisma: Prisma, user: User): Promise<string> {
  const [assignments, staff] = await Promise.all([
    prisma.representativeAssignment.findMany({ where: { userId: user.id }, include: { district: true } }),
    user.staffDistrictId ? prisma.district.findUnique({ where: { id: user.staffDistrictId } }) : null,
  ]);
  return [...assignments.map((a) => a.district.code), ...(staff ? [staff.code] : [])].join(",");
}

/**
 * Makes the person `handle` names a citizen again: their deputy assignments and staff scope
 * end, and each open case assigned to them is handed to the nearest staff member covering its
 * district (or to nobody), with a "handed_over" entry on its timeline; recorded in the access
 * audit as `actor`'s. Throws UnknownPersonError when nobody it names holds a role.
 */
export async function removeRole(
  db: Database,
  input: { person: PersonHandle; actor: AccessActor; now: Date },
): Promise<{ former: string; handedOver: number; person: User }> {
  const { now } = input;
  const user = await findPersonWithRole(db.prisma, input.person);
  const plan = await planHandover(db, user);
  const codes = await districtCodes(db.prisma, user);
  await db.prisma.$transaction(async (tx) => {
    await tx.representativeAssignment.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: { role: "citizen", staffDistrictId: null, suspendedAt: null, updatedAt: now },
    });
    await handOverAndRecord(tx, db, { user, plan, codes, actor: input.actor, change: "remove", now });
  });
  return { former: user.role, handedOver: plan.length, person: user };
}

/**
 * Suspends the deputy or staff member `handle` names (a term change, leave): from their next
 * update they act on no case and are told of none; their role and districts stay, and their
 * open cases are handed over as removeRole does. Throws UnknownPersonError, NotSuspendableError
 * (admins, department contacts) or SuspensionStateError (already suspended).
 */
export async function suspendPerson(
  db: Database,
  input: { person: PersonHandle; actor: AccessActor; now: Date },
): Promise<{ handedOver: number; person: User }> {
  const { now } = input;
  const user = await findPersonWithRole(db.prisma, input.person);
  if (!(removableRoles as readonly string[]).includes(user.role)) throw new NotSuspendableError(user.role);
  if (user.suspendedAt) throw new SuspensionStateError(true);
  const plan = await planHandover(db, user);
  const codes = await districtCodes(db.prisma, user);
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, suspendedAt: null },
      data: { suspendedAt: now, updatedAt: now },
    });
    if (count !== 1) throw new SuspensionStateError(true);
    await handOverAndRecord(tx, db, { user, plan, codes, actor: input.actor, change: "suspend", now });
  });
  return { handedOver: plan.length, person: user };
}

/**
 * Ends a suspension: the person acts on and is told of their districts' cases again from their
 * next update (the cases handed over stay where they went). Throws UnknownPersonError or
 * SuspensionStateError (not suspended).
 */
export async function resumePerson(
  db: Database,
  input: { person: PersonHandle; actor: AccessActor; now: Date },
): Promise<{ person: User }> {
  const { now } = input;
  const user = await findPersonWithRole(db.prisma, input.person);
  const codes = await districtCodes(db.prisma, user);
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, suspendedAt: { not: null } },
      data: { suspendedAt: null, updatedAt: now },
    });
    if (count !== 1) throw new SuspensionStateError(false);
    const auditId = await recordAccessAudit(tx, {
      action: "resume",
      actor: actorColumns(input.actor),
      subject: { id: user.id, label: auditLabel(user) },
      role: user.role,
      detail: { codes },
      now,
    });
    await tellAccessChange(tx, db, { auditId, subjectId: user.id, plan: [], now });
  });
  return { person: user };
}

/** An invite not used yet and not expired, with what it is for. */
export interface UnusedInvite {
  id: number;
  role: string;
  /** The district's or department's code. */
  target: string;
  expiresAt: Date;
}

/** Every unused, unexpired invite, soonest expiry first. */
export async function listUnusedInvites(prisma: Prisma, now: Date): Promise<UnusedInvite[]> {
  const rows = await prisma.invite.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    include: { district: true, department: true },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    target: r.district?.code ?? r.department?.code ?? "-",
    expiresAt: r.expiresAt,
  }));
}

/**
 * Makes an unused invite unusable (its expiry set to now), by its token or its id, recorded in
 * the access audit as `actor`'s. False when none unused and unexpired matches.
 */
export async function revokeInvite(
  prisma: Prisma,
  input: ({ token: string } | { inviteId: number }) & { actor: AccessActor; now: Date },
): Promise<boolean> {
  const { now } = input;
  const where = "token" in input ? { token: input.token } : { id: input.inviteId };
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { ...where, usedAt: null, expiresAt: { gt: now } },
      include: { district: true, department: true },
    });
    if (!invite) return false;
    const { count } = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    if (count !== 1) return false;
    await recordAccessAudit(tx, {
      action: "revoke_invite",
      actor: actorColumns(input.actor),
      subject: { id: null, label: `invite #${invite.id}` },
      role: invite.role,
      detail: { codes: invite.district?.code ?? invite.department?.code ?? "", inviteId: invite.id },
      now,
    });
    return true;
  });
}
