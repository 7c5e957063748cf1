// Update de-duplication by update_id. Telegram (and our own crash recovery) may deliver an
// update again; the first delivery claims it, and a completed one is never handled twice.
import type { Database, Dialect } from "../client.js";

const claimSql: Record<Dialect, string> = {
  sqlite: `INSERT INTO "ProcessedUpdate" ("updateId","status","startedAt") VALUES (?,'processing',?) ON CONFLICT ("updateId") DO NOTHING`,
  postgresql: `INSERT INTO "ProcessedUpdate" ("updateId","status","startedAt") VALUES ($1,'processing',$2) ON CONFLICT ("updateId") DO NOTHING`,
};

export type UpdateClaim = "claimed" | "done" | "busy";

/**
 * Claims an update for handling. A claim left "processing" longer than `staleMs` belongs
 * to a process that died mid-update, and is taken over, so the update is not lost.
 */
export async function claimUpdate(
  db: Database,
  updateId: number,
  now: Date,
  staleMs = 120_000,
): Promise<UpdateClaim> {
  const inserted = await db.prisma.$executeRawUnsafe(claimSql[db.dialect], BigInt(updateId), now);
  if (inserted === 1) return "claimed";
  const row = await db.prisma.processedUpdate.findUnique({ where: { updateId: BigInt(updateId) } });
  if (!row) return claimUpdate(db, updateId, now, staleMs);
  if (row.status === "done") return "done";
  if (now.getTime() - row.startedAt.getTime() < staleMs) return "busy";
  const { count } = await db.prisma.processedUpdate.updateMany({
    where: { updateId: BigInt(updateId), status: "processing", startedAt: row.startedAt },
    data: { startedAt: now },
  });
  return count === 1 ? "claimed" : "busy";
}

export async function markUpdateDone(db: Database, updateId: number, now: Date): Promise<void> {
  await db.prisma.processedUpdate.update({
    where: { updateId: BigInt(updateId) },
    data: { status: "done", finishedAt: now },
  });
}

/**
 * Only one process can poll a bot at a time (Telegram answers 409 to a second), so at the
 * start of polling every unfinished claim belongs to a process that died: release them so
 * their updates, which Telegram delivers again, are handled.
 */
export async function releaseAllClaims(db: Database): Promise<number> {
  const { count } = await db.prisma.processedUpdate.deleteMany({ where: { status: "processing" } });
  return count;
}
