// A full "remind-unaccepted" pass over 1,000,000 cases of which 10,000 are due, timed against
// a reference measured on the same table in the same run: one plain full scan of it.
import type { Dialect } from "../src/db/client.js";
import { readSeedFile, seedDirectory } from "../src/db/queries/seed.js";
import { remindUnaccepted } from "../src/jobs/tasks/remind-unaccepted.js";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database.js";
import { exampleSeedPath } from "../test/helpers/test-bot.js";

export interface PassResult {
  dialect: Dialect;
  rows: number;
  due: number;
  insertSeconds: number;
  scanMs: number;
  passMs: number;
  /** The next pass, with nothing due any more: what most hourly runs look like. */
  idlePassMs: number;
  reminded: number;
  messages: number;
  plan: string;
}

const HOUR = 3_600_000;
// SQLite through Prisma's adapter stores DateTime as ISO 8601 text ending in +00:00.
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

async function fill(db: TestDatabase, rows: number, now: Date): Promise<void> {
  const prisma = db.prisma;
  await seedDirectory(prisma, readSeedFile(exampleSeedPath), now);
  const districts = (await prisma.district.findMany({ orderBy: { id: "asc" } })).map((d) => d.id);
  const first = districts[0]!;
  if (districts.some((id, i) => id !== first + i)) throw new Error("district ids are not contiguous");
  const citizen = await prisma.user.create({
    data: { telegramId: 1n, firstName: "citizen", createdAt: now, updatedAt: now },
  });
  for (const [i, districtId] of districts.entries()) {
    for (const k of [0, 1]) {
      await prisma.user.create({
        data: {
          telegramId: BigInt(10 + i * 2 + k),
          firstName: `rep${i}-${k}`,
          role: "representative",
          createdAt: now,
          updatedAt: now,
          representativeOf: { create: { districtId, createdAt: now } },
        },
      });
    }
  }
  const old = new Date(now.getTime() - 30 * 24 * HOUR);
  const recent = new Date(now.getTime() - HOUR);
  // Every 100th case is new and 30 days old (due), the next one new but an hour old (not yet
  // due), the rest closed long ago.
  const select = (i: string, p: (n: number) => string) => `
    SELECT 'C-' || ${i}, ${p(1)}, ${p(2)} + (${i} % ${districts.length}),
      CASE WHEN ${i} % 100 IN (0, 1) THEN 'new' ELSE 'resolved' END,
      0, 'bench concern ' || ${i}, false, 'bench:' || ${i},
      CASE WHEN ${i} % 100 = 1 THEN ${p(4)} ELSE ${p(3)} END,
      CASE WHEN ${i} % 100 = 1 THEN ${p(4)} ELSE ${p(3)} END,
      CASE WHEN ${i} % 100 IN (0, 1) THEN NULL ELSE ${p(3)} END,
      ${p(3)}`;
  const columns = `"caseNo","citizenId","districtId","status","priority","description","anonymous","sourceKey","createdAt","updatedAt","closedAt","dueAt"`;
  if (db.dialect === "sqlite") {
    // Plain "?" placeholders, so the values are listed in the order they appear.
    const values = [citizen.id, first, sqliteTime(old), sqliteTime(recent)];
    const args: unknown[] = [rows];
    const body = select("i", (n) => {
      args.push(values[n - 1]);
      return "?";
    });
    await prisma.$executeRawUnsafe(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO "Concern" (${columns}) ${body} FROM n`,
      ...args,
    );
  } else {
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Concern" (${columns})
       ${select("i", (n) => (n >= 3 ? `$${n}::timestamp(3)` : `$${n}::int`))} FROM generate_series(1, $5::int) AS i`,
      citizen.id,
      first,
      old,
      recent,
      rows,
    );
    await prisma.$executeRawUnsafe(`ANALYZE "Concern"`);
  }
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

export async function benchReminderPass(dialect: Dialect, rows: number): Promise<PassResult> {
  const db = await createTestDatabase(dialect);
  try {
    const now = new Date();
    const [, insertMs] = await timed(() => fill(db, rows, now));
    const [, scanMs] = await timed(() =>
      db.prisma.$queryRawUnsafe(`SELECT count(*) AS n, sum(length("description")) AS chars FROM "Concern"`),
    );
    const cutoff = new Date(now.getTime() - 24 * HOUR);
    const due = await db.prisma.concern.count({
      where: { status: "new", remindedAt: null, createdAt: { lte: cutoff } },
    });
    const planRows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      dialect === "sqlite"
        ? `EXPLAIN QUERY PLAN SELECT "id","districtId" FROM "Concern" WHERE "status" = 'new' AND "remindedAt" IS NULL AND "createdAt" <= ? ORDER BY "createdAt" LIMIT 500`
        : `EXPLAIN SELECT "id","districtId" FROM "Concern" WHERE "status" = 'new' AND "remindedAt" IS NULL AND "createdAt" <= $1 ORDER BY "createdAt" LIMIT 500`,
      dialect === "sqlite" ? sqliteTime(cutoff) : cutoff,
    );
    const plan = planRows.map((r) => String(r.detail ?? r["QUERY PLAN"] ?? JSON.stringify(r))).join(" / ");
    const [result, passMs] = await timed(() => remindUnaccepted(db, { now, afterHours: 24 }));
    const [, idlePassMs] = await timed(() => remindUnaccepted(db, { now, afterHours: 24 }));
    return {
      dialect,
      rows,
      due,
      insertSeconds: insertMs / 1000,
      scanMs,
      passMs,
      idlePassMs,
      reminded: result.rows,
      messages: result.messages,
      plan,
    };
  } finally {
    await db.drop();
  }
}
