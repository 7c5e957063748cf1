import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findDistrictByCode,
  listRepresentativesOfDistrict,
  listStaffCovering,
} from "../../src/db/queries/districts.js";
import {
  createInvite,
  inviteLink,
  redeemInvite,
  UnknownDistrictError,
  UnknownStationError,
} from "../../src/db/queries/invites.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

const now = new Date("2026-03-01T08:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("invite links", () => {
  it("puts the token into a /start payload with the inv_ prefix", () => {
    expect(inviteLink("qs_liaison_bot", "abc-DEF_123")).toBe(
      "https://t.me/qs_liaison_bot?start=inv_abc-DEF_123",
    );
  });
});

describe.each(testDialects)("invites on %s", (dialect) => {
  let db: TestDatabase;
  let telegramId = 1000n;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  const newUser = (role = "citizen") =>
    db.prisma.user.create({ data: { telegramId: telegramId++, role, createdAt: now, updatedAt: now } });
  const district = async (code: string) => (await findDistrictByCode(db.prisma, code))!;

  it("creates a 24-character base64url token valid for the given hours", async () => {
    const invite = await createInvite(db.prisma, { role: "staff", districtCode: "QS", ttlHours: 48, now });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(invite.expiresAt).toEqual(later(48));
    expect(invite.district?.code).toBe("QS");
  });

  it("rejects an unknown district code with UnknownDistrictError", async () => {
    await expect(
      createInvite(db.prisma, { role: "staff", districtCode: "NOPE", ttlHours: 1, now }),
    ).rejects.toThrow(expect.objectContaining({ name: "UnknownDistrictError", code: "NOPE" }));
    await expect(
      createInvite(db.prisma, { role: "staff", districtCode: "NOPE", ttlHours: 1, now }),
    ).rejects.toBeInstanceOf(UnknownDistrictError);
  });

  it("rejects an unknown station code with UnknownStationError", async () => {
    await expect(
      createInvite(db.prisma, {
        role: "representative",
        districtCode: "QS-CG",
        stationCode: "NOPE",
        ttlHours: 1,
        now,
      }),
    ).rejects.toBeInstanceOf(UnknownStationError);
  });

  it("makes a citizen a representative of the district, grouped into its station", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-CG",
      ttlHours: 72,
      now,
    });
    const result = await redeemInvite(db.prisma, { token, userId: user.id, now: later(1) });
    expect(result).toMatchObject({ ok: true, role: "representative", district: { code: "QS-CG" } });
    const assignment = await db.prisma.representativeAssignment.findFirstOrThrow({
      where: { userId: user.id },
      include: { district: true, station: true },
    });
    expect(assignment.district.code).toBe("QS-CG");
    expect(assignment.station?.code).toBe("QS-ST-CG");
    const updated = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.role).toBe("representative");
    expect(updated.updatedAt).toEqual(later(1));
  });

  it("assigns no station when the district has none", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now,
    });
    await redeemInvite(db.prisma, { token, userId: user.id, now });
    const assignment = await db.prisma.representativeAssignment.findFirstOrThrow({
      where: { userId: user.id },
    });
    expect(assignment.stationId).toBeNull();
  });

  it("lists the new representative among the district's representatives", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-SQ",
      ttlHours: 1,
      now,
    });
    await redeemInvite(db.prisma, { token, userId: user.id, now });
    expect(
      (await listRepresentativesOfDistrict(db.prisma, (await district("QS-SQ")).id)).map((u) => u.id),
    ).toEqual([user.id]);
    expect(await listRepresentativesOfDistrict(db.prisma, (await district("QS")).id)).toEqual([]);
  });

  it("leaves inactive representatives out of the district's representatives", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-SQ",
      ttlHours: 1,
      now,
    });
    await redeemInvite(db.prisma, { token, userId: user.id, now });
    await db.prisma.user.update({
      where: { id: user.id },
      data: { inactiveAt: now, inactiveReason: "blocked" },
    });
    expect(await listRepresentativesOfDistrict(db.prisma, (await district("QS-SQ")).id)).toEqual([]);
  });

  it("makes a citizen staff with the invite's district as scope", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, {
      role: "staff",
      districtCode: "QS-BS",
      ttlHours: 1,
      now,
    });
    const result = await redeemInvite(db.prisma, { token, userId: user.id, now });
    expect(result).toMatchObject({ ok: true, role: "staff" });
    const updated = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.role).toBe("staff");
    expect(updated.staffDistrictId).toBe((await district("QS-BS")).id);
  });

  it("finds staff covering a village through its township, but not from a sibling township", async () => {
    const [covering, elsewhere] = [await newUser(), await newUser()];
    for (const [user, code] of [
      [covering, "QS-BS"],
      [elsewhere, "QS-SQ"],
    ] as const) {
      const { token } = await createInvite(db.prisma, {
        role: "staff",
        districtCode: code,
        ttlHours: 1,
        now,
      });
      await redeemInvite(db.prisma, { token, userId: user.id, now });
    }
    const staff = await listStaffCovering(db.prisma, (await district("QS-BS-HT")).id);
    expect(staff.map((u) => u.id)).toEqual([covering.id]);
  });

  it("never demotes: an admin redeeming a representative invite stays admin", async () => {
    const admin = await newUser("admin");
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-YK",
      ttlHours: 1,
      now,
    });
    await redeemInvite(db.prisma, { token, userId: admin.id, now });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("refuses a second redemption as used", async () => {
    const [first, second] = [await newUser(), await newUser()];
    const { token } = await createInvite(db.prisma, { role: "staff", districtCode: "QS", ttlHours: 1, now });
    await redeemInvite(db.prisma, { token, userId: first.id, now });
    expect(await redeemInvite(db.prisma, { token, userId: second.id, now })).toEqual({
      ok: false,
      reason: "used",
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("citizen");
  });

  it("refuses an invite at its expiry time as expired", async () => {
    const user = await newUser();
    const { token } = await createInvite(db.prisma, { role: "staff", districtCode: "QS", ttlHours: 2, now });
    expect(await redeemInvite(db.prisma, { token, userId: user.id, now: later(2) })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await db.prisma.invite.findUniqueOrThrow({ where: { token } })).usedAt).toBeNull();
  });

  it("refuses an unknown token as not_found", async () => {
    const user = await newUser();
    expect(await redeemInvite(db.prisma, { token: "x".repeat(24), userId: user.id, now })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("lets exactly one of two concurrent redemptions of one token succeed", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const { token } = await createInvite(db.prisma, {
      role: "representative",
      districtCode: "QS-CG",
      ttlHours: 1,
      now,
    });
    const results = await Promise.all([
      redeemInvite(db.prisma, { token, userId: a.id, now }),
      redeemInvite(db.prisma, { token, userId: b.id, now }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    expect(await db.prisma.representativeAssignment.count()).toBe(1);
  });
});
