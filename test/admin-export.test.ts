// `npm run admin -- export cases|events`: the CSV opened back, filtered by period and district,
// personal data only with the flag (and then recorded), anonymity kept.
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAdmin } from "../src/admin.js";
import { readSeedFile, seedDirectory } from "../src/db/queries/seed.js";
import { createTestDatabase, type TestDatabase, testDialects } from "./helpers/database.js";
import { buildNovemberDataset, type StatsDataset } from "./helpers/stats-dataset.js";
import { exampleSeedPath } from "./helpers/test-bot.js";

const botToken = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

async function run(db: TestDatabase, argv: string[]) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const err: string[] = [];
  const code = await runAdmin(argv, { out: () => undefined, err: (s) => void err.push(s) }, { db, output });
  const csv = Buffer.concat(chunks);
  return {
    code,
    err,
    csv,
    rows: csv.length > 0 ? (parse(csv, { bom: true, columns: true }) as Record<string, string>[]) : [],
  };
}

describe.each(testDialects)("admin export on %s", (dialect) => {
  let db: TestDatabase;
  let data: StatsDataset;
  beforeAll(async () => {
    vi.stubEnv("BOT_TOKEN", botToken);
    db = await createTestDatabase(dialect);
    await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
    data = await buildNovemberDataset(db.prisma);
    await db.prisma.concern.update({ where: { id: data.caseIds[0]! }, data: { anonymous: true } });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.drop();
  });

  it("streams the cases of a period without personal data, with a BOM", async () => {
    const { code, csv, rows, err } = await run(db, [
      "export",
      "cases",
      "--from",
      "2026-11-01",
      "--to",
      "2026-11-30",
    ]);
    expect(code).toBe(0);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(15);
    expect(Object.keys(rows[0]!)).not.toContain("description");
    expect(Object.keys(rows[0]!)).not.toContain("citizen_name");
    expect(csv.toString("utf8")).not.toContain("P7100");
    expect(err).toEqual(["15 cases exported"]);
    expect(await db.prisma.personalDataExport.count()).toBe(0);
  });

  it("narrows to a district subtree", async () => {
    const { rows } = await run(db, [
      "export",
      "cases",
      "--from",
      "2026-10-01",
      "--to",
      "2026-11-30",
      "--district",
      "QS-SQ",
    ]);
    // 13, 14, 15 in November and 16 in October.
    expect(rows.map((r) => r.district_code)).toEqual(["QS-SQ-SQ", "QS-SQ-SQ", "QS-SQ-SQ", "QS-SQ-SQ"]);
  });

  it("adds personal data only with the flag, records the export, and keeps anonymous citizens anonymous", async () => {
    const { rows, err } = await run(db, [
      "export",
      "cases",
      "--from",
      "2026-11-01",
      "--to",
      "2026-11-30",
      "--with-personal-data",
    ]);
    expect(err[0]).toMatch(/^personal data export by .+: cases 2026-11-01\.\.2026-11-30 \(recorded\)$/);
    const anonymous = rows.find((r) => r.anonymous === "1")!;
    expect(anonymous.citizen_name).toBe("");
    expect(anonymous.citizen_telegram_id).toBe("");
    // What the citizen wrote is personal data too: present, but only with the flag.
    expect(anonymous.description).toMatch(/^case \d+$/);
    const named = rows.find((r) => r.anonymous === "0")!;
    expect(named.citizen_telegram_id).toBe("7100");
    expect(named.citizen_name).toBe("P7100");
    const recorded = await db.prisma.personalDataExport.findFirstOrThrow();
    expect(recorded).toMatchObject({ kind: "cases", fromDate: "2026-11-01", toDate: "2026-11-30", rows: 15 });
  });

  it("streams timeline events, their words only with personal data", async () => {
    const plain = await run(db, ["export", "events", "--from", "2026-11-01", "--to", "2026-12-31"]);
    const expected = await db.prisma.concernEvent.count({
      where: { createdAt: { gte: new Date("2026-10-31T16:00:00Z"), lt: new Date("2026-12-31T16:00:00Z") } },
    });
    expect(plain.rows).toHaveLength(expected);
    expect(Object.keys(plain.rows[0]!)).not.toContain("text");
    const personal = await run(db, [
      "export",
      "events",
      "--from",
      "2026-11-01",
      "--to",
      "2026-12-31",
      "--with-personal-data",
    ]);
    expect(personal.rows.some((r) => r.text === "我们正在处理")).toBe(true);
  });

  it("refuses a bad date or kind with usage", async () => {
    expect((await run(db, ["export", "cases", "--from", "2026-02-30", "--to", "2026-03-01"])).code).toBe(2);
    expect((await run(db, ["export", "people", "--from", "2026-01-01", "--to", "2026-03-01"])).code).toBe(2);
    expect((await run(db, ["export", "cases", "--from", "2026-03-02", "--to", "2026-03-01"])).code).toBe(1);
  });
});
