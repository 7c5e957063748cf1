// Statistics over 1,000,000 cases and 5,000,000 timeline events: building the CaseFact rollup
// once, then one /stats answer for a county-year and the monthly bulletin for every staff
// member, each timed against a reference measured on the same database in the same run: one
// plain full scan of the events table. Also streams the million cases as CSV to nowhere,
// sampling memory, to show that it stays flat.
import { Writable } from "node:stream";
import type { Dialect } from "../src/db/client.js";
import { streamExport } from "../src/db/queries/export.js";
import { readSeedFile, seedDirectory } from "../src/db/queries/seed.js";
import { loadBulletinFigures } from "../src/db/queries/stats-bulletin.js";
import { refreshCaseFacts } from "../src/db/queries/stats-facts.js";
import { buildStatsReport, loadStatsScope, resolveSelection } from "../src/db/queries/stats-report.js";
import { resolvePeriod } from "../src/domain/metrics/period.js";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database.js";
import { exampleSeedPath } from "../test/helpers/test-bot.js";

const TZ = "Asia/Shanghai";
// Cases are spread evenly from 2023-01-01 to 2026-11-25, so that every timeline entry (the
// last comes 4 days after receipt) lies before "now", 2026-12-02.
const FIRST = Date.parse("2023-01-01T00:00:00Z");
const SPAN_SECONDS = (Date.parse("2026-11-25T00:00:00Z") - FIRST) / 1000;

export interface StatsBenchResult {
  dialect: Dialect;
  cases: number;
  events: number;
  fillSeconds: number;
  rollupSeconds: number;
  scanMs: number;
  statsMs: number;
  statsReceived: number;
  idleRefreshMs: number;
  bulletinMs: number;
  staff: number;
  exportSeconds: number;
  exportedRows: number;
  /** Heap (MB) at the start and after every 100,000 rows exported. */
  heapMb: number[];
  rssMb: number[];
  heapAfterGc: boolean;
}

export async function fill(db: TestDatabase, cases: number, now: Date, withEvents = true): Promise<number> {
  const prisma = db.prisma;
  await seedDirectory(prisma, readSeedFile(exampleSeedPath), now);
  const districts = (await prisma.district.findMany({ orderBy: { id: "asc" } })).map((d) => d.id);
  const categories = (await prisma.category.findMany({ orderBy: { id: "asc" } })).map((c) => c.id);
  const contiguous = (ids: number[]) => ids.every((id, i) => id === ids[0]! + i);
  if (!contiguous(districts) || !contiguous(categories)) throw new Error("seed ids are not contiguous");
  const citizen = await prisma.user.create({
    data: { telegramId: 1n, firstName: "citizen", createdAt: now, updatedAt: now },
  });
  // One staff member per district: the bulletin goes to each.
  for (const [i, districtId] of districts.entries()) {
    await prisma.user.create({
      data: {
        telegramId: BigInt(100 + i),
        firstName: `staff${i}`,
        role: "staff",
        staffDistrictId: districtId,
        createdAt: now,
        updatedAt: now,
      },
    });
  }
  const step = Math.floor(SPAN_SECONDS / cases);
  const nd = districts.length;
  const nc = categories.length;
  // Every 10th case open (accepted), every 10th + 1 new, the rest resolved after 3 days and
  // rated; ratings cycle satisfied, satisfied, basically satisfied, unsatisfied.
  const status = (i: string) =>
    `CASE WHEN ${i} % 10 = 0 THEN 'accepted' WHEN ${i} % 10 = 1 THEN 'new' ELSE 'resolved' END`;
  const rating = (i: string) =>
    `CASE WHEN ${i} % 10 < 2 THEN NULL WHEN ${i} % 4 = 0 THEN 'unsatisfied' WHEN ${i} % 4 = 1 THEN 'basically_satisfied' ELSE 'satisfied' END`;
  const columns = `"caseNo","citizenId","districtId","categoryId","status","priority","description","anonymous","sourceKey","rating","createdAt","updatedAt","dueAt","closedAt"`;
  if (db.dialect === "sqlite") {
    const at = (offset: string) =>
      `strftime('%Y-%m-%dT%H:%M:%f', ${FIRST / 1000} + ${offset}, 'unixepoch') || '+00:00'`;
    const created = `i * ${step}`;
    await prisma.$executeRawUnsafe(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${cases})
       INSERT INTO "Concern" (${columns})
       SELECT 'B-' || i, ${citizen.id}, ${districts[0]} + (i % ${nd}), ${categories[0]} + (i % ${nc}), ${status("i")}, 0,
         'bench concern ' || i, false, 'bench:' || i, ${rating("i")},
         ${at(created)}, ${at(created)}, ${at(`${created} + 15 * 86400`)},
         CASE WHEN i % 10 >= 2 THEN ${at(`${created} + 3 * 86400`)} ELSE NULL END
       FROM n`,
    );
    const plus = (seconds: string) =>
      `strftime('%Y-%m-%dT%H:%M:%f', substr(c."createdAt", 1, 23), '+' || (${seconds}) || ' seconds') || '+00:00'`;
    if (withEvents) await prisma.$executeRawUnsafe(eventsSql(plus, 'c."id"'));
  } else {
    const at = (offset: string) => `to_timestamp(${FIRST / 1000} + ${offset})::timestamp(3)`;
    const created = `i::bigint * ${step}`;
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Concern" (${columns})
       SELECT 'B-' || i, ${citizen.id}, ${districts[0]} + (i % ${nd}), ${categories[0]} + (i % ${nc}), ${status("i")}, 0,
         'bench concern ' || i, false, 'bench:' || i, ${rating("i")},
         ${at(created)}, ${at(created)}, ${at(`${created} + 15 * 86400`)},
         CASE WHEN i % 10 >= 2 THEN ${at(`${created} + 3 * 86400`)} ELSE NULL END
       FROM generate_series(1, ${cases}) AS i`,
    );
    const plus = (seconds: string) => `c."createdAt" + make_interval(secs => ${seconds})`;
    if (withEvents) await prisma.$executeRawUnsafe(eventsSql(plus, 'c."id"'));
    await prisma.$executeRawUnsafe(`ANALYZE "Concern"`);
    await prisma.$executeRawUnsafe(`ANALYZE "ConcernEvent"`);
  }
  return prisma.concernEvent.count();
}

/** Five entries per case: received, an automatic message, a deputy's reply, the outcome (or a citizen's follow-up), the rating (or a note). */
function eventsSql(plus: (seconds: string) => string, id: string): string {
  const resolved = `c."status" = 'resolved'`;
  return `INSERT INTO "ConcernEvent" ("concernId","kind","actorRole","fromStatus","toStatus","text","createdAt")
    SELECT ${id},
      CASE k WHEN 1 THEN 'created' WHEN 2 THEN 'message' WHEN 3 THEN 'message'
             WHEN 4 THEN CASE WHEN ${resolved} THEN 'status' ELSE 'message' END
             ELSE CASE WHEN c."rating" IS NOT NULL THEN 'rating' ELSE 'note' END END,
      CASE k WHEN 1 THEN 'citizen' WHEN 2 THEN 'system' WHEN 3 THEN 'representative'
             WHEN 4 THEN CASE WHEN ${resolved} THEN 'representative' ELSE 'citizen' END
             ELSE CASE WHEN c."rating" IS NOT NULL THEN 'citizen' ELSE 'staff' END END,
      CASE WHEN k = 4 AND ${resolved} THEN 'accepted' WHEN k = 5 AND c."rating" IS NOT NULL THEN 'resolved' ELSE NULL END,
      CASE WHEN k = 1 THEN 'new' WHEN k = 4 AND ${resolved} THEN 'resolved'
           WHEN k = 5 AND c."rating" IS NOT NULL THEN CASE WHEN c."rating" = 'unsatisfied' THEN 'reopened' ELSE 'resolved' END ELSE NULL END,
      CASE WHEN k = 5 AND c."rating" IS NOT NULL THEN c."rating" ELSE 'bench text ' || k END,
      ${plus(`CASE k WHEN 1 THEN 0 WHEN 2 THEN 60 WHEN 3 THEN 3600 * (1 + c."id" % 47) WHEN 4 THEN 3 * 86400 ELSE 4 * 86400 END`)}
    FROM "Concern" c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) AS ks`;
}

/**
 * Streams every case as CSV to a sink that samples memory every 100,000 rows: the heap after
 * a forced collection when the process runs with --expose-gc (what is really kept), else as
 * found, and the RSS.
 */
export async function measureExport(db: TestDatabase, now: Date) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const heapNow = () => {
    gc?.();
    return mb(process.memoryUsage().heapUsed);
  };
  const heap: number[] = [heapNow()];
  const rss: number[] = [mb(process.memoryUsage().rss)];
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const before = Math.floor(lines / 100_000);
      for (const byte of chunk) if (byte === 10) lines++;
      if (Math.floor(lines / 100_000) > before) {
        heap.push(heapNow());
        rss.push(mb(process.memoryUsage().rss));
      }
      done();
    },
  });
  const period = resolvePeriod({ kind: "custom", from: "2022-01-01", to: "2026-12-31" }, now, TZ);
  const [exportedRows, exportMs] = await timed(() =>
    streamExport(
      db,
      {
        kind: "cases",
        period,
        districtIds: null,
        districtId: null,
        withPersonalData: false,
        operator: "bench",
        now,
      },
      sink,
    ),
  );
  return {
    exportSeconds: exportMs / 1000,
    exportedRows,
    heapMb: heap,
    rssMb: rss,
    heapAfterGc: gc !== undefined,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

const mb = (bytes: number) => bytes / 1_048_576;

export async function benchStats(dialect: Dialect, cases: number): Promise<StatsBenchResult> {
  const db = await createTestDatabase(dialect);
  try {
    const now = new Date("2026-12-02T01:00:00Z");
    const [events, fillMs] = await timed(() => fill(db, cases, now));
    const [, rollupMs] = await timed(() => refreshCaseFacts(db, { now, timeZone: TZ }));
    if (dialect === "postgresql") await db.prisma.$executeRawUnsafe(`ANALYZE "CaseFact"`);
    else await db.prisma.$executeRawUnsafe("ANALYZE");
    const [, scanMs] = await timed(() =>
      db.prisma.$queryRawUnsafe(`SELECT count(*) AS n, sum(length("text")) AS chars FROM "ConcernEvent"`),
    );
    // /stats for the county (an admin, or the county's staff) over 2026, as the bot answers it.
    const county = await db.prisma.district.findFirstOrThrow({ where: { parentId: null } });
    const staff = await db.prisma.user.findFirstOrThrow({
      where: { role: "staff", staffDistrictId: county.id },
    });
    const [report, statsMs] = await timed(async () => {
      await refreshCaseFacts(db, { now, timeZone: TZ });
      const scope = await loadStatsScope(db.prisma, staff);
      const filters = { districtId: null, categoryId: null, deputyId: null };
      const period = resolvePeriod({ kind: "year", year: 2026 }, now, TZ);
      const selection = await resolveSelection(db.prisma, scope, filters, period);
      return buildStatsReport(db, scope, filters, selection, "none", { now, timeZone: TZ });
    });
    const [, idleRefreshMs] = await timed(() => refreshCaseFacts(db, { now, timeZone: TZ }));
    // The bulletin of 2026-11 for every staff member, one after the other.
    const everyone = await db.prisma.user.findMany({ where: { role: "staff" } });
    const [, bulletinMs] = await timed(async () => {
      await refreshCaseFacts(db, { now, timeZone: TZ });
      for (const user of everyone) await loadBulletinFigures(db, user, "2026-11", { now, timeZone: TZ });
    });
    const memory = await measureExport(db, now);
    return {
      dialect,
      cases,
      events,
      fillSeconds: fillMs / 1000,
      rollupSeconds: rollupMs / 1000,
      scanMs,
      statsMs,
      statsReceived: report.total.tallies.received,
      idleRefreshMs,
      bulletinMs,
      staff: everyone.length,
      ...memory,
    };
  } finally {
    await db.drop();
  }
}
