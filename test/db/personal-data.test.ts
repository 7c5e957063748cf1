// My data (PIPL) against a real database: the export holds everything, and after deleting an
// account no table — enumerated from the database's own catalogue, not from a list here —
// holds the person's name, username, Telegram id, phone, files or any text they wrote.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimIntakeCase, createIntakeCase } from "../../src/db/queries/case-intakes.js";
import { addCosigner } from "../../src/db/queries/concern-parties.js";
import {
  addConcernMessage,
  changeConcernStatus,
  createConcern,
  rateConcern,
} from "../../src/db/queries/concerns.js";
import {
  applyModeration,
  createConcernUnderModeration,
  undoModeration,
} from "../../src/db/queries/moderation.js";
import {
  AccountDeletionNotAllowedError,
  AccountNotFoundError,
  deleteAccount,
  eraseExpiredCaseContents,
  exportPersonalData,
} from "../../src/db/queries/personal-data.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { upsertUserFromTelegram } from "../../src/db/queries/users.js";
import { writeSession } from "../../src/db/session-storage.js";
import { personalDataMap } from "../../src/domain/personal-data.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { search, tables, textColumns } from "../helpers/table-search.js";
import { addUser, districtId } from "../jobs/fixtures.js";

const now = new Date("2026-06-01T02:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

/** The person whose account is deleted: everything by which they could be found. */
const person = {
  telegramId: 987_654_321,
  firstName: "三丰",
  lastName: "张",
  username: "zsf_secret",
  phone: "13912345678",
  contactName: "张三丰",
  fileId: "AgADfile-secret",
  fileName: "我家楼道照片.jpg",
  latitude: 30.123456,
  /** Every text they wrote, and every reply on their cases, names 紫藤巷. */
  place: "紫藤巷",
};
const needles = [
  person.firstName,
  person.contactName,
  person.username,
  String(person.telegramId),
  person.phone,
  person.fileId,
  person.fileName,
  String(person.latitude),
  person.place,
];

describe.each(testDialects)("my data on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  /** The person, with data in every table that can hold some of it; and a neighbour. */
  async function populate() {
    const dm = await districtId(db.prisma, "QS-CG-DM");
    const deputy = await addUser(db.prisma, { telegramId: 11, represents: ["QS-CG-DM"] });
    const staff = await addUser(db.prisma, { telegramId: 12, staffOf: "QS-CG" });
    const neighbour = await addUser(db.prisma, { telegramId: 13, district: "QS-CG-DM" });
    const me = await upsertUserFromTelegram(
      db.prisma,
      {
        telegramId: BigInt(person.telegramId),
        firstName: person.firstName,
        lastName: person.lastName,
        username: person.username,
        locale: "zh-CN",
      },
      now,
    );
    await db.prisma.user.update({
      where: { id: me.id },
      data: { districtId: dm, consentedAt: now, locationConsentAt: now },
    });
    const base = {
      districtId: dm,
      categoryId: null,
      anonymous: false,
      timeZone: "Asia/Shanghai",
      dueDays: 15,
    };

    const { concern: open } = await createConcern(db, {
      ...base,
      citizenId: me.id,
      description: `${person.place}7号院门前的下水道堵塞,我是${person.contactName}`,
      attachments: [
        { kind: "photo", fileId: person.fileId, fileUniqueId: "uniq-secret", fileName: person.fileName },
      ],
      location: { latitude: person.latitude, longitude: 120.654321 },
      sourceKey: `draft:${person.telegramId}-1`,
      now,
    });
    await addConcernMessage(db, {
      concernId: open.id,
      actorId: me.id,
      actorRole: "citizen",
      text: `补充:${person.place}积水一尺深,电话${person.phone}`,
      sourceKey: `msg:${person.telegramId}:55`,
      now: at(1),
    });
    await addConcernMessage(db, {
      concernId: open.id,
      actorId: deputy.id,
      actorRole: "representative",
      text: `${person.contactName}您好,明天去${person.place}看看`,
      sourceKey: `msg:11:56`,
      now: at(2),
    });

    const { concern: closed } = await createConcern(db, {
      ...base,
      citizenId: me.id,
      description: `${person.place}路灯不亮`,
      attachments: [],
      sourceKey: "draft:closed",
      now: at(3),
    });
    await changeConcernStatus(db, {
      concernId: closed.id,
      action: "resolve",
      actorId: deputy.id,
      actorRole: "representative",
      text: `已联系${person.contactName},${person.place}路灯已修复`,
      now: at(4),
    });
    await rateConcern(db, { concernId: closed.id, citizenId: me.id, rating: "satisfied", now: at(5) });

    const intake = await createIntakeCase(db, {
      enteredBy: { id: staff.id, role: "staff" },
      source: "phone",
      districtId: dm,
      categoryId: null,
      description: `来电:${person.place}垃圾无人清运`,
      contact: { name: person.contactName, phone: person.phone, consented: true },
      sourceKey: "intake:1",
      now: at(6),
      timeZone: "Asia/Shanghai",
      dueDays: 15,
    });
    await claimIntakeCase(db.prisma, { code: intake.claimCode!, userId: me.id, now: at(7) });

    const { concern: theirs } = await createConcern(db, {
      ...base,
      citizenId: neighbour.id,
      description: "梧桐路路灯不亮",
      attachments: [],
      sourceKey: "draft:neighbour",
      now: at(8),
    });
    await addCosigner(db.prisma, { concernId: theirs.id, userId: me.id, now: at(9) });

    const mute = await applyModeration(db.prisma, {
      userId: me.id,
      kind: "mute",
      actorId: staff.id,
      reason: `${person.contactName}多次重复投诉`,
      now: at(10),
    });
    const { concern: held } = await createConcernUnderModeration(db, {
      ...base,
      citizenId: me.id,
      description: `${person.place}又堵了`,
      attachments: [],
      sourceKey: "draft:held",
      now: at(11),
    });
    await undoModeration(db.prisma, { actionId: mute.action.id, actorId: staff.id, now: at(12) });

    await db.prisma.noticeSubscription.create({
      data: { userId: me.id, districtId: dm, active: true, createdAt: now, updatedAt: now },
    });
    const activity = await db.prisma.activity.create({
      data: {
        kind: "reception",
        title: "六月接待日",
        startsAt: at(60 * 24),
        place: "东门社区联络站",
        districtId: dm,
        status: "published",
        createdAt: now,
        updatedAt: now,
      },
    });
    await db.prisma.activityRsvp.create({
      data: { activityId: activity.id, userId: me.id, answer: "going", createdAt: now, updatedAt: now },
    });
    const broadcast = await db.prisma.broadcast.create({
      data: {
        createdById: staff.id,
        audience: "all_citizens",
        text: "通知",
        status: "done",
        createdAt: now,
        updatedAt: now,
      },
    });
    await db.prisma.broadcastRecipient.create({
      data: { broadcastId: broadcast.id, userId: me.id, status: "sent", updatedAt: now },
    });
    await db.prisma.invite.create({
      data: {
        token: "tok-used",
        role: "staff",
        districtId: dm,
        expiresAt: at(60),
        usedAt: now,
        usedById: me.id,
        createdAt: now,
      },
    });
    const draft = {
      flow: {
        kind: "concern",
        step: "describe",
        draftId: "d1",
        description: `草稿:${person.place}`,
        attachments: [],
        categoryId: null,
        anonymous: false,
      },
    };
    await writeSession(db.prisma, String(person.telegramId), JSON.stringify(draft), now);
    return { me, deputy, staff, neighbour, open, closed, held, theirs, intake };
  }

  it("exports everything held about the person", async () => {
    const { me, open, closed, held, theirs, intake } = await populate();
    const data = await exportPersonalData(db.prisma, me.id, at(20));
    const json = JSON.parse(JSON.stringify(data));
    expect(json).toEqual(data);
    expect(data.profile).toMatchObject({
      telegramId: String(person.telegramId),
      firstName: person.firstName,
      lastName: person.lastName,
      username: person.username,
      district: { code: "QS-CG-DM" },
    });
    expect(data.consents).toEqual({
      privacyNoticeAcceptedAt: now.toISOString(),
      locationConsentAt: now.toISOString(),
      noticesOptOutAt: null,
    });
    expect(data.cases.map((c) => [c.caseNo, c.status])).toEqual([
      [open.caseNo, "accepted"],
      [closed.caseNo, "resolved"],
      [intake.concern.caseNo, "new"],
      [held.caseNo, "held"],
    ]);
    const [first, second, third] = data.cases;
    expect(first!.location).toEqual({ latitude: person.latitude, longitude: 120.654321 });
    expect(first!.attachments).toEqual([
      expect.objectContaining({ kind: "photo", fileName: person.fileName }),
      expect.objectContaining({ kind: "location" }),
    ]);
    expect(first!.messages.map((m) => [m.kind, m.from])).toEqual([
      ["created", "you"],
      ["message", "you"],
      ["message", "representative"],
    ]);
    expect(second).toMatchObject({ rating: "satisfied", outcome: expect.stringContaining("路灯已修复") });
    expect(third!.intake).toEqual({
      source: "phone",
      contactName: person.contactName,
      contactPhone: person.phone,
    });
    expect(data.cosigned).toEqual([{ caseNo: theirs.caseNo, since: at(9).toISOString(), leftAt: null }]);
    expect(data.subscriptions).toEqual([{ district: "QS-CG-DM", active: true, since: now.toISOString() }]);
    expect(data.rsvps).toEqual([expect.objectContaining({ activity: "六月接待日", answer: "going" })]);
    expect(data.invitesUsed).toEqual([{ role: "staff", district: "QS-CG-DM", usedAt: now.toISOString() }]);
    expect(data.moderation.actions).toEqual([
      { kind: "mute", at: at(10).toISOString(), undoneAt: at(12).toISOString() },
    ]);
    expect(data.session).toMatchObject({ flow: { description: `草稿:${person.place}` } });
    expect(data.broadcastsReceived).toBe(1);
  });

  it("knows every table and text column the database has (a new one must be decided on)", async () => {
    const known = Object.keys(personalDataMap).sort();
    const actual = (await tables(db, dialect)).filter((t) => t !== "_prisma_migrations");
    expect(actual.sort()).toEqual(known);
    const unclassified: string[] = [];
    for (const table of actual) {
      const { erased, kept } = personalDataMap[table]!;
      for (const column of await textColumns(db, dialect, table))
        if (!erased.includes(column) && !kept.includes(column)) unclassified.push(`${table}.${column}`);
    }
    expect(unclassified).toEqual([]);
  });

  it("after deleting the account, no table holds the person's name, ids, phone, files or texts", async () => {
    const { me, deputy, open, closed, held, intake, theirs } = await populate();
    // The search finds what is there: before the deletion, every needle is somewhere.
    const before = new Set((await search(db, dialect, needles)).map((h) => h.needle));
    expect([...before].sort()).toEqual([...needles].sort());

    const { withdrawn, remains } = await deleteAccount(db, { userId: me.id, now: at(30) });

    expect(await search(db, dialect, needles)).toEqual([]);
    // What is not theirs stays: the neighbour's case, the deputy, the activity.
    const others = await search(db, dialect, ["梧桐路路灯不亮", deputy.firstName, "六月接待日"]);
    expect([...new Set(others.map((h) => h.needle))].sort()).toEqual(
      ["六月接待日", "梧桐路路灯不亮", deputy.firstName].sort(),
    );

    expect(withdrawn).toEqual([
      { concernId: open.id, caseNo: open.caseNo, handlerIds: [deputy.id] },
      { concernId: intake.concern.id, caseNo: intake.concern.caseNo, handlerIds: [deputy.id] },
      { concernId: held.id, caseNo: held.caseNo, handlerIds: [] },
    ]);
    expect(remains).toEqual({
      cases: [open, closed, intake.concern, held].map((c) => ({
        caseNo: c.caseNo,
        district: "QS-CG-DM",
        category: null,
        status: c.id === closed.id ? "resolved" : "withdrawn",
        createdAt: c.createdAt.toISOString(),
        closedAt: (c.id === closed.id ? at(4) : at(30)).toISOString(),
        rating: c.id === closed.id ? "satisfied" : null,
      })),
      withdrawn: [open.caseNo, intake.concern.caseNo, held.caseNo],
      cosignatures: 1,
      moderationRecords: 1,
    });
    // The statistics are whole: four cases, one rated, one co-signature still counted.
    expect(await db.prisma.concern.count({ where: { citizenId: me.id, erasedAt: at(30) } })).toBe(4);
    expect(await db.prisma.concernParty.count({ where: { concernId: theirs.id } })).toBe(1);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row).toMatchObject({
      telegramId: BigInt(-me.id),
      firstName: "",
      deletedAt: at(30),
      consentedAt: null,
    });
    expect(
      await db.prisma.job.count({
        where: { status: "queued", payload: { contains: `"recipientId":${me.id},` } },
      }),
    ).toBe(0);
    const timeline = await db.prisma.concernEvent.findMany({
      where: { concernId: open.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(timeline[0]).toMatchObject({
      kind: "status",
      actorRole: "system",
      fromStatus: "accepted",
      toStatus: "withdrawn",
    });

    // Writing to the bot again is a fresh start.
    const again = await upsertUserFromTelegram(
      db.prisma,
      { telegramId: BigInt(person.telegramId), firstName: person.firstName, locale: "zh-CN" },
      at(40),
    );
    expect(again.id).not.toBe(me.id);
    await expect(deleteAccount(db, { userId: me.id, now: at(41) })).rejects.toBeInstanceOf(
      AccountNotFoundError,
    );
    await expect(exportPersonalData(db.prisma, me.id, at(41))).rejects.toBeInstanceOf(AccountNotFoundError);
  });

  it("refuses to delete a deputy's or staff member's account", async () => {
    const { deputy, staff } = await populate();
    for (const user of [deputy, staff])
      await expect(deleteAccount(db, { userId: user.id, now })).rejects.toBeInstanceOf(
        AccountDeletionNotAllowedError,
      );
  });

  it("erases a closed case's contents three years after it closed, and nothing younger", async () => {
    const { closed, open, deputy } = await populate();
    const threeYearsOn = new Date("2029-06-01T02:04:00Z"); // closed at 02:04 on 2026-06-01
    expect(await eraseExpiredCaseContents(db, { now: threeYearsOn })).toBe(0);
    const justAfter = new Date("2029-06-01T02:05:00Z");
    expect(await eraseExpiredCaseContents(db, { now: justAfter })).toBe(1);
    const erased = await db.prisma.concern.findUniqueOrThrow({ where: { id: closed.id } });
    expect(erased).toMatchObject({
      description: "",
      outcome: null,
      rating: "satisfied",
      status: "resolved",
      erasedAt: justAfter,
    });
    expect(await db.prisma.concernEvent.count({ where: { concernId: closed.id, text: { not: null } } })).toBe(
      0,
    );
    expect((await db.prisma.concern.findUniqueOrThrow({ where: { id: open.id } })).description).toContain(
      person.place,
    );
    expect(await eraseExpiredCaseContents(db, { now: justAfter })).toBe(0);
    expect(deputy.id).toBeGreaterThan(0);
  });
});
