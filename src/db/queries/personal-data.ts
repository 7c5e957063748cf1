// My data (PIPL): export everything held about a person, delete their account, and the
// retention pass over closed cases. What each table holds and what deletion does to it is
// src/domain/personal-data.ts (personalDataMap); this file carries it out.
import { isOpen, nextStatus } from "../../domain/concern-status.js";
import {
  closedCaseRule,
  type DeletionRemains,
  type PersonalDataExport,
  retentionCutoff,
} from "../../domain/personal-data.js";
import type { Database, Prisma } from "../client.js";
import { enqueueMessages } from "../outbox.js";
import { loadCaseHandlers, type TxClient } from "./concerns.js";

export class AccountNotFoundError extends Error {
  constructor(readonly userId: number) {
    super(`user ${userId} does not exist or was deleted`);
    this.name = "AccountNotFoundError";
  }
}

/**
 * Deleting an account is for citizens: a deputy's or staff member's work on others' cases is
 * part of those cases' record, so their role is revoked by an admin first.
 */
export class AccountDeletionNotAllowedError extends Error {
  constructor(
    readonly userId: number,
    readonly role: string,
  ) {
    super(`user ${userId} is ${role}: revoke the role before deleting the account`);
    this.name = "AccountDeletionNotAllowedError";
  }
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything held about a user, as PersonalDataExport (see src/domain/personal-data.ts):
 * profile, consents, moderation, their cases with every message and the attachments listed
 * by name (the files stay on Telegram), co-signatures, subscriptions, RSVPs, invites used, the
 * session in progress. Throws AccountNotFoundError (also for a deleted account).
 */
export async function exportPersonalData(
  prisma: Prisma,
  userId: number,
  now: Date,
): Promise<PersonalDataExport> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { district: true } });
  if (!user || user.deletedAt) throw new AccountNotFoundError(userId);
  const [cases, cosigned, subscriptions, rsvps, invites, actions, session, broadcastsReceived] =
    await Promise.all([
      prisma.concern.findMany({
        where: { citizenId: userId },
        orderBy: { id: "asc" },
        include: {
          category: true,
          district: true,
          intake: true,
          events: { orderBy: { id: "asc" } },
          attachments: { orderBy: { id: "asc" } },
        },
      }),
      prisma.concernParty.findMany({ where: { userId }, orderBy: { id: "asc" }, include: { concern: true } }),
      prisma.noticeSubscription.findMany({
        where: { userId },
        orderBy: { id: "asc" },
        include: { district: true },
      }),
      prisma.activityRsvp.findMany({
        where: { userId },
        orderBy: { id: "asc" },
        include: { activity: true },
      }),
      prisma.invite.findMany({
        where: { usedById: userId },
        orderBy: { id: "asc" },
        include: { district: true },
      }),
      prisma.moderationAction.findMany({ where: { userId }, orderBy: { id: "asc" } }),
      prisma.session.findUnique({ where: { key: user.telegramId.toString() } }),
      prisma.broadcastRecipient.count({ where: { userId } }),
    ]);
  return {
    format: "liaison-station/personal-data@1",
    exportedAt: iso(now),
    profile: {
      telegramId: user.telegramId.toString(),
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      locale: user.locale,
      role: user.role,
      district: user.district
        ? { code: user.district.code, nameZh: user.district.nameZh, nameEn: user.district.nameEn }
        : null,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    consents: {
      privacyNoticeAcceptedAt: isoOrNull(user.consentedAt),
      locationConsentAt: isoOrNull(user.locationConsentAt),
      noticesOptOutAt: isoOrNull(user.noticesOptOutAt),
    },
    moderation: {
      mutedAt: isoOrNull(user.mutedAt),
      blockedAt: isoOrNull(user.bannedAt),
      actions: actions.map((a) => ({ kind: a.kind, at: iso(a.createdAt), undoneAt: isoOrNull(a.undoneAt) })),
    },
    cases: cases.map((c) => ({
      caseNo: c.caseNo,
      status: c.status,
      category: c.category?.code ?? null,
      district: c.district.code,
      anonymous: c.anonymous,
      description: c.description,
      location:
        c.latitude !== null && c.longitude !== null ? { latitude: c.latitude, longitude: c.longitude } : null,
      outcome: c.outcome,
      rating: c.rating,
      ratedAt: isoOrNull(c.ratedAt),
      createdAt: iso(c.createdAt),
      closedAt: isoOrNull(c.closedAt),
      intake: c.intake
        ? { source: c.intake.source, contactName: c.intake.contactName, contactPhone: c.intake.contactPhone }
        : null,
      messages: c.events.map((e) => ({
        at: iso(e.createdAt),
        from: e.actorId === userId ? "you" : e.actorRole,
        kind: e.kind,
        text: e.text,
      })),
      attachments: c.attachments.map((a) => ({
        kind: a.kind,
        fileName: a.fileName,
        mimeType: a.mimeType,
        fileSize: a.fileSize,
        at: iso(a.createdAt),
      })),
    })),
    cosigned: cosigned.map((p) => ({
      caseNo: p.concern.caseNo,
      since: iso(p.createdAt),
      leftAt: isoOrNull(p.leftAt),
    })),
    subscriptions: subscriptions.map((s) => ({
      district: s.district.code,
      active: s.active,
      since: iso(s.createdAt),
    })),
    rsvps: rsvps.map((r) => ({
      activity: r.activity.title,
      startsAt: iso(r.activity.startsAt),
      answer: r.answer,
      attended: r.attended,
    })),
    invitesUsed: invites.map((i) => ({
      role: i.role,
      district: i.district?.code ?? null,
      usedAt: isoOrNull(i.usedAt),
    })),
    session: session ? JSON.parse(session.value) : null,
    broadcastsReceived,
  };
}

/**
 * Erases the contents of some cases, keeping them as anonymous statistics: description and
 * outcome emptied, location and idempotency key replaced, anonymous set, timeline texts and
 * keys nulled, attachments deleted, referral answers and walk-in contacts nulled, queued
 * messages about them cancelled; erasedAt set. Used by account deletion and the retention pass.
 */
async function eraseCaseContents(tx: TxClient, concernIds: number[], now: Date): Promise<void> {
  if (concernIds.length === 0) return;
  const inCases = { concernId: { in: concernIds } };
  await tx.attachment.deleteMany({ where: inCases });
  await tx.concernEvent.updateMany({ where: inCases, data: { text: null, sourceKey: null } });
  await tx.referral.updateMany({
    where: inCases,
    data: {
      note: null,
      answer: null,
      reviewNote: null,
      deputyRatingNote: null,
      reworkReason: null,
      returnNote: null,
    },
  });
  await tx.referralExtension.updateMany({
    where: { referral: inCases },
    data: { reason: "", decisionNote: null },
  });
  await tx.caseIntake.updateMany({
    where: inCases,
    data: {
      contactName: null,
      contactPhone: null,
      contactConsentAt: null,
      claimCodeHash: null,
      updatedAt: now,
    },
  });
  for (const id of concernIds) {
    // The key came from the citizen's draft or message; a fresh one keeps it unique.
    await tx.concern.update({
      where: { id },
      data: {
        description: "",
        outcome: null,
        latitude: null,
        longitude: null,
        anonymous: true,
        sourceKey: `erased:${id}`,
        erasedAt: now,
        updatedAt: now,
      },
    });
  }
  await cancelQueuedJobs(tx, "concernId", concernIds, now);
}

/**
 * Cancels queued jobs whose JSON payload names one of `ids` under `field`. Payloads are
 * written by JSON.stringify (src/db/outbox.ts), so `"field":id` is followed by , or }.
 */
async function cancelQueuedJobs(tx: TxClient, field: string, ids: number[], now: Date): Promise<void> {
  for (const id of ids) {
    await tx.job.updateMany({
      where: {
        status: "queued",
        OR: [{ payload: { contains: `"${field}":${id},` } }, { payload: { contains: `"${field}":${id}}` } }],
      },
      data: { status: "cancelled", finishedAt: now, updatedAt: now },
    });
  }
}

/** An open case withdrawn by the deletion, and who handled it: the bot side tells them. */
export interface WithdrawnCase {
  concernId: number;
  caseNo: string;
  /** The deputies (or staff) who hear about the case: its assignee, else the district's. */
  handlerIds: number[];
}

/**
 * Deletes a citizen's account (PIPL art. 47), in one transaction: open and held cases are
 * withdrawn (on the timeline, by "system"); the contents of all their cases are erased and
 * kept as anonymous statistics; their texts elsewhere are nulled, co-signatures left, their
 * subscriptions, RSVPs and session deleted, moderation reasons nulled, queued messages to them
 * cancelled; the user row is anonymised (telegramId = −id, so that writing to the bot again
 * starts afresh) with deletedAt set; the request is recorded (PrivacyRequest "delete"). The
 * handlers of each withdrawn case are queued a concern_withdrawn notice in the same
 * transaction. Returns the withdrawn cases with their handlers, and what remains, for telling
 * the person. Throws
 * AccountNotFoundError (also when deleted already), AccountDeletionNotAllowedError.
 */
export function deleteAccount(
  db: Database,
  input: { userId: number; now: Date },
): Promise<{ withdrawn: WithdrawnCase[]; remains: DeletionRemains }> {
  const { userId, now } = input;
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user || user.deletedAt) throw new AccountNotFoundError(userId);
    if (user.role !== "citizen") throw new AccountDeletionNotAllowedError(userId, user.role);
    // Claim the deletion first: of two concurrent ones only the first finds deletedAt null.
    const { count } = await tx.user.updateMany({
      where: { id: userId, deletedAt: null },
      data: { deletedAt: now },
    });
    if (count !== 1) throw new AccountNotFoundError(userId);

    const cases = await tx.concern.findMany({ where: { citizenId: userId }, orderBy: { id: "asc" } });
    const withdrawn: WithdrawnCase[] = [];
    const withdrawalEvents = new Map<number, number>();
    for (const c of cases.filter((c) => isOpen(c.status) || c.status === "held")) {
      const to = nextStatus(c.status, "withdraw");
      await tx.concern.update({ where: { id: c.id }, data: { status: to, closedAt: now, updatedAt: now } });
      const event = await tx.concernEvent.create({
        data: {
          concernId: c.id,
          kind: "status",
          actorRole: "system",
          fromStatus: c.status,
          toStatus: to,
          createdAt: now,
        },
      });
      withdrawalEvents.set(c.id, event.id);
      // A held case never reached the deputies: nobody to tell.
      withdrawn.push({
        concernId: c.id,
        caseNo: c.caseNo,
        handlerIds: c.status === "held" ? [] : await loadCaseHandlers(tx, c),
      });
    }
    await eraseCaseContents(
      tx,
      cases.map((c) => c.id),
      now,
    );
    await tx.concernEvent.updateMany({ where: { actorId: userId }, data: { text: null, sourceKey: null } });
    await tx.concernParty.updateMany({ where: { userId, leftAt: null }, data: { leftAt: now } });
    await tx.noticeSubscription.deleteMany({ where: { userId } });
    await tx.activityRsvp.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { key: user.telegramId.toString() } });
    await tx.caseMessageRef.deleteMany({ where: { userId } });
    // The access audit keeps what happened, no longer whom it named.
    await tx.accessAudit.updateMany({ where: { subjectId: userId }, data: { subjectLabel: `#${userId}` } });
    await tx.accessAudit.updateMany({ where: { actorId: userId }, data: { actorLabel: `#${userId}` } });
    const moderation = await tx.moderationAction.updateMany({ where: { userId }, data: { reason: null } });
    for (const field of ["recipientId", "userId"]) await cancelQueuedJobs(tx, field, [userId], now);
    await tx.user.update({
      where: { id: userId },
      data: {
        telegramId: BigInt(-userId),
        firstName: "",
        lastName: null,
        username: null,
        locale: null,
        districtId: null,
        staffDistrictId: null,
        consentedAt: null,
        locationConsentAt: null,
        noticesOptOutAt: null,
        mutedAt: null,
        bannedAt: null,
        blockNoticeAt: null,
        inactiveAt: now,
        inactiveReason: "deleted",
        updatedAt: now,
      },
    });

    // After the erasure, which cancels what was queued about these cases: the deputies are
    // told the case is withdrawn (concern_withdrawn, rendered from the "system" event).
    const notices = withdrawn.flatMap((w) =>
      w.handlerIds.map((recipientId) => ({
        kind: "concern_withdrawn" as const,
        recipientId,
        concernId: w.concernId,
        eventId: withdrawalEvents.get(w.concernId)!,
      })),
    );
    await enqueueMessages(tx, db.dialect, notices, now);
    await tx.privacyRequest.create({ data: { userId, kind: "delete", createdAt: now } });

    const kept = await tx.concern.findMany({
      where: { citizenId: userId },
      orderBy: { id: "asc" },
      include: { district: true, category: true },
    });
    const remains: DeletionRemains = {
      cases: kept.map((c) => ({
        caseNo: c.caseNo,
        district: c.district.code,
        category: c.category?.code ?? null,
        status: c.status,
        createdAt: iso(c.createdAt),
        closedAt: isoOrNull(c.closedAt),
        rating: c.rating,
      })),
      withdrawn: withdrawn.map((w) => w.caseNo),
      cosignatures: await tx.concernParty.count({ where: { userId } }),
      moderationRecords: moderation.count,
    };
    return { withdrawn, remains };
  });
}

/**
 * The retention pass: erases the contents of up to `batchSize` cases closed before the cutoff
 * of the closed_case_contents rule at `now` (3 years, src/domain/personal-data.ts) and not
 * erased yet, oldest first, in one transaction. Returns how many it erased; call again while
 * it returns `batchSize`. Uses the index Concern(erasedAt, closedAt).
 */
export function eraseExpiredCaseContents(
  db: Database,
  input: { now: Date; batchSize?: number },
): Promise<number> {
  const cutoff = retentionCutoff(closedCaseRule, input.now);
  return db.prisma.$transaction(async (tx) => {
    const due = await tx.concern.findMany({
      where: { erasedAt: null, closedAt: { lt: cutoff } },
      orderBy: { closedAt: "asc" },
      take: input.batchSize ?? 500,
      select: { id: true },
    });
    await eraseCaseContents(
      tx,
      due.map((c) => c.id),
      input.now,
    );
    return due.length;
  });
}

/** Records that a person exported their data or deleted their account (PIPL art. 45, 47). */
export function recordPrivacyRequest(
  prisma: Prisma,
  input: { userId: number; kind: "export" | "delete"; now: Date },
) {
  return prisma.privacyRequest.create({
    data: { userId: input.userId, kind: input.kind, createdAt: input.now },
  });
}
