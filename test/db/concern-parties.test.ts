import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addCosigner,
  CaseClosedError,
  ConcernNotFoundError,
  countCosigners,
  listActiveCosignerIds,
  listConcernParties,
  OwnConcernError,
  removeCosigner,
} from "../../src/db/queries/concern-parties.js";
import { changeConcernStatus } from "../../src/db/queries/concerns.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { addUser } from "../jobs/fixtures.js";

const now = new Date("2026-06-01T02:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe.each(testDialects)("co-signers on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile("prisma/seeds/example-county.json"), now);
  });
  afterEach(async () => {
    await db.drop();
  });

  const setUp = async () => {
    const filer = await addUser(db.prisma, { telegramId: 1, district: "QS-CG-DM" });
    const other = await addUser(db.prisma, { telegramId: 2, district: "QS-CG-DM" });
    const third = await addUser(db.prisma, { telegramId: 3, district: "QS-CG-DM" });
    const deputy = await addUser(db.prisma, { telegramId: 4, represents: ["QS-CG-DM"] });
    const concern = await fileConcern(db, {
      citizenId: filer.id,
      district: "QS-CG-DM",
      text: "路灯坏了",
      now,
    });
    return { filer, other, third, deputy, concern };
  };

  it("adds a co-signer once however often they tap, concurrently or not", async () => {
    const { filer, other, concern } = await setUp();
    const results = await Promise.allSettled([
      addCosigner(db.prisma, { concernId: concern.id, userId: other.id, now: later(1) }),
      addCosigner(db.prisma, { concernId: concern.id, userId: other.id, now: later(1) }),
    ]);
    const again = await addCosigner(db.prisma, { concernId: concern.id, userId: other.id, now: later(2) });
    expect(again.added).toBe(false);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.added)).toHaveLength(1);
    expect(await db.prisma.concernParty.count()).toBe(1);
    expect(await listConcernParties(db.prisma, concern.id)).toEqual([
      { userId: filer.id, role: "filer", since: now, active: true },
      { userId: other.id, role: "cosigner", since: later(1), active: true },
    ]);
  });

  it("lists co-signers in the order they joined and counts those who left", async () => {
    const { other, third, concern } = await setUp();
    await addCosigner(db.prisma, { concernId: concern.id, userId: third.id, now: later(1) });
    await addCosigner(db.prisma, { concernId: concern.id, userId: other.id, now: later(2) });
    expect(await listActiveCosignerIds(db.prisma, concern.id)).toEqual([third.id, other.id]);
    expect(await removeCosigner(db.prisma, { concernId: concern.id, userId: third.id, now: later(3) })).toBe(
      true,
    );
    expect(await removeCosigner(db.prisma, { concernId: concern.id, userId: third.id, now: later(4) })).toBe(
      false,
    );
    expect(await listActiveCosignerIds(db.prisma, concern.id)).toEqual([other.id]);
    expect(await countCosigners(db.prisma, [concern.id])).toEqual(new Map([[concern.id, 2]]));
    const rejoined = await addCosigner(db.prisma, { concernId: concern.id, userId: third.id, now: later(5) });
    expect(rejoined.added).toBe(true);
    expect(await listActiveCosignerIds(db.prisma, concern.id)).toEqual([third.id, other.id]);
  });

  it("refuses the filer, a closed case and an unknown one with named errors", async () => {
    const { filer, other, deputy, concern } = await setUp();
    await expect(
      addCosigner(db.prisma, { concernId: concern.id, userId: filer.id, now }),
    ).rejects.toBeInstanceOf(OwnConcernError);
    await expect(
      addCosigner(db.prisma, { concernId: 999_999, userId: other.id, now }),
    ).rejects.toBeInstanceOf(ConcernNotFoundError);
    await changeConcernStatus(db, {
      concernId: concern.id,
      action: "resolve",
      actorId: deputy.id,
      actorRole: "representative",
      text: "已修复",
      now: later(1),
    });
    await expect(
      addCosigner(db.prisma, { concernId: concern.id, userId: other.id, now }),
    ).rejects.toBeInstanceOf(CaseClosedError);
    expect(await db.prisma.concernParty.count()).toBe(0);
  });
});
