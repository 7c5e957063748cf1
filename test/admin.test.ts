import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runAdmin } from "../src/admin.js";
import { redeemInvite } from "../src/db/queries/invites.js";
import { ensureBuilt, nodeScript } from "./helpers/build.js";
import { createTestDatabase, type TestDatabase, testDialects } from "./helpers/database.js";

const exampleFile = "prisma/seeds/example-county.json";
const botToken = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe("admin command line without a database", () => {
  it("exits with 2 and prints usage on stderr for an unknown command", async () => {
    const { io, out, err } = capture();
    expect(await runAdmin(["frobnicate"], io)).toBe(2);
    expect(err.join("\n")).toContain('unknown command "frobnicate"');
    expect(err.join("\n")).toContain("Usage:");
    expect(out).toEqual([]);
  });

  it("exits with 2 for an invite role that does not exist", async () => {
    const { io, err } = capture();
    expect(await runAdmin(["invite", "mayor", "QS"], io)).toBe(2);
    expect(err[0]).toContain("role must be one of representative, staff, department");
  });

  it("prints usage on stdout and exits with 0 for help", async () => {
    const { io, out } = capture();
    expect(await runAdmin(["help"], io)).toBe(0);
    expect(out.join("\n")).toContain("invite <representative|staff> <district>");
  });
});

describe.each(testDialects)("admin command line on %s", (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    vi.stubEnv("BOT_TOKEN", botToken);
    db = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await db.drop();
  });

  it("seed prints the number of entries of each kind", async () => {
    const { io, out } = capture();
    expect(await runAdmin(["seed", exampleFile], io, { db })).toBe(0);
    expect(out).toEqual(["districts: 15", "stations: 4", "departments: 10", "categories: 9"]);
  });

  it("seed of an invalid file exits with 1 and names the file on one line", async () => {
    const { io, err } = capture();
    expect(await runAdmin(["seed", "package.json"], io, { db })).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: invalid seed file package\.json: /);
  });

  it("invite prints a t.me link whose token makes the redeemer a representative", async () => {
    await runAdmin(["seed", exampleFile], capture().io, { db });
    const { io, out } = capture();
    expect(await runAdmin(["invite", "representative", "QS-CG", "--bot", "qs_liaison_bot"], io, { db })).toBe(
      0,
    );
    const token = out[0]?.match(/^https:\/\/t\.me\/qs_liaison_bot\?start=inv_([A-Za-z0-9_-]{24})$/)?.[1];
    expect(token).toBeDefined();
    const now = new Date();
    const user = await db.prisma.user.create({ data: { telegramId: 42n, createdAt: now, updatedAt: now } });
    const result = await redeemInvite(db.prisma, { token: token!, userId: user.id, now });
    expect(result).toMatchObject({ ok: true, role: "representative", district: { code: "QS-CG" } });
  });

  it("invite sets the expiry from --hours", async () => {
    await runAdmin(["seed", exampleFile], capture().io, { db });
    const before = Date.now();
    await runAdmin(["invite", "staff", "QS", "--hours", "5"], capture().io, {
      db,
      botUsername: "qs_liaison_bot",
    });
    const invite = await db.prisma.invite.findFirstOrThrow();
    expect(invite.expiresAt.getTime() - before).toBeGreaterThanOrEqual(5 * 3_600_000);
    expect(invite.expiresAt.getTime() - before).toBeLessThan(5 * 3_600_000 + 60_000);
  });

  it("invite for an unknown district exits with 1 naming the code", async () => {
    const { io, err } = capture();
    expect(await runAdmin(["invite", "staff", "NOPE", "--bot", "qs_liaison_bot"], io, { db })).toBe(1);
    expect(err).toEqual(['error: unknown district code "NOPE"']);
  });

  it("districts prints the tree indented, with codes and both names", async () => {
    await runAdmin(["seed", exampleFile], capture().io, { db });
    const { io, out } = capture();
    expect(await runAdmin(["districts"], io, { db })).toBe(0);
    const lines = out.join("\n").split("\n");
    expect(lines[0]).toBe("QS  青山县 / Qingshan County");
    expect(lines[1]).toBe("  QS-BS  白沙镇 / Baisha Town");
    expect(lines[2]).toBe("    QS-BS-BS  白沙村 / Baisha Village");
    expect(lines).toHaveLength(15);
  });
});

describe("admin invite without --bot", () => {
  let server: Server;
  let db: TestDatabase;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await db.drop();
    await new Promise((resolve) => server.close(resolve));
  });

  it("asks Telegram's getMe at TELEGRAM_API_ROOT for the bot username", async () => {
    const paths: string[] = [];
    server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          ok: true,
          result: { id: 123456, is_bot: true, first_name: "Bot", username: "fake_api_bot" },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    vi.stubEnv("BOT_TOKEN", botToken);
    vi.stubEnv("TELEGRAM_API_ROOT", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    db = await createTestDatabase("sqlite");
    await runAdmin(["seed", exampleFile], capture().io, { db });
    const { io, out } = capture();
    expect(await runAdmin(["invite", "staff", "QS"], io, { db })).toBe(0);
    expect(out[0]).toMatch(/^https:\/\/t\.me\/fake_api_bot\?start=inv_/);
    expect(paths).toEqual([`/bot${botToken}/getMe`]);
  });
});

// What `npm run admin -- …` runs: node on the compiled build (dist/admin.js).
describe("the real admin process", () => {
  beforeAll(() => ensureBuilt(), 180_000);
  const run = promisify(execFile);
  const admin = () => nodeScript("admin").args;
  const dbPath = join(tmpdir(), `admin-cli-${process.pid}-${Date.now()}.db`);
  afterEach(() => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  });

  function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    const { BOT_TOKEN: _token, DATABASE_URL: _url, TELEGRAM_API_ROOT: _root, ...env } = process.env;
    return { ...env, ...extra };
  }

  it("seeds the example file into a fresh SQLite database and prints the counts", async () => {
    const { stdout } = await run(process.execPath, [...admin(), "seed", exampleFile], {
      env: childEnv({ DATABASE_URL: `file:${dbPath}`, BOT_TOKEN: botToken }),
    });
    expect(stdout.trim().split("\n")).toEqual([
      "districts: 15",
      "stations: 4",
      "departments: 10",
      "categories: 9",
    ]);
  });

  it("seeds, lists districts and prints an invite --bot without BOT_TOKEN, expiry in TIME_ZONE", async () => {
    const env = childEnv({ DATABASE_URL: `file:${dbPath}`, TIME_ZONE: "Asia/Shanghai" });
    const cli = (...args: string[]) =>
      run(process.execPath, [...admin(), ...args], { env }).then((r) => r.stdout);
    expect(await cli("seed", exampleFile)).toContain("districts: 15");
    expect(await cli("districts")).toContain("QS-CG-DM");
    const invite = await cli("invite", "staff", "QS", "--bot", "qs_liaison_bot");
    expect(invite).toMatch(/^https:\/\/t\.me\/qs_liaison_bot\?start=inv_/);
    expect(invite).toMatch(/expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Shanghai\)/);
  });

  it("exits with 1 and names BOT_TOKEN when an invite must ask Telegram for the bot's name", async () => {
    const failure = await run(process.execPath, [...admin(), "invite", "staff", "QS"], {
      env: childEnv({ DATABASE_URL: `file:${dbPath}` }),
    }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/invalid configuration: BOT_TOKEN /);
  });
});
