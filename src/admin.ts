// The operator command line: `npm run admin -- <command>`. It talks to the database directly
// (and to Telegram only to learn the bot's username), so it works before the bot is running.
import { realpathSync } from "node:fs";
import { userInfo } from "node:os";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Api } from "grammy";
import { ConfigError, loadConfig } from "./config.js";
import { createDatabase, type Database, preparePragmas } from "./db/client.js";
import type { District } from "./db/generated/sqlite/client.js";
import { migrate } from "./db/migrate.js";
import { listAccessAudit, parseAuditDetail } from "./db/queries/access-audit.js";
import { loadWorkingCalendar, readCalendarFile, storeCalendarYear } from "./db/queries/calendar.js";
import { findDistrictByCode, listDistrictSubtreeIds } from "./db/queries/districts.js";
import { type ExportKind, exportKinds, streamExport } from "./db/queries/export.js";
import { createInvite, type InviteRole, inviteLink, inviteRoles } from "./db/queries/invites.js";
import {
  findPerson,
  listPeopleWithRoles,
  type PersonHandle,
  parsePersonHandle,
  removeRole,
  resumePerson,
  revokeInvite,
  suspendPerson,
} from "./db/queries/people.js";
import { readSeedFile, seedDirectory } from "./db/queries/seed.js";
import { isValidDate, resolvePeriod } from "./domain/metrics/period.js";
import { listDeadJobs } from "./jobs/queue.js";

export interface AdminIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface AdminDeps {
  /** A database that is already migrated; the caller keeps ownership and closes it. */
  db?: Database;
  /** Skips the getMe call to Telegram. */
  botUsername?: string;
  /** Where `export` writes its CSV (default: standard output). */
  output?: Writable;
}

export const usage = `Usage: npm run admin -- <command>

Commands:
  seed <file.json>                         create or update districts, stations, departments, categories
  invite <representative|staff> <district> [--hours N] [--bot <username>] [--station <code>]
  invite department <department>           print a single-use invite link (a department's code for a
                                           department contact, who answers its referrals)
  districts                                print the district tree
  calendar load <file.json>                load a year of the working-day calendar (prisma/calendar/<year>.json format)
  calendar list                            print the calendar's years, where each comes from, and whether confirmed
  dead-jobs                                print the newest dead-lettered jobs and why they failed
  people                                   print who holds which role (Telegram id, role, name, districts, open cases)
  remove-role <telegram-id|@username>      make a deputy or staff member a citizen again; their open cases
                                           go to the staff covering each district (on each case's timeline)
  suspend <telegram-id|@username>          suspend a deputy or staff member (term change, leave): role kept,
                                           no case seen or acted on; open cases handed over as remove-role
  resume <telegram-id|@username>           end a suspension (the cases handed over stay where they went)
  revoke-invite <token|link>               make an unused invite link stop working
  audit [<telegram-id|@username>]          print the newest role grants, removals, suspensions, resumptions
                                           and invite revocations (of one person when given)
  export <cases|events> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--district <code>] [--with-personal-data]
                                           stream CSV to standard output (dates in TIME_ZONE, inclusive);
                                           personal data only with the flag, and every such export is recorded
  help                                     show this text`;

class UsageError extends Error {
  override name = "UsageError";
}

type Command =
  | { name: "help" }
  | { name: "seed"; file: string }
  | { name: "invite"; role: InviteRole; districtCode: string; hours?: number; bot?: string; station?: string }
  | { name: "districts" }
  | { name: "calendar-load"; file: string }
  | { name: "calendar-list" }
  | { name: "dead-jobs" }
  | { name: "people" }
  | { name: "remove-role" | "suspend" | "resume"; person: PersonHandle }
  | { name: "audit"; person?: PersonHandle }
  | { name: "revoke-invite"; token: string }
  | {
      name: "export";
      kind: ExportKind;
      from: string;
      to: string;
      district?: string;
      withPersonalData: boolean;
    };

const options = {
  hours: { type: "string" },
  bot: { type: "string" },
  station: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  district: { type: "string" },
  "with-personal-data": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;
const optionsOf = new Map<string, string[]>([
  ["help", []],
  ["seed", []],
  ["districts", []],
  ["calendar", []],
  ["dead-jobs", []],
  ["people", []],
  ["remove-role", []],
  ["suspend", []],
  ["resume", []],
  ["audit", []],
  ["revoke-invite", []],
  ["invite", ["hours", "bot", "station"]],
  ["export", ["from", "to", "district", "with-personal-data"]],
]);

function parseRaw(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseRaw(argv);
  if (values.help) return { name: "help" };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError("no command given");
  const allowed = optionsOf.get(name);
  if (!allowed) throw new UsageError(`unknown command "${name}"`);
  for (const option of ["hours", "bot", "station", "from", "to", "district", "with-personal-data"] as const)
    if (values[option] !== undefined && !allowed.includes(option))
      throw new UsageError(`--${option} does not apply to "${name}"`);

  const expect = (count: number, what: string) => {
    if (rest.length !== count) throw new UsageError(`"${name}" takes ${what}`);
  };
  switch (name) {
    case "help":
    case "districts":
    case "dead-jobs":
    case "people":
      expect(0, "no arguments");
      return { name };
    case "remove-role":
    case "suspend":
    case "resume": {
      expect(1, "a numeric Telegram id or @username (see: people)");
      const person = parsePersonHandle(rest[0]!);
      if (!person) throw new UsageError(`"${rest[0]}" is neither a numeric Telegram id nor a @username`);
      return { name, person };
    }
    case "audit": {
      if (rest.length > 1) throw new UsageError('"audit" takes at most one Telegram id or @username');
      if (rest.length === 0) return { name };
      const person = parsePersonHandle(rest[0]!);
      if (!person) throw new UsageError(`"${rest[0]}" is neither a numeric Telegram id nor a @username`);
      return { name, person };
    }
    case "revoke-invite": {
      expect(1, "an invite's token or link");
      // The link's ?start=inv_<token>, or the token alone.
      const token = rest[0]!.replace(/^.*[?&]start=inv_/, "").replace(/^inv_/, "");
      return { name, token };
    }
    case "seed":
      expect(1, "one file");
      return { name, file: rest[0]! };
    case "calendar": {
      const [sub, ...files] = rest;
      if (sub === "load" && files.length === 1) return { name: "calendar-load", file: files[0]! };
      if (sub === "list" && files.length === 0) return { name: "calendar-list" };
      throw new UsageError('"calendar" takes "load <file.json>" or "list"');
    }
    case "invite": {
      expect(2, "a role and a district (or department) code");
      const role = rest[0]!;
      if (!(inviteRoles as readonly string[]).includes(role))
        throw new UsageError(`role must be one of ${inviteRoles.join(", ")} (got "${role}")`);
      let hours: number | undefined;
      if (values.hours !== undefined) {
        hours = Number(values.hours);
        if (!/^\d+$/.test(values.hours) || hours < 1 || hours > 24 * 90)
          throw new UsageError(`--hours must be a whole number from 1 to ${24 * 90}`);
      }
      const bot = values.bot?.replace(/^@/, "");
      if (bot !== undefined && !/^[A-Za-z0-9_]{5,32}$/.test(bot))
        throw new UsageError(`--bot must be a Telegram bot username (got "${values.bot}")`);
      return { name, role: role as InviteRole, districtCode: rest[1]!, hours, bot, station: values.station };
    }
    case "export": {
      expect(1, "what to export: cases or events");
      const kind = rest[0]!;
      if (!(exportKinds as readonly string[]).includes(kind))
        throw new UsageError(`export takes ${exportKinds.join(" or ")} (got "${kind}")`);
      for (const option of ["from", "to"] as const) {
        const value = values[option];
        if (value === undefined || !isValidDate(value))
          throw new UsageError(`--${option} must be a date such as 2026-01-31 (got "${value ?? ""}")`);
      }
      return {
        name,
        kind: kind as ExportKind,
        from: values.from!,
        to: values.to!,
        district: values.district,
        withPersonalData: values["with-personal-data"] === true,
      };
    }
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

function districtTree(districts: District[]): string[] {
  const children = new Map<number | null, District[]>();
  for (const d of districts) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const lines: string[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const d of children.get(parentId) ?? []) {
      lines.push(`${"  ".repeat(depth)}${d.code}  ${d.nameZh} / ${d.nameEn}`);
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

/** "2026-12-05 09:30 (Asia/Shanghai)": a time as the operator reads it, in TIME_ZONE. */
function formatLocal(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} (${timeZone})`;
}

function describeError(error: unknown): string {
  if (error instanceof ConfigError)
    return `invalid configuration: ${error.problems.map((p) => `${p.variable} ${p.message}`).join("; ")}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
}

export async function runAdmin(argv: string[], io: AdminIo, deps: AdminDeps = {}): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}`);
    io.err(usage);
    return 2;
  }
  if (command.name === "help") {
    io.out(usage);
    return 0;
  }

  let owned: Database | undefined;
  try {
    // Only asking Telegram for the bot's username (invite without --bot) needs BOT_TOKEN.
    const tokenRequired = command.name === "invite" && !command.bot && !deps.botUsername;
    const config = loadConfig(".env", { tokenRequired });
    let db = deps.db;
    if (!db) {
      await migrate(config.DATABASE_URL);
      owned = db = await createDatabase(config.DATABASE_URL);
      await preparePragmas(db);
    }
    const now = new Date();
    const actor = { kind: "cli" as const, operator: userInfo().username };
    switch (command.name) {
      case "seed": {
        const counts = await seedDirectory(db.prisma, readSeedFile(command.file), now);
        io.out(`districts: ${counts.districts}`);
        io.out(`stations: ${counts.stations}`);
        io.out(`departments: ${counts.departments}`);
        io.out(`categories: ${counts.categories}`);
        break;
      }
      case "invite": {
        // Asked first, so that a failure to reach Telegram leaves no unused invite behind.
        const bot = command.bot ?? deps.botUsername ?? (await botUsernameFromTelegram(config));
        const invite = await createInvite(db.prisma, {
          role: command.role,
          districtCode: command.districtCode,
          stationCode: command.station,
          ttlHours: command.hours ?? config.INVITE_TTL_HOURS,
          now,
        });
        io.out(inviteLink(bot, invite.token));
        const target = invite.department ?? invite.district;
        io.out(
          `${command.role} of ${target.code} ${target.nameZh} / ${target.nameEn}, single use, expires ${formatLocal(invite.expiresAt, config.TIME_ZONE)}`,
        );
        break;
      }
      case "calendar-load": {
        const loaded = readCalendarFile(command.file);
        for (const warning of loaded.warnings) io.err(`warning: ${warning}`);
        await storeCalendarYear(db.prisma, loaded, now);
        const { year, confirmed } = loaded.file;
        io.out(
          `${year}: ${loaded.calendarYear.offDays.length} days off, ${loaded.calendarYear.makeUpWorkingDays.length} make-up working days, ${confirmed ? "confirmed" : "NOT confirmed"} (${loaded.file.source.documentNumber ?? loaded.file.source.title})`,
        );
        break;
      }
      case "calendar-list": {
        const { years, warnings } = await loadWorkingCalendar(db.prisma);
        for (const y of years)
          io.out(
            `${y.year}  ${y.confirmed ? "confirmed" : "NOT confirmed"}  ${y.offDays} days off, ${y.makeUpWorkingDays} make-up working days  ${y.source === "loaded" ? `loaded ${y.loadedAt?.toISOString()}` : "shipped"}`,
          );
        for (const warning of warnings) io.err(`warning: ${warning}`);
        break;
      }
      case "districts": {
        const districts = await db.prisma.district.findMany({ orderBy: { code: "asc" } });
        const lines = districtTree(districts);
        io.out(lines.length > 0 ? lines.join("\n") : "no districts yet (load some with: seed <file.json>)");
        break;
      }
      case "people": {
        const people = await listPeopleWithRoles(db.prisma);
        for (const p of people)
          io.out(
            `${p.telegramId}  ${p.role}  ${p.name}  ${p.districts.join(",") || "-"}  ${p.openCases} open case(s)${p.suspended ? "  SUSPENDED" : ""}`,
          );
        io.out(people.length > 0 ? `${people.length} people with a role` : "nobody holds a role yet");
        break;
      }
      case "remove-role": {
        const { former, handedOver, person } = await removeRole(db, { person: command.person, actor, now });
        io.out(
          `${person.telegramId} is no longer a ${former} (from their next message); ${handedOver} open case(s) handed to the staff covering their districts`,
        );
        break;
      }
      case "suspend": {
        const { handedOver, person } = await suspendPerson(db, { person: command.person, actor, now });
        io.out(
          `${person.telegramId} (${person.role}) is suspended from their next message: no case seen or acted on until resumed; ${handedOver} open case(s) handed to the staff covering their districts`,
        );
        break;
      }
      case "resume": {
        const { person } = await resumePerson(db, { person: command.person, actor, now });
        io.out(`${person.telegramId} (${person.role}) is no longer suspended (from their next message)`);
        break;
      }
      case "audit": {
        const subject = command.person ? await findPerson(db.prisma, command.person) : null;
        if (command.person && !subject) throw new Error("nobody with that Telegram id or username");
        const entries = await listAccessAudit(db.prisma, { subjectId: subject?.id, take: 200 });
        for (const e of entries) {
          const detail = parseAuditDetail(e.detail);
          const what = [
            e.role,
            detail.codes,
            detail.handedOver === undefined ? undefined : `${detail.handedOver} open case(s) handed over`,
            detail.inviteId === undefined ? undefined : `invite #${detail.inviteId}`,
          ].filter(Boolean);
          io.out(
            `${formatLocal(e.createdAt, config.TIME_ZONE)}  ${e.action}  ${e.subjectLabel}  ${what.join(", ")}  by ${e.actorLabel}`,
          );
        }
        io.out(
          entries.length > 0
            ? `${entries.length} entr${entries.length === 1 ? "y" : "ies"}, newest first`
            : "no access changes recorded",
        );
        break;
      }
      case "revoke-invite": {
        if (!(await revokeInvite(db.prisma, { token: command.token, actor, now })))
          throw new Error("no unused, unexpired invite with that token");
        io.out("invite revoked: the link no longer works");
        break;
      }
      case "dead-jobs": {
        const jobs = await listDeadJobs(db);
        for (const job of jobs)
          io.out(
            `#${job.id} ${job.task} ${job.finishedAt?.toISOString() ?? ""} after ${job.attempts} attempt(s): ${job.lastError ?? ""}\n    ${job.payload}`,
          );
        io.out(jobs.length > 0 ? `${jobs.length} dead job(s), newest first` : "no dead jobs");
        break;
      }
      case "export": {
        const period = resolvePeriod(
          { kind: "custom", from: command.from, to: command.to },
          now,
          config.TIME_ZONE,
        );
        const district = command.district ? await findDistrictByCode(db.prisma, command.district) : null;
        if (command.district && !district) throw new Error(`unknown district code "${command.district}"`);
        const operator = userInfo().username;
        if (command.withPersonalData)
          io.err(
            `personal data export by ${operator}: ${command.kind} ${command.from}..${command.to}${district ? ` in ${district.code}` : ""} (recorded)`,
          );
        const rows = await streamExport(
          db,
          {
            kind: command.kind,
            period,
            districtIds: district ? await listDistrictSubtreeIds(db.prisma, district.id) : null,
            districtId: district?.id ?? null,
            withPersonalData: command.withPersonalData,
            operator,
            now,
          },
          deps.output ?? process.stdout,
        );
        io.err(`${rows} ${command.kind} exported`);
        break;
      }
    }
    return 0;
  } catch (error) {
    io.err(`error: ${describeError(error)}`);
    return 1;
  } finally {
    await owned?.close();
  }
}

async function botUsernameFromTelegram(config: {
  BOT_TOKEN: string;
  TELEGRAM_API_ROOT?: string;
}): Promise<string> {
  const api = new Api(
    config.BOT_TOKEN,
    config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
  );
  try {
    const me = await api.getMe();
    return me.username;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot ask Telegram for the bot's username (${reason}); pass --bot <username>`);
  }
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const code = await runAdmin(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
  // grammY's keep-alive sockets would otherwise hold the process open for a while.
  process.exit(code);
}
