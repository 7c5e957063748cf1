import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ClaimCodeExpiredError,
  ClaimCodeInvalidError,
  ClaimCodeNotFoundError,
  ClaimCodeUsedError,
  claimIntakeCase,
  createIntakeCase,
  reissueClaimCode,
  WrongClaimantError,
} from "../../src/db/queries/case-intakes.js";
import { listConcernsOfCitizen } from "../../src/db/queries/concerns.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import {
  ContactWithoutConsentError,
  hashClaimCode,
  UnknownIntakeSourceError,
} from "../../src/domain/case-intake.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { addUser, districtId } from "../jobs/fixtures.js";

const now = new Date("2026-06-01T02:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe.each(testDialects)("walk-in, phone and letter cases on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  let key = 0;
  const enter = async (staffId: number, over: Partial<Parameters<typeof createIntakeCase>[1]> = {}) =>
    createIntakeCase(db, {
      enteredBy: { id: staffId, role: "staff" },
      source: "walk_in",
      districtId: await districtId(db.prisma, "QS-CG-DM"),
      categoryId: null,
      description: "王阿姨反映:东门社区3号楼楼道灯坏了",
      contact: { name: "王阿姨", phone: "13912345678", consented: true },
      sourceKey: `intake:${++key}`,
      now,
      timeZone: "Asia/Shanghai",
      dueDays: 15,
      ...over,
    });

  const people = async () => ({
    staff: await addUser(db.prisma, { telegramId: 10, staffOf: "QS-CG" }),
    deputy: await addUser(db.prisma, { telegramId: 11, represents: ["QS-CG-DM"] }),
    person: await addUser(db.prisma, { telegramId: 12, district: "QS-CG-DM" }),
    stranger: await addUser(db.prisma, { telegramId: 13, district: "QS-CG-DM" }),
  });

  it("creates the case with its number, a timeline by the staff member, the deputies' notice and the intake, storing only the code's hash", async () => {
    const { staff, deputy } = await people();
    const activity = await db.prisma.activity.create({
      data: {
        kind: "reception",
        title: "六月接待日",
        startsAt: now,
        place: "东门社区联络站",
        districtId: await districtId(db.prisma, "QS-CG-DM"),
        status: "published",
        createdAt: now,
        updatedAt: now,
      },
    });
    const { concern, intake, claimCode, created } = await enter(staff.id, {
      source: "reception_day",
      activityId: activity.id,
    });
    expect(created).toBe(true);
    expect(concern.caseNo).toBe("2026-00001");
    expect(concern).toMatchObject({ citizenId: staff.id, status: "new" });
    expect(intake).toMatchObject({
      source: "reception_day",
      activityId: activity.id,
      enteredById: staff.id,
      contactName: "王阿姨",
      contactPhone: "13912345678",
      contactConsentAt: now,
      claimExpiresAt: later(30),
      claimedAt: null,
    });
    expect(intake.claimCodeHash).toBe(hashClaimCode(claimCode!));
    const stored = JSON.stringify(await db.prisma.caseIntake.findMany(), (_, v) =>
      typeof v === "bigint" ? `${v}` : v,
    );
    expect(stored).not.toContain(claimCode!);
    const events = await db.prisma.concernEvent.findMany({ where: { concernId: concern.id } });
    expect(events.map((e) => [e.kind, e.actorId, e.actorRole, e.toStatus])).toEqual([
      ["created", staff.id, "staff", "new"],
    ]);
    const jobs = await db.prisma.job.findMany({ where: { task: "notify" } });
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([
      expect.objectContaining({ kind: "concern_new", recipientId: deputy.id, concernId: concern.id }),
    ]);
  });

  it("keeps no name or phone without consent, and refuses them given anyway", async () => {
    const { staff } = await people();
    const { intake } = await enter(staff.id, { source: "phone", contact: { consented: false } });
    expect(intake).toMatchObject({ contactName: null, contactPhone: null, contactConsentAt: null });
    await expect(enter(staff.id, { contact: { name: "李先生", consented: false } })).rejects.toBeInstanceOf(
      ContactWithoutConsentError,
    );
    await expect(enter(staff.id, { source: "email" })).rejects.toBeInstanceOf(UnknownIntakeSourceError);
    expect(await db.prisma.concern.count()).toBe(1);
  });

  it("on a repeated submission creates nothing and issues a new code in place of the old one", async () => {
    const { staff, person } = await people();
    const first = await enter(staff.id, { sourceKey: "intake:same" });
    const again = await enter(staff.id, { sourceKey: "intake:same" });
    expect(again.created).toBe(false);
    expect(again.concern.id).toBe(first.concern.id);
    expect(again.claimCode).not.toBe(first.claimCode);
    expect(await db.prisma.concern.count()).toBe(1);
    await expect(
      claimIntakeCase(db.prisma, { code: first.claimCode!, userId: person.id, now }),
    ).rejects.toBeInstanceOf(ClaimCodeNotFoundError);
    await claimIntakeCase(db.prisma, { code: again.claimCode!, userId: person.id, now });
    const third = await enter(staff.id, { sourceKey: "intake:same" });
    expect(third.claimCode).toBeNull();
  });

  it("attaches the case to the person who claims it: it is theirs from then on, on the timeline", async () => {
    const { staff, person } = await people();
    const { concern, claimCode } = await enter(staff.id);
    const typed = `${claimCode!.slice(0, 5).toLowerCase()} ${claimCode!.slice(5)}`;
    const claimed = await claimIntakeCase(db.prisma, { code: typed, userId: person.id, now: later(2) });
    expect(claimed.concern.citizenId).toBe(person.id);
    expect(claimed.intake).toMatchObject({ claimedById: person.id, claimedAt: later(2) });
    expect((await listConcernsOfCitizen(db.prisma, person.id, 0, 10)).items.map((c) => c.id)).toEqual([
      concern.id,
    ]);
    expect((await listConcernsOfCitizen(db.prisma, staff.id, 0, 10)).total).toBe(0);
    const last = await db.prisma.concernEvent.findFirstOrThrow({
      where: { concernId: concern.id },
      orderBy: { id: "desc" },
    });
    expect(last).toMatchObject({ kind: "claimed", actorId: person.id, actorRole: "citizen" });
  });

  it("refuses a code used twice, by the same person or another, naming who", async () => {
    const { staff, person, stranger } = await people();
    const { concern, claimCode } = await enter(staff.id);
    await claimIntakeCase(db.prisma, { code: claimCode!, userId: person.id, now });
    await expect(
      claimIntakeCase(db.prisma, { code: claimCode!, userId: person.id, now }),
    ).rejects.toMatchObject({
      name: "ClaimCodeUsedError",
      byYou: true,
      concernId: concern.id,
    });
    await expect(
      claimIntakeCase(db.prisma, { code: claimCode!, userId: stranger.id, now }),
    ).rejects.toMatchObject({
      name: "ClaimCodeUsedError",
      byYou: false,
    });
    expect((await db.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).citizenId).toBe(
      person.id,
    );
  });

  it("refuses the wrong person: the staff member who entered the case", async () => {
    const { staff } = await people();
    const { claimCode } = await enter(staff.id);
    await expect(
      claimIntakeCase(db.prisma, { code: claimCode!, userId: staff.id, now }),
    ).rejects.toBeInstanceOf(WrongClaimantError);
  });

  it("lets one of two concurrent claims win; the other is told the code is used", async () => {
    const { staff, person, stranger } = await people();
    const { concern, claimCode } = await enter(staff.id);
    const results = await Promise.allSettled([
      claimIntakeCase(db.prisma, { code: claimCode!, userId: person.id, now }),
      claimIntakeCase(db.prisma, { code: claimCode!, userId: stranger.id, now }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason)).toEqual([expect.any(ClaimCodeUsedError)]);
    const owner = (await db.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).citizenId;
    expect([person.id, stranger.id]).toContain(owner);
    expect(await db.prisma.concernEvent.count({ where: { concernId: concern.id, kind: "claimed" } })).toBe(1);
  });

  it("refuses an expired code, an unknown one and garbage; a reissued code works and the old one does not", async () => {
    const { staff, person } = await people();
    const { intake, claimCode } = await enter(staff.id, { claimTtlDays: 7 });
    await expect(
      claimIntakeCase(db.prisma, { code: claimCode!, userId: person.id, now: later(7) }),
    ).rejects.toBeInstanceOf(ClaimCodeExpiredError);
    await expect(
      claimIntakeCase(db.prisma, { code: "ZZZZZ-ZZZZZ", userId: person.id, now }),
    ).rejects.toBeInstanceOf(ClaimCodeNotFoundError);
    await expect(
      claimIntakeCase(db.prisma, { code: "hello", userId: person.id, now }),
    ).rejects.toBeInstanceOf(ClaimCodeInvalidError);
    const fresh = await reissueClaimCode(db.prisma, { intakeId: intake.id, now: later(8) });
    expect(fresh.expiresAt).toEqual(later(38));
    await expect(
      claimIntakeCase(db.prisma, { code: claimCode!, userId: person.id, now: later(8) }),
    ).rejects.toBeInstanceOf(ClaimCodeNotFoundError);
    await claimIntakeCase(db.prisma, { code: fresh.claimCode, userId: person.id, now: later(8) });
    await expect(reissueClaimCode(db.prisma, { intakeId: intake.id, now: later(9) })).rejects.toBeInstanceOf(
      ClaimCodeUsedError,
    );
  });
});
