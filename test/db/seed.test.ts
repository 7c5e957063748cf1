import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  districtAncestors,
  findDistrictByCode,
  isDistrictWithin,
  listChildDistricts,
  listDistrictSubtreeIds,
} from "../../src/db/queries/districts.js";
import { readSeedFile, SeedFileError, seedDirectory } from "../../src/db/queries/seed.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

const exampleFile = "prisma/seeds/example-county.json";
const now = new Date("2026-03-01T08:00:00Z");

function writeTemp(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "seed-")), "seed.json");
  writeFileSync(path, typeof json === "string" ? json : JSON.stringify(json));
  return path;
}

describe.each(testDialects)("seeding the directory on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await db.drop();
  });

  const byCode = async (code: string) => {
    const district = await findDistrictByCode(db.prisma, code);
    if (!district) throw new Error(`district ${code} missing`);
    return district;
  };

  it("returns the number of entries of each kind in the example file", async () => {
    const counts = await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    expect(counts).toEqual({ districts: 15, stations: 4, departments: 10, categories: 9 });
  });

  it("links every district to its parent and gives it the path of ids from the root", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const county = await byCode("QS");
    const town = await byCode("QS-BS");
    const village = await byCode("QS-BS-HT");
    expect(county).toMatchObject({ parentId: null, path: `/${county.id}/`, level: "county" });
    expect(town).toMatchObject({ parentId: county.id, path: `/${county.id}/${town.id}/`, level: "township" });
    expect(village).toMatchObject({
      parentId: town.id,
      path: `/${county.id}/${town.id}/${village.id}/`,
      nameZh: "河头村",
      nameEn: "Hetou Village",
    });
  });

  it("attaches stations to their districts and stamps rows with the given time", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const station = await db.prisma.liaisonStation.findUniqueOrThrow({
      where: { code: "QS-ST-CG" },
      include: { district: true },
    });
    expect(station.district.code).toBe("QS-CG");
    expect(station.receptionZh).toBe("每月15日 9:00–11:00");
    expect(station.createdAt).toEqual(now);
  });

  it("changes nothing and duplicates nothing when the same file is seeded twice", async () => {
    const data = readSeedFile(exampleFile);
    await seedDirectory(db.prisma, data, now);
    const snapshot = async () => ({
      districts: await db.prisma.district.findMany({ orderBy: { id: "asc" } }),
      stations: await db.prisma.liaisonStation.findMany({ orderBy: { id: "asc" } }),
      departments: await db.prisma.department.findMany({ orderBy: { id: "asc" } }),
      categories: await db.prisma.category.findMany({ orderBy: { id: "asc" } }),
    });
    const first = await snapshot();
    await seedDirectory(db.prisma, data, new Date(now.getTime() + 86_400_000));
    expect(await snapshot()).toEqual(first);
  });

  it("updates names in place when an edited file is seeded again", async () => {
    const data = readSeedFile(exampleFile);
    await seedDirectory(db.prisma, data, now);
    const before = await byCode("QS");
    data.districts[0]!.nameEn = "Qingshan County (renamed)";
    await seedDirectory(db.prisma, data, now);
    expect(await byCode("QS")).toEqual({ ...before, nameEn: "Qingshan County (renamed)" });
  });

  it("moves a district's whole subtree when the district changes parent", async () => {
    const data = readSeedFile(exampleFile);
    await seedDirectory(db.prisma, data, now);
    const county = data.districts[0]!;
    const moved = county.children!.find((d) => d.code === "QS-YK")!;
    county.children = county.children!.filter((d) => d !== moved);
    county.children
      .find((d) => d.code === "QS-BS")!
      .children!.push({ ...moved, level: "village", children: [] });
    // The villages of the moved district are no longer in the file; they must follow anyway.
    await seedDirectory(db.prisma, data, now);
    const yk = await byCode("QS-YK");
    const child = await byCode("QS-YK-ST");
    expect(yk.path).toBe(`${(await byCode("QS-BS")).path}${yk.id}/`);
    expect(child.path).toBe(`${yk.path}${child.id}/`);
  });

  it("lists a district's subtree ids: itself and everything below it", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const town = await byCode("QS-SQ");
    const villages = await Promise.all(["QS-SQ-SQ", "QS-SQ-LJ"].map(byCode));
    const ids = await listDistrictSubtreeIds(db.prisma, town.id);
    expect(ids.sort((a, b) => a - b)).toEqual([town.id, ...villages.map((v) => v.id)].sort((a, b) => a - b));
  });

  it("lists the whole tree as the subtree of the root", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    expect(await listDistrictSubtreeIds(db.prisma, (await byCode("QS")).id)).toHaveLength(15);
  });

  it("lists children ordered by code, and the roots for a null parent", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const county = await byCode("QS");
    expect((await listChildDistricts(db.prisma, county.id)).map((d) => d.code)).toEqual([
      "QS-BS",
      "QS-CG",
      "QS-SQ",
      "QS-YK",
    ]);
    expect((await listChildDistricts(db.prisma, null)).map((d) => d.code)).toEqual(["QS"]);
  });

  it("treats a district as within itself and its ancestors, not within a sibling", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const [county, town, village, sibling] = await Promise.all(
      ["QS", "QS-CG", "QS-CG-DM", "QS-SQ"].map(byCode),
    );
    expect(await isDistrictWithin(db.prisma, village!.id, village!.id)).toBe(true);
    expect(await isDistrictWithin(db.prisma, village!.id, town!.id)).toBe(true);
    expect(await isDistrictWithin(db.prisma, village!.id, county!.id)).toBe(true);
    expect(await isDistrictWithin(db.prisma, village!.id, sibling!.id)).toBe(false);
    expect(await isDistrictWithin(db.prisma, town!.id, village!.id)).toBe(false);
  });

  it("lists a district's ancestors root first, without the district itself", async () => {
    await seedDirectory(db.prisma, readSeedFile(exampleFile), now);
    const village = await byCode("QS-CG-DM");
    expect((await districtAncestors(db.prisma, village.id)).map((d) => d.code)).toEqual(["QS", "QS-CG"]);
  });

  it("keeps a category's referral deadlines, and clears them when a later file omits them", async () => {
    const category = { code: "roads", nameZh: "道路", nameEn: "Roads" };
    await seedDirectory(
      db.prisma,
      readSeedFile(
        writeTemp({ categories: [{ ...category, referralDays: { answer: 10, urgentAnswer: 3 } }] }),
      ),
      now,
    );
    const days = () =>
      db.prisma.category.findUniqueOrThrow({
        where: { code: "roads" },
        select: {
          acknowledgeDays: true,
          answerDays: true,
          urgentAcknowledgeDays: true,
          urgentAnswerDays: true,
        },
      });
    expect(await days()).toEqual({
      acknowledgeDays: null,
      answerDays: 10,
      urgentAcknowledgeDays: null,
      urgentAnswerDays: 3,
    });
    await seedDirectory(db.prisma, readSeedFile(writeTemp({ categories: [category] })), now);
    expect(await days()).toEqual({
      acknowledgeDays: null,
      answerDays: null,
      urgentAcknowledgeDays: null,
      urgentAnswerDays: null,
    });
  });
});

describe("reading a seed file", () => {
  it("accepts the example file", () => {
    expect(readSeedFile(exampleFile).districts[0]?.code).toBe("QS");
  });

  it("names the JSON path of an invalid nested field", () => {
    const path = writeTemp({
      districts: [
        {
          code: "QS",
          nameZh: "青山县",
          nameEn: "Qingshan",
          level: "county",
          children: [{ code: "bad code!", nameZh: "x", nameEn: "x", level: "township" }],
        },
      ],
    });
    const error = (() => {
      try {
        readSeedFile(path);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as SeedFileError).path).toBe(path);
    expect((error as SeedFileError).issues).toEqual([
      expect.stringMatching(/^districts\[0\]\.children\[0\]\.code: /),
    ]);
  });

  it("rejects a station whose district code is not in the file", () => {
    const path = writeTemp({
      districts: [{ code: "QS", nameZh: "青山县", nameEn: "Qingshan", level: "county" }],
      stations: [
        {
          code: "S1",
          nameZh: "站",
          nameEn: "Station",
          districtCode: "NOPE",
          addressZh: "",
          addressEn: "",
          receptionZh: "",
          receptionEn: "",
        },
      ],
    });
    expect(() => readSeedFile(path)).toThrow(
      expect.objectContaining({ issues: ['stations[0].districtCode: unknown district code "NOPE"'] }),
    );
  });

  it("rejects duplicate codes and a child level that is not below its parent", () => {
    const path = writeTemp({
      districts: [
        {
          code: "QS",
          nameZh: "青山县",
          nameEn: "Qingshan",
          level: "county",
          children: [{ code: "QS", nameZh: "x", nameEn: "x", level: "city" }],
        },
      ],
    });
    expect(() => readSeedFile(path)).toThrow(
      expect.objectContaining({
        issues: [
          'districts[0].children[0].code: duplicate district code "QS"',
          "districts[0].children[0].level: a city cannot lie below a county",
        ],
      }),
    );
  });

  it("rejects referral deadlines that are not whole working days from 1 to 250", () => {
    const path = writeTemp({
      categories: [{ code: "roads", nameZh: "道路", nameEn: "Roads", referralDays: { answer: 0 } }],
    });
    expect(() => readSeedFile(path)).toThrow(
      /categories\[0\]\.referralDays\.answer: must be at least 1 working day/,
    );
  });

  it("reports a file that is not JSON as a SeedFileError", () => {
    const path = writeTemp("{ not json");
    expect(() => readSeedFile(path)).toThrow(SeedFileError);
  });
});
