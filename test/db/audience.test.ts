import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audienceWhere } from "../../src/db/queries/audience.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { canAddress } from "../../src/domain/audience.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";
import { addPerson } from "../helpers/people.js";
import { exampleSeedPath } from "../helpers/test-bot.js";

describe.each(testDialects)("audiences on %s", (dialect) => {
  let db: TestDatabase;
  const ids: Record<string, number> = {};
  let district: (code: string) => Promise<number>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
    district = async (code) => (await db.prisma.district.findUniqueOrThrow({ where: { code } })).id;
    const p = db.prisma;
    ids.dongmen = await addPerson(p, 1, { districtCode: "QS-CG-DM" });
    ids.xijie = await addPerson(p, 2, { districtCode: "QS-CG-XJ" });
    ids.shiqiao = await addPerson(p, 3, { districtCode: "QS-SQ-SQ" });
    ids.optedOut = await addPerson(p, 4, { districtCode: "QS-CG-DM", optedOut: true });
    ids.inactive = await addPerson(p, 5, { districtCode: "QS-CG-DM", inactive: true });
    ids.banned = await addPerson(p, 6, { districtCode: "QS-CG-DM", banned: true });
    ids.subVillage = await addPerson(p, 7, { districtCode: "QS-CG-DM", subscribeTo: ["QS-CG-DM"] });
    ids.subCounty = await addPerson(p, 8, { districtCode: "QS-SQ-LJ", subscribeTo: ["QS"] });
    ids.subOther = await addPerson(p, 9, { districtCode: "QS-SQ-LJ", subscribeTo: ["QS-SQ"] });
    ids.rep = await addPerson(p, 10, { role: "representative" });
    await p.representativeAssignment.create({
      data: { userId: ids.rep, districtId: await district("QS-CG-DM"), createdAt: new Date() },
    });
    ids.staff = await addPerson(p, 11, { role: "staff" });
    await p.user.update({ where: { id: ids.staff }, data: { staffDistrictId: await district("QS-CG") } });
  });
  afterAll(() => db.drop());

  async function members(audience: Parameters<typeof audienceWhere>[1], code: string | null) {
    const where = await audienceWhere(db.prisma, audience, code ? await district(code) : null);
    const users = await db.prisma.user.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return users.map((u) => names[u.id]);
  }

  it("takes a district's citizens from the whole subtree, leaving out opted-out, inactive and banned users", async () => {
    expect(await members("district_citizens", "QS-CG")).toEqual(["dongmen", "xijie", "subVillage"]);
    expect(await members("district_citizens", "QS-CG-XJ")).toEqual(["xijie"]);
  });

  it("reaches all citizens, without deputies and staff", async () => {
    expect(await members("all_citizens", null)).toEqual([
      "dongmen",
      "xijie",
      "shiqiao",
      "subVillage",
      "subCounty",
      "subOther",
    ]);
  });

  it("counts subscribers of districts inside the area and of areas containing it", async () => {
    expect(await members("district_subscribers", "QS-CG-DM")).toEqual(["subVillage", "subCounty"]);
    expect(await members("district_subscribers", "QS-SQ")).toEqual(["subCounty", "subOther"]);
    expect(await members("district_subscribers", "QS")).toEqual(["subVillage", "subCounty", "subOther"]);
  });

  it("finds deputies and staff by the districts they serve", async () => {
    expect(await members("representatives", "QS-CG")).toEqual(["rep"]);
    expect(await members("representatives", "QS-SQ")).toEqual([]);
    expect(await members("staff", "QS-CG")).toEqual(["staff"]);
    expect(await members("staff", "QS-SQ")).toEqual([]);
  });
});

describe("who may address whom", () => {
  const staffScope = { kind: "districts" as const, districtIds: new Set([2, 5, 6]) };
  it("keeps staff within their scope", () => {
    expect(canAddress({ role: "staff", scope: staffScope }, "district_citizens", 5)).toBe(true);
    expect(canAddress({ role: "staff", scope: staffScope }, "district_citizens", 9)).toBe(false);
    expect(canAddress({ role: "staff", scope: staffScope }, "all_citizens", null)).toBe(false);
    expect(canAddress({ role: "staff", scope: staffScope }, "representatives", null)).toBe(false);
  });
  it("lets admins address anyone and nobody else address anything", () => {
    expect(canAddress({ role: "admin", scope: { kind: "all" } }, "all_citizens", null)).toBe(true);
    expect(canAddress({ role: "representative", scope: staffScope }, "district_citizens", 5)).toBe(false);
    expect(canAddress({ role: "citizen", scope: { kind: "none" } }, "district_citizens", 5)).toBe(false);
  });
});
