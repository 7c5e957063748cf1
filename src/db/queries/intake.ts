// The two database steps of every update, in plain SQL (src/db/direct.ts): before handling,
// claim the update_id, find or create the sender's user and read their session; after it,
// write the session back (only if it changed) and mark the update done. Each step is one
// round trip: one transaction on SQLite's connection, one statement on PostgreSQL.
import type { Database } from "../client.js";
import { mapRow, pgTime, prepared, sqliteTime } from "../direct.js";
import type { TelegramProfile, User } from "./users.js";

export interface BeginUpdateInput {
  updateId: number;
  now: Date;
  /** The sender, when the bot will load their user (a person in a private chat). */
  profile?: TelegramProfile;
  /** Their session's key, read in the same step. */
  sessionKey?: string;
}

export type BeginUpdateResult =
  /** Someone claimed this update_id before (done, in progress, or left by a dead process). */
  | { claimed: false }
  | {
      claimed: true;
      /** Null when no profile was given, or (PostgreSQL) a concurrent first update created the user. */
      user: User | null;
      /** The stored session JSON; undefined when there is none. */
      session: string | undefined;
    };

export interface FinishUpdateInput {
  updateId: number;
  now: Date;
  /** The session to store (JSON), or null to delete it; absent when it did not change. */
  session?: { key: string; value: string | null };
}

const profileChanged = (user: User, profile: TelegramProfile) =>
  user.firstName !== profile.firstName ||
  user.lastName !== (profile.lastName ?? null) ||
  user.username !== (profile.username ?? null) ||
  user.inactiveAt !== null ||
  user.inactiveReason !== null ||
  (profile.role !== undefined && user.role !== profile.role);

// --- SQLite ------------------------------------------------------------------------------------

const sqlite = {
  claim: `INSERT INTO "ProcessedUpdate" ("updateId","status","startedAt") VALUES (?,'processing',?) ON CONFLICT ("updateId") DO NOTHING`,
  user: `SELECT * FROM "User" WHERE "telegramId" = ?`,
  upsertUser: `INSERT INTO "User" ("telegramId","firstName","lastName","username","locale","role","createdAt","updatedAt")
    VALUES (@telegramId,@firstName,@lastName,@username,@locale,coalesce(@role,'citizen'),@now,@now)
    ON CONFLICT ("telegramId") DO UPDATE SET "firstName"=excluded."firstName", "lastName"=excluded."lastName",
      "username"=excluded."username", "inactiveAt"=NULL, "inactiveReason"=NULL,
      "role"=coalesce(@role,"role"), "updatedAt"=excluded."updatedAt"
    RETURNING *`,
  session: `SELECT "value" FROM "Session" WHERE "key" = ?`,
  writeSession: `INSERT INTO "Session" ("key","value","updatedAt") VALUES (?,?,?)
    ON CONFLICT ("key") DO UPDATE SET "value"=excluded."value", "updatedAt"=excluded."updatedAt"`,
  deleteSession: `DELETE FROM "Session" WHERE "key" = ?`,
  done: `UPDATE "ProcessedUpdate" SET "status"='done', "finishedAt"=? WHERE "updateId"=?`,
};

// --- PostgreSQL: each step one statement -------------------------------------------------------

const postgresBegin = `
WITH claim AS (
  INSERT INTO "ProcessedUpdate" ("updateId","status","startedAt") VALUES ($1::bigint,'processing',$2::timestamp)
  ON CONFLICT ("updateId") DO NOTHING RETURNING 1),
upserted AS (
  INSERT INTO "User" ("telegramId","firstName","lastName","username","locale","role","createdAt","updatedAt")
  SELECT $3::bigint,$4::text,$5::text,$6::text,$7::text,coalesce($8::text,'citizen'),$2::timestamp,$2::timestamp
  WHERE $3::bigint IS NOT NULL AND EXISTS (SELECT 1 FROM claim)
  ON CONFLICT ("telegramId") DO UPDATE SET "firstName"=EXCLUDED."firstName", "lastName"=EXCLUDED."lastName",
    "username"=EXCLUDED."username", "inactiveAt"=NULL, "inactiveReason"=NULL,
    "role"=coalesce($8::text,"User"."role"), "updatedAt"=EXCLUDED."updatedAt"
  WHERE "User"."firstName" IS DISTINCT FROM EXCLUDED."firstName" OR "User"."lastName" IS DISTINCT FROM EXCLUDED."lastName"
    OR "User"."username" IS DISTINCT FROM EXCLUDED."username" OR "User"."inactiveAt" IS NOT NULL
    OR "User"."inactiveReason" IS NOT NULL OR ($8::text IS NOT NULL AND "User"."role" <> $8::text)
  RETURNING *)
SELECT EXISTS (SELECT 1 FROM claim) AS claimed,
  coalesce((SELECT row_to_json(u) FROM upserted u),
           (SELECT row_to_json(u) FROM "User" u WHERE u."telegramId" = $3::bigint)) AS "user",
  (SELECT "value" FROM "Session" WHERE "key" = $9::text) AS "session"`;

const postgresDone = `UPDATE "ProcessedUpdate" SET "status"='done', "finishedAt"=$2::timestamp WHERE "updateId"=$1::bigint`;
const postgresFinish = {
  write: `WITH s AS (INSERT INTO "Session" ("key","value","updatedAt") VALUES ($3::text,$4::text,$2::timestamp)
    ON CONFLICT ("key") DO UPDATE SET "value"=EXCLUDED."value", "updatedAt"=EXCLUDED."updatedAt" RETURNING 1)
    ${postgresDone}`,
  delete: `WITH s AS (DELETE FROM "Session" WHERE "key"=$3::text RETURNING 1) ${postgresDone}`,
};

/**
 * Claims `updateId` (status "processing") and, only when it was free, finds or creates the
 * sender's user (their profile refreshed and an "inactive" mark cleared, written only when
 * something changed; a new user gets `profile.locale` and `profile.role` or citizen) and reads
 * `sessionKey`'s session, all in one round trip. `{ claimed: false }` when the update_id was
 * claimed before: the caller decides with `claimUpdate` (done, busy, or a dead claim to take over).
 */
export async function beginUpdate(db: Database, input: BeginUpdateInput): Promise<BeginUpdateResult> {
  const { updateId, now, profile, sessionKey } = input;
  const direct = db.direct;
  if (direct.dialect === "sqlite") {
    const at = sqliteTime(now);
    return direct.run((connection) =>
      connection.transaction((): BeginUpdateResult => {
        if (prepared(connection, sqlite.claim).run(updateId, at).changes !== 1) return { claimed: false };
        let user: User | null = null;
        if (profile) {
          const found = prepared(connection, sqlite.user).get(profile.telegramId) as
            | Record<string, unknown>
            | undefined;
          user = found ? mapRow<User>(db.prisma, "User", found) : null;
          if (!user || profileChanged(user, profile)) {
            const row = prepared(connection, sqlite.upsertUser).get({
              telegramId: profile.telegramId,
              firstName: profile.firstName,
              lastName: profile.lastName ?? null,
              username: profile.username ?? null,
              locale: profile.locale,
              role: profile.role ?? null,
              now: at,
            }) as Record<string, unknown>;
            user = mapRow<User>(db.prisma, "User", row);
          }
        }
        const session =
          sessionKey === undefined
            ? undefined
            : (prepared(connection, sqlite.session).get(sessionKey) as { value: string } | undefined);
        return { claimed: true, user, session: session?.value };
      })(),
    );
  }
  const { rows } = await direct.pool.query<{
    claimed: boolean;
    user: Record<string, unknown> | null;
    session: string | null;
  }>(postgresBegin, [
    String(updateId),
    pgTime(now),
    profile ? String(profile.telegramId) : null,
    profile?.firstName ?? null,
    profile?.lastName ?? null,
    profile?.username ?? null,
    profile?.locale ?? null,
    profile?.role ?? null,
    sessionKey ?? null,
  ]);
  const row = rows[0]!;
  if (!row.claimed) return { claimed: false };
  return {
    claimed: true,
    user: profile && row.user ? mapRow<User>(db.prisma, "User", row.user) : null,
    session: sessionKey === undefined ? undefined : (row.session ?? undefined),
  };
}

/** Writes the session when given (null deletes it) and marks `updateId` done, in one round trip. */
export async function finishUpdate(db: Database, input: FinishUpdateInput): Promise<void> {
  const { updateId, now, session } = input;
  const direct = db.direct;
  if (direct.dialect === "sqlite") {
    const at = sqliteTime(now);
    await direct.run((connection) =>
      connection.transaction(() => {
        if (session?.value === null) prepared(connection, sqlite.deleteSession).run(session.key);
        else if (session) prepared(connection, sqlite.writeSession).run(session.key, session.value, at);
        prepared(connection, sqlite.done).run(at, updateId);
      })(),
    );
    return;
  }
  const base = [String(updateId), pgTime(now)];
  if (!session) await direct.pool.query(postgresDone, base);
  else if (session.value === null) await direct.pool.query(postgresFinish.delete, [...base, session.key]);
  else await direct.pool.query(postgresFinish.write, [...base, session.key, session.value]);
}
