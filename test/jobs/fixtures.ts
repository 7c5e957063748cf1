// People, cases and referrals put straight into the database, with the dates a test needs.
import type { Dialect, Prisma } from "../../src/db/client.js";
import type { Concern, Referral, User } from "../../src/db/generated/sqlite/client.js";
import { enqueue, messageJob } from "../../src/db/outbox.js";
import type { CaseMessageKind } from "../../src/domain/messages.js";

let nextCase = 1;

export async function districtId(prisma: Prisma, code: string): Promise<number> {
  return (await prisma.district.findUniqueOrThrow({ where: { code } })).id;
}

export interface UserInput {
  telegramId: number;
  role?: "citizen" | "representative" | "staff" | "admin";
  /** The citizen's district. */
  district?: string;
  /** Staff scope. */
  staffOf?: string;
  /** Districts served as a deputy. */
  represents?: string[];
  locale?: string;
  inactive?: boolean;
  /** Suspended by an administrator (role and districts kept). */
  suspended?: boolean;
  /** A deputy or staff member who has not accepted their notice yet. */
  noticePending?: boolean;
}

export async function addUser(prisma: Prisma, input: UserInput): Promise<User> {
  const now = new Date("2026-01-01T00:00:00Z");
  const user = await prisma.user.create({
    data: {
      telegramId: BigInt(input.telegramId),
      firstName: `U${input.telegramId}`,
      role: input.role ?? (input.represents ? "representative" : input.staffOf ? "staff" : "citizen"),
      locale: input.locale ?? "zh-CN",
      districtId: input.district ? await districtId(prisma, input.district) : null,
      staffDistrictId: input.staffOf ? await districtId(prisma, input.staffOf) : null,
      consentedAt: now,
      staffNoticeAt: input.noticePending ? null : now,
      suspendedAt: input.suspended ? now : null,
      inactiveAt: input.inactive ? now : null,
      createdAt: now,
      updatedAt: now,
    },
  });
  for (const code of input.represents ?? []) {
    await prisma.representativeAssignment.create({
      data: { userId: user.id, districtId: await districtId(prisma, code), createdAt: now },
    });
  }
  return user;
}

export interface ConcernInput {
  citizen: User;
  district: string;
  status?: string;
  createdAt: Date;
  dueAt?: Date | null;
  closedAt?: Date | null;
  rating?: string | null;
  assignee?: User;
}

export async function addConcern(prisma: Prisma, input: ConcernInput): Promise<Concern> {
  const n = nextCase++;
  return prisma.concern.create({
    data: {
      caseNo: `T-${String(n).padStart(5, "0")}`,
      citizenId: input.citizen.id,
      districtId: await districtId(prisma, input.district),
      status: input.status ?? "new",
      description: `路灯不亮 #${n}`,
      sourceKey: `fixture:${n}:${Math.random()}`,
      dueAt: input.dueAt === undefined ? new Date(input.createdAt.getTime() + 15 * 86_400_000) : input.dueAt,
      closedAt: input.closedAt ?? null,
      outcome: input.closedAt ? "已修复" : null,
      rating: input.rating ?? null,
      assigneeId: input.assignee?.id ?? null,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    },
  });
}

export async function addReferral(
  prisma: Prisma,
  input: { concern: Concern; deadline: Date; status?: string },
): Promise<Referral> {
  const department = await prisma.department.findFirstOrThrow({ where: { code: "transport" } });
  return prisma.referral.create({
    data: {
      concernId: input.concern.id,
      departmentId: department.id,
      deadline: input.deadline,
      status: input.status ?? "open",
      createdAt: input.concern.createdAt,
    },
  });
}

/** What queueNotification needs of a harness (test/jobs/harness.ts). */
interface QueueingHarness {
  prisma: Prisma;
  db: { dialect: Dialect };
  clock: { now(): Date };
}

/** A case of `citizen` with one message on it, and a notification of it queued for `recipient`. */
export async function queueNotification(
  h: QueueingHarness,
  kind: CaseMessageKind,
  citizen: User,
  recipient: User,
  text: string,
): Promise<void> {
  const concern: Concern = await addConcern(h.prisma, {
    citizen,
    district: "QS-CG-DM",
    status: "accepted",
    createdAt: new Date(h.clock.now().getTime() - 24 * 3_600_000),
  });
  const event = await h.prisma.concernEvent.create({
    data: {
      concernId: concern.id,
      kind: "message",
      actorRole: "representative",
      text,
      createdAt: h.clock.now(),
    },
  });
  await enqueue(
    h.prisma,
    h.db.dialect,
    [messageJob({ kind, recipientId: recipient.id, concernId: concern.id, eventId: event.id })],
    h.clock.now(),
  );
}
