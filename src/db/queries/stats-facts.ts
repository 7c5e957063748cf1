// Keeps the CaseFact rollup in step with the timelines. A refresh recomputes the facts of
// every case whose timeline gained an entry since the last refresh (with a safety margin for
// transactions that were still open then), or of every case when none was ever built or the
// time zone months are counted in has changed. Recomputing is idempotent, so two refreshes
// running at once agree. The facts themselves are decided in src/domain/metrics/case-facts.ts.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { type CaseFacts, deriveCaseFacts, type FactEvent } from "../../domain/metrics/case-facts.js";
import type { Database, Prisma } from "../client.js";

const THROUGH_KEY = "case-facts-through";
const ZONE_KEY = "case-facts-time-zone";
/**
 * Entries written this long before a refresh began are caught by the next one too: a case
 * change is one short transaction whose time comes from Node just before it commits, so an
 * entry cannot commit later than this after the time it carries.
 */
export const REFRESH_MARGIN_MS = 10 * 60_000;
const DEFAULT_BATCH = 1000;

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

const eventFields = {
  concernId: true,
  kind: true,
  actorRole: true,
  fromStatus: true,
  toStatus: true,
  text: true,
  createdAt: true,
} as const;

/** Recomputes and stores the facts of these cases (ids of deleted cases are skipped: their facts stay). */
export async function recomputeCaseFacts(
  db: Database,
  concernIds: number[],
  timeZone: string,
  now: Date,
): Promise<number> {
  if (concernIds.length === 0) return 0;
  const prisma = db.prisma;
  const [concerns, events] = await Promise.all([
    prisma.concern.findMany({
      where: { id: { in: concernIds } },
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
    prisma.concernEvent.findMany({ where: { concernId: { in: concernIds } }, select: eventFields }),
  ]);
  const byConcern = new Map<number, FactEvent[]>();
  for (const event of events) {
    const list = byConcern.get(event.concernId) ?? [];
    list.push(event);
    byConcern.set(event.concernId, list);
  }
  const facts: (CaseFacts & { updatedAt: Date })[] = concerns.map((concern) => ({
    ...deriveCaseFacts(concern, byConcern.get(concern.id) ?? [], timeZone),
    updatedAt: now,
  }));
  const ids = facts.map((f) => f.concernId);
  await prisma.$transaction([
    prisma.caseFact.deleteMany({ where: { concernId: { in: ids } } }),
    prisma.caseFact.createMany({ data: facts }),
  ]);
  return facts.length;
}

/** Ids after `afterId`, ascending, `take` at most: every case (full) or those with entries since `since`. */
async function nextIds(
  prisma: Prisma,
  afterId: number,
  take: number,
  since: Date | undefined,
): Promise<number[]> {
  if (!since) {
    const rows = await prisma.concern.findMany({
      where: { id: { gt: afterId } },
      select: { id: true },
      orderBy: { id: "asc" },
      take,
    });
    return rows.map((r) => r.id);
  }
  const rows = await prisma.concernEvent.groupBy({
    by: ["concernId"],
    where: { createdAt: { gte: since }, concernId: { gt: afterId } },
    orderBy: { concernId: "asc" },
    take,
  });
  return rows.map((r) => r.concernId);
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
  const [through, zone] = await Promise.all([readState(prisma, THROUGH_KEY), readState(prisma, ZONE_KEY)]);
  const full = through === undefined || zone !== timeZone;
  const since = full ? undefined : new Date(new Date(through).getTime() - REFRESH_MARGIN_MS);
  let afterId = 0;
  let cases = 0;
  for (;;) {
    if (options.signal?.aborted) return { mode: full ? "full" : "changed", cases };
    const ids = await nextIds(prisma, afterId, batchSize, since);
    if (ids.length === 0) break;
    cases += await recomputeCaseFacts(db, ids, timeZone, now);
    afterId = ids[ids.length - 1]!;
    await options.afterBatch?.();
    if (ids.length < batchSize) break;
    await yieldToEventLoop();
  }
  await writeState(prisma, ZONE_KEY, timeZone, now);
  await writeState(prisma, THROUGH_KEY, now.toISOString(), now);
  return { mode: full ? "full" : "changed", cases };
}
