import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreateConcernInput } from "../../src/db/queries/concerns.js";
import {
  applyModeration,
  ConcernNotHeldError,
  claimBlockNotice,
  createConcernUnderModeration,
  declineHeldConcern,
  listHeldConcerns,
  listModerationActions,
  ModerationAlreadyUndoneError,
  ModerationNotAllowedError,
  releaseHeldConcern,
  undoModeration,
} from "../../src/db/queries/moderation.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { inboundDecision } from "../../src/domain/moderation.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { addUser, districtId } from "../jobs/fixtures.js";

const now = new Date("2026-06-01T02:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe.each(testDialects)("moderation on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  const people = async () => ({
    citizen: await addUser(db.prisma, { telegramId: 1, district: "QS-CG-DM" }),
    staff: await addUser(db.prisma, { telegramId: 2, staffOf: "QS-CG" }),
    deputy: await addUser(db.prisma, { telegramId: 3, represents: ["QS-CG-DM"] }),
  });
  const draft = async (citizenId: number, text: string, at: Date): Promise<CreateConcernInput> => ({
    citizenId,
    districtId: await districtId(db.prisma, "QS-CG-DM"),
    categoryId: null,
    description: text,
    anonymous: false,
    attachments: [],
    sourceKey: `draft:${randomUUID()}`,
    now: at,
    timeZone: "Asia/Shanghai",
    dueDays: 15,
  });
  const notifyJobs = async () =>
    (await db.prisma.job.findMany({ where: { task: "notify" }, orderBy: { id: "asc" } })).map((j) =>
      JSON.parse(j.payload),
    );
  const user = (id: number) => db.prisma.user.findUniqueOrThrow({ where: { id } });

  it("mutes and blocks a citizen once, records who and why, and undoes each", async () => {
    const { citizen, staff } = await people();
    const mute = await applyModeration(db.prisma, {
      userId: citizen.id,
      kind: "mute",
      actorId: staff.id,
      reason: "辱骂",
      now,
    });
    const again = await applyModeration(db.prisma, {
      userId: citizen.id,
      kind: "mute",
      actorId: staff.id,
      now: later(1),
    });
    expect([mute.applied, again.applied, again.action.id]).toEqual([true, false, mute.action.id]);
    expect((await user(citizen.id)).mutedAt).toEqual(now);
    const block = await applyModeration(db.prisma, {
      userId: citizen.id,
      kind: "block",
      actorId: staff.id,
      now: later(2),
    });
    expect((await user(citizen.id)).bannedAt).toEqual(later(2));

    await undoModeration(db.prisma, { actionId: mute.action.id, actorId: staff.id, now: later(3) });
    await undoModeration(db.prisma, { actionId: block.action.id, actorId: staff.id, now: later(4) });
    expect(await user(citizen.id)).toMatchObject({ mutedAt: null, bannedAt: null, blockNoticeAt: null });
    await expect(
      undoModeration(db.prisma, { actionId: mute.action.id, actorId: staff.id, now }),
    ).rejects.toBeInstanceOf(ModerationAlreadyUndoneError);
    const audit = await listModerationActions(db.prisma, citizen.id);
    expect(audit.map((a) => [a.kind, a.actorId, a.reason, a.createdAt, a.undoneById, a.undoneAt])).toEqual([
      ["block", staff.id, null, later(2), staff.id, later(4)],
      ["mute", staff.id, "辱骂", now, staff.id, later(3)],
    ]);
  });

  it("moderates only citizens", async () => {
    const { staff, deputy } = await people();
    await expect(
      applyModeration(db.prisma, { userId: deputy.id, kind: "block", actorId: staff.id, now }),
    ).rejects.toBeInstanceOf(ModerationNotAllowedError);
  });

  it("tells a blocked user once per block", async () => {
    const { citizen, staff } = await people();
    expect(await claimBlockNotice(db.prisma, citizen.id, now)).toBe(false);
    const first = await applyModeration(db.prisma, {
      userId: citizen.id,
      kind: "block",
      actorId: staff.id,
      now,
    });
    expect(inboundDecision(await user(citizen.id))).toBe("tell_blocked");
    const told = await Promise.all([
      claimBlockNotice(db.prisma, citizen.id, later(1)),
      claimBlockNotice(db.prisma, citizen.id, later(1)),
    ]);
    expect(told.filter(Boolean)).toHaveLength(1);
    expect(inboundDecision(await user(citizen.id))).toBe("ignore");
    await undoModeration(db.prisma, { actionId: first.action.id, actorId: staff.id, now: later(2) });
    await applyModeration(db.prisma, { userId: citizen.id, kind: "block", actorId: staff.id, now: later(3) });
    expect(await claimBlockNotice(db.prisma, citizen.id, later(4))).toBe(true);
  });

  it("holds a muted user's concern without telling the deputies, and releases it to them", async () => {
    const { citizen, staff, deputy } = await people();
    await applyModeration(db.prisma, { userId: citizen.id, kind: "mute", actorId: staff.id, now });
    const input = await draft(citizen.id, "幸福小区路灯坏了", later(1));
    const filed = await createConcernUnderModeration(db, input);
    expect(filed).toMatchObject({ created: true, hold: { reason: "muted" }, concern: { status: "held" } });
    expect(await createConcernUnderModeration(db, input)).toMatchObject({
      created: false,
      hold: { reason: "muted" },
    });
    expect(await db.prisma.concern.count()).toBe(1);
    expect(await notifyJobs()).toEqual([]);
    const queue = await listHeldConcerns(db.prisma, {
      districtIds: [filed.concern.districtId],
      page: 0,
      pageSize: 10,
    });
    expect(queue.total).toBe(1);
    expect(queue.items.map((h) => [h.concern.id, h.reason])).toEqual([[filed.concern.id, "muted"]]);

    const released = await releaseHeldConcern(db, {
      concernId: filed.concern.id,
      actorId: staff.id,
      actorRole: "staff",
      now: later(5),
    });
    expect(released.status).toBe("new");
    expect(await notifyJobs()).toEqual([
      expect.objectContaining({ kind: "concern_new", recipientId: deputy.id }),
    ]);
    const timeline = await db.prisma.concernEvent.findMany({
      where: { concernId: filed.concern.id },
      orderBy: { id: "asc" },
    });
    expect(timeline.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["created", null, "held", citizen.id],
      ["status", "held", "new", staff.id],
    ]);
    expect(
      await db.prisma.concernHold.findUniqueOrThrow({ where: { concernId: filed.concern.id } }),
    ).toMatchObject({
      decision: "released",
      decidedById: staff.id,
      decidedAt: later(5),
    });
    expect((await listHeldConcerns(db.prisma, { districtIds: null, page: 0, pageSize: 10 })).total).toBe(0);
    await expect(
      releaseHeldConcern(db, {
        concernId: filed.concern.id,
        actorId: staff.id,
        actorRole: "staff",
        now: later(6),
      }),
    ).rejects.toBeInstanceOf(ConcernNotHeldError);
  });

  it("holds the fourth concern within an hour and a near-identical repeat; others go through", async () => {
    const { citizen, deputy } = await people();
    const texts = ["桃园村停水三天了", "幸福小区路灯坏了", "实验小学门口拥堵"];
    for (const [i, text] of texts.entries()) {
      const r = await createConcernUnderModeration(db, await draft(citizen.id, text, later(i * 5)));
      expect(r.hold).toBeNull();
    }
    const fourth = await createConcernUnderModeration(
      db,
      await draft(citizen.id, "人民路井盖缺了一块", later(20)),
    );
    expect(fourth.hold).toEqual({ reason: "flood_rate" });
    const nextHour = await createConcernUnderModeration(
      db,
      await draft(citizen.id, "实验小学门口拥堵!", later(71)),
    );
    expect(nextHour.hold).toBeNull();
    const repeat = await createConcernUnderModeration(
      db,
      await draft(citizen.id, "实验小学门口拥堵", later(75)),
    );
    expect(repeat.hold).toEqual({ reason: "flood_repeat", similarToId: nextHour.concern.id });
    const jobs = await notifyJobs();
    expect(jobs.filter((j) => j.kind === "concern_new" && j.recipientId === deputy.id)).toHaveLength(4);
  });

  it("declines a held case with a reason: closed, the citizen told; one decision wins", async () => {
    const { citizen, staff } = await people();
    await applyModeration(db.prisma, { userId: citizen.id, kind: "mute", actorId: staff.id, now });
    const { concern } = await createConcernUnderModeration(
      db,
      await draft(citizen.id, "广告 广告", later(1)),
    );
    const results = await Promise.allSettled([
      declineHeldConcern(db, {
        concernId: concern.id,
        actorId: staff.id,
        actorRole: "staff",
        reason: "广告",
        now: later(2),
      }),
      releaseHeldConcern(db, { concernId: concern.id, actorId: staff.id, actorRole: "staff", now: later(2) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual([expect.any(ConcernNotHeldError)]);
    const after = await db.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } });
    if (after.status === "declined") {
      expect(after).toMatchObject({ outcome: "广告", closedAt: later(2) });
      expect(await notifyJobs()).toEqual([
        expect.objectContaining({ kind: "concern_outcome", recipientId: citizen.id }),
      ]);
    } else {
      expect(after.status).toBe("new");
    }
  });
});
