// Keeps the CaseFact rollup in step with the timelines. A refresh recomputes the facts of
// every case whose timeline gained an entry since the last refresh (with a safety margin for
// transactions that were still open then), or of every case when none was ever built or the
// time zone months are counted in has changed. Recomputing is idempotent, so two refreshes
// running at once agree. The facts themselves are decided in src/domain/metrics/case-facts.ts.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  type CaseFacts,
  deriveCaseFacts,
  type FactConcern,
  type FactEvent,
} from "../../domain/metrics/case-facts.js";
import type { WorkingCalendar } from "../../domain/working-days.js";
import type { Database, Prisma } from "../client.js";
import { loadWorkingCalendar } from "./calendar.js";

const THROUGH_KEY = "case-facts-through";
const ZONE_KEY = "case-facts-time-zone";
const VERSION_KEY = "case-facts-version";
/** Raised when the facts gain a column or change meaning: the next refresh rebuilds them all. */
const FACTS_VERSION = "2";
/**
 * Entries written this long before a refresh began are caught by the next one too: a case
 * change is one short transaction whose time comes from Node just before it commits, so an
 * entry cannot commit later than this after the time it carries.
 */
export const REFRESH_MARGIN_MS = 10 * 60_000;
const DEFAULT_BATCH = 2000;
/** Ids per `IN (…)` list: Prisma refuses more bound values than 999 with its SQLite adapter. */
const MAX_ROWS_PER_STATEMENT = 500;

export interface RefreshOptions {
  now: Date;
  /** IANA zone the facts' months are counted in (TIME_ZONE). */
  timeZone: string;
  /** Cases recomputed per transaction. */
  batchSize?: number;
  signal?: AbortSignal;
  afterBatch?: () => Promise<unknown>;
}

export interface RefreshResult {
  /** "full": every case was recomputed; "changed": only those with new timeline entries. */
  mode: "full" | "changed";
  cases: number;
}

async function readState(prisma: Prisma, key: string): Promise<string | undefined> {
  return (await prisma.statsState.findUnique({ where: { key } }))?.value;
}

async function writeState(prisma: Prisma, key: string, value: string, now: Date): Promise<void> {
  await prisma.statsState.upsert({
    where: { key },
    create: { key, value, updatedAt: now },
    update: { value, updatedAt: now },
  });
}

const concernColumns = `"id","districtId","categoryId","assigneeId","status","createdAt","dueAt","closedAt"`;
const eventColumns = `"concernId","kind","actorRole","fromStatus","toStatus","text","internal","referralId","createdAt"`;

type Row = Record<string, unknown>;
const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toConcern(row: Row): FactConcern {
  return {
    id: Number(row.id),
    districtId: Number(row.districtId),
    categoryId: int(row.categoryId),
    assigneeId: int(row.assigneeId),
    status: String(row.status),
    createdAt: date(row.createdAt) as Date,
    dueAt: date(row.dueAt),
    closedAt: date(row.closedAt),
  };
}

function toEvent(row: Row): FactEvent & { concernId: number } {
  return {
    concernId: Number(row.concernId),
    kind: String(row.kind),
    actorRole: String(row.actorRole),
    fromStatus: (row.fromStatus as string | null) ?? null,
    toStatus: (row.toStatus as string | null) ?? null,
    text: (row.text as string | null) ?? null,
    // SQLite gives 0/1, PostgreSQL a boolean.
    internal: row.internal === null || row.internal === undefined ? null : Boolean(Number(row.internal)),
    referralId: int(row.referralId),
    createdAt: date(row.createdAt) as Date,
  };
}

/** The cases with ids in [from, to] and their timelines: two range scans, raw (Prisma's row mapping costs more than the scan). */
async function loadRange(db: Database, from: number, to: number) {
  const p = (n: number) => (db.dialect === "sqlite" ? "?" : `$${n}`);
  const [concerns, events] = await Promise.all([
    db.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${concernColumns} FROM "Concern" WHERE "id" BETWEEN ${p(1)} AND ${p(2)}`,
      from,
      to,
    ),
    db.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${eventColumns} FROM "ConcernEvent" WHERE "concernId" BETWEEN ${p(1)} AND ${p(2)}`,
      from,
      to,
    ),
  ]);
  return { concerns: concerns.map(toConcern), events: events.map(toEvent) };
}

const factColumns = [
  "concernId",
  "districtId",
  "categoryId",
  "assigneeId",
  "status",
  "receivedAt",
  "receivedMonth",
  "dueAt",
  "closedAt",
  "countable",
  "open",
  "closed",
  "closedOnTime",
  "closedOnce",
  "reopened",
  "takenOn",
  "referred",
  "rated",
  "satisfied",
  "unsatisfied",
  "ratedResolved",
  "replied",
  "firstReplySeconds",
  "referralAckOnTime",
  "referralReturned",
  "referralExtended",
  "referralAnswered",
  "answerA",
  "answerB",
  "answerC",
  "answerD",
  "updatedAt",
] as const satisfies readonly (keyof CaseFacts | "updatedAt")[];
// 32 values a row: 1,000 rows stay under SQLite's 32,766 bound values (PostgreSQL takes 65,535).
const ROWS_PER_INSERT = 1000;

/**
 * Inserts or replaces facts with one multi-row statement: Prisma's createMany goes row by
 * row through the SQLite adapter (about 0.3 ms a row), which made a first build of a million
 * cases take an hour.
 */
async function upsertFacts(db: Database, facts: (CaseFacts & { updatedAt: Date })[]): Promise<void> {
  if (facts.length === 0) return;
  const values: unknown[] = [];
  const rows = facts.map((fact) => {
    const placeholders = factColumns.map((column) => {
      values.push(fact[column]);
      return db.dialect === "sqlite" ? "?" : `$${values.length}`;
    });
    return `(${placeholders.join(",")})`;
  });
  const columns = factColumns.map((c) => `"${c}"`).join(",");
  const updates = factColumns
    .filter((c) => c !== "concernId")
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(",");
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "CaseFact" (${columns}) VALUES ${rows.join(",")} ON CONFLICT ("concernId") DO UPDATE SET ${updates}`,
    ...values,
  );
}

/** Derives and stores the facts of these cases (with their whole timelines); returns how many. */
async function storeFacts(
  db: Database,
  concerns: FactConcern[],
  events: (FactEvent & { concernId: number })[],
  timeZone: string,
  now: Date,
  calendar: WorkingCalendar,
): Promise<number> {
  const byConcern = new Map<number, FactEvent[]>();
  for (const event of events) {
    const list = byConcern.get(event.concernId) ?? [];
    list.push(event);
    byConcern.set(event.concernId, list);
  }
  const facts: (CaseFacts & { updatedAt: Date })[] = concerns.map((concern) => ({
    ...deriveCaseFacts(concern, byConcern.get(concern.id) ?? [], timeZone, calendar),
    updatedAt: now,
  }));
  for (let start = 0; start < facts.length; start += ROWS_PER_INSERT)
    await upsertFacts(db, facts.slice(start, start + ROWS_PER_INSERT));
  return facts.length;
}

/** Recomputes and stores the facts of these cases (ids of deleted cases are skipped: their facts stay). */
export async function recomputeCaseFacts(
  db: Database,
  concernIds: number[],
  timeZone: string,
  now: Date,
  calendar?: WorkingCalendar,
): Promise<number> {
  const workingDays = calendar ?? (await loadWorkingCalendar(db.prisma)).calendar;
  let done = 0;
  for (let start = 0; start < concernIds.length; start += MAX_ROWS_PER_STATEMENT) {
    const ids = concernIds.slice(start, start + MAX_ROWS_PER_STATEMENT);
    const [concerns, events] = await Promise.all([
      db.prisma.concern.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          districtId: true,
          categoryId: true,
          assigneeId: true,
          status: true,
          createdAt: true,
          dueAt: true,
          closedAt: true,
        },
      }),
      db.prisma.concernEvent.findMany({
        where: { concernId: { in: ids } },
        select: {
          concernId: true,
          kind: true,
          actorRole: true,
          fromStatus: true,
          toStatus: true,
          text: true,
          internal: true,
          referralId: true,
          createdAt: true,
        },
      }),
    ]);
    done += await storeFacts(db, concerns, events, timeZone, now, workingDays);
  }
  return done;
}

/**
 * The cases with timeline entries since `since`, ascending: one range scan of the createdAt
 * index (a query ordered by case would walk the whole table instead).
 */
async function changedCaseIds(db: Database, since: Date): Promise<number[]> {
  const rows = await db.prisma.$queryRawUnsafe<{ concernId: unknown }[]>(
    `SELECT "concernId" FROM "ConcernEvent" WHERE "createdAt" >= ${db.dialect === "sqlite" ? "?" : "$1"}`,
    since,
  );
  return [...new Set(rows.map((r) => Number(r.concernId)))].sort((a, b) => a - b);
}

/**
 * Brings CaseFact up to date at `now`: a full rebuild the first time (and when the time
 * zone changed), else the cases whose timeline changed since the last refresh. Returns what
 * it did. Throws whatever the database throws; a refresh cut short is finished by the next.
 */
export async function refreshCaseFacts(db: Database, options: RefreshOptions): Promise<RefreshResult> {
  const { now, timeZone } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const prisma = db.prisma;
  const [through, zone, version] = await Promise.all([
    readState(prisma, THROUGH_KEY),
    readState(prisma, ZONE_KEY),
    readState(prisma, VERSION_KEY),
  ]);
  const full = through === undefined || zone !== timeZone || version !== FACTS_VERSION;
  const { calendar } = await loadWorkingCalendar(prisma);
  const since = full ? undefined : new Date(new Date(through).getTime() - REFRESH_MARGIN_MS);
  let cases = 0;
  if (full) {
    // Every case: id ranges, each read in two range scans.
    const last = (await prisma.concern.aggregate({ _max: { id: true } }))._max.id ?? 0;
    for (let afterId = 0; afterId < last; afterId += batchSize) {
      if (options.signal?.aborted) return { mode: "full", cases };
      const { concerns, events } = await loadRange(db, afterId + 1, Math.min(afterId + batchSize, last));
      cases += await storeFacts(db, concerns, events, timeZone, now, calendar);
      await options.afterBatch?.();
      await yieldToEventLoop();
    }
  } else {
    const ids = await changedCaseIds(db, since as Date);
    for (let start = 0; start < ids.length; start += batchSize) {
      if (options.signal?.aborted) return { mode: "changed", cases };
      cases += await recomputeCaseFacts(db, ids.slice(start, start + batchSize), timeZone, now, calendar);
      await options.afterBatch?.();
      await yieldToEventLoop();
    }
  }
  await writeState(prisma, ZONE_KEY, timeZone, now);
  await writeState(prisma, VERSION_KEY, FACTS_VERSION, now);
  await writeState(prisma, THROUGH_KEY, now.toISOString(), now);
  return { mode: full ? "full" : "changed", cases };
}
