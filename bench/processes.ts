// The bot as production runs it, in processes of its own against a fake Bot API in this
// process: the memory of `npm start`'s process tree (npm and node on the build in dist/)
// idle and after a /start flood, beside a bare grammY bot's (bench/bare-bot.mjs); and
// webhook mode with one and with two instances on one PostgreSQL database, Telegram's
// deliveries spread over them as a load balancer would. Needs `npm run build` (run on install).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TelegramUser } from "../src/sandbox/bot-api/chats.js";
import { nodeScript } from "../test/helpers/build.js";
import { createTestDatabase } from "../test/helpers/database.js";
import { FakeBotApi } from "../test/helpers/fake-bot-api.js";

const root = new URL("..", import.meta.url).pathname;
const MiB = 1024 * 1024;

/** `pid` and all its descendants, from /proc (the processes alive now). */
function treePids(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const pids: number[] = [];
  const walk = (p: number) => {
    pids.push(p);
    for (const child of children.get(p) ?? []) walk(child);
  };
  walk(pid);
  return pids;
}

/** Resident memory of a process and all its descendants (the sum of their VmRSS), in bytes. */
export function treeRss(pid: number): number {
  return treePids(pid).reduce((total, p) => total + ownRss(p), 0);
}

/**
 * Proportional memory of a process and its descendants (the sum of each one's Pss from
 * /proc/<pid>/smaps_rollup), in bytes: each shared page is split among all the processes
 * that map it (proc(5)), so the node binary's pages, mapped by npm and the bot, are not
 * counted in full twice as in the RSS sum; but other node processes on the machine (the
 * bench's own included) take shares too, so the figure falls a little as more run.
 */
export function treePss(pid: number): number {
  let total = 0;
  for (const p of treePids(pid)) {
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"));
      total += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** Resident memory of the process `pid` alone, in bytes (0 when it has ended). */
export function ownRss(pid: number): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return rss ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function launch(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function people(count: number, first: number): TelegramUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: first + i,
    is_bot: false,
    first_name: `U${i}`,
    language_code: "zh-hans",
  }));
}

export interface MemoryResult {
  label: string;
  /** Resident memory (the sum of VmRSS over the process tree), idle and after the flood, MiB. */
  idleMiB: number;
  afterFloodMiB: number;
  /** The same tree's proportional memory (shared pages counted once), MiB. */
  idlePssMiB: number;
  afterFloodPssMiB: number;
  /** npm's own share of the idle tree (the bot under `npm start`: npm waits on node); 0 otherwise. */
  npmIdleMiB: number;
  floodSeconds: number;
}

export type MemoryKind = "bare" | "npm" | "node";

const memoryLabels: Record<MemoryKind, string> = {
  bare: "bare grammY bot (node bench/bare-bot.mjs)",
  npm: "npm start (npm, exec node … dist/main.js)",
  node: "node … dist/main.js alone (as a service manager runs it)",
};

/**
 * Idle and after-flood memory of a process tree (RSS sum and PSS sum, from /proc), polling
 * against a fake Bot API, `users` new users sending /start: the bare bot, the bot under
 * `npm start`, or the bot's node process launched directly with the start script's flags.
 */
export async function benchMemory(kind: MemoryKind, users: number): Promise<MemoryResult> {
  const fake = await FakeBotApi.start();
  const dir = mkdtempSync(join(tmpdir(), "liaison-bench-"));
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const botEnv = {
    ...env,
    DATABASE_URL: `file:${join(dir, "bot.db")}`,
    LOG_LEVEL: "warn",
    SEND_RATE_PER_SECOND: "1000",
  };
  const start = nodeScript("start");
  const child =
    kind === "npm"
      ? launch("npm", ["start", "--silent"], botEnv)
      : kind === "node"
        ? launch(process.execPath, start.args, { ...start.env, ...botEnv })
        : // The start script's environment (MALLOC_ARENA_MAX) for the reference too, as one deployment would give both.
          launch(process.execPath, ["bench/bare-bot.mjs"], { ...start.env, ...env });
  try {
    // Started: it has asked for updates (the bot after its migrations and command menu).
    await fake.waitFor((calls) => calls.some((c) => c.method === "getUpdates"), 60_000);
    await sleep(5000);
    const idle = treeRss(child.pid!);
    const idlePss = treePss(child.pid!);
    const npmIdle = kind === "npm" ? ownRss(child.pid!) : 0;
    let last = 0;
    for (const user of people(users, 6_000_000)) last = fake.client.send(user, { text: "/start" }).updateId;
    const started = performance.now();
    await fake.state.updates.handled(last, 600_000);
    const floodSeconds = (performance.now() - started) / 1000;
    await sleep(2000);
    return {
      label: memoryLabels[kind],
      idleMiB: idle / MiB,
      idlePssMiB: idlePss / MiB,
      npmIdleMiB: npmIdle / MiB,
      afterFloodMiB: treeRss(child.pid!) / MiB,
      afterFloodPssMiB: treePss(child.pid!) / MiB,
      floodSeconds,
    };
  } finally {
    await stop(child);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line of a memory result, for the bench's output. */
export function memoryLine(r: MemoryResult, users: number): string {
  const mib = (n: number) => n.toFixed(0);
  return `${r.label}: RSS ${mib(r.idleMiB)} MiB idle${r.npmIdleMiB ? ` (npm itself ${mib(r.npmIdleMiB)})` : ""}, ${mib(r.afterFloodMiB)} MiB after ${users} /start (${r.floodSeconds.toFixed(1)} s); PSS ${mib(r.idlePssMiB)} / ${mib(r.afterFloodPssMiB)} MiB`;
}

export interface WebhookResult {
  instances: number;
  updates: number;
  seconds: number;
  perSecond: number;
  /** The share of the machine's CPU time (all cores, from /proc/stat) busy during the run, 0–1. */
  machineBusy: number;
  /** The instances' own CPU time during the run, in cores (1 = one core for the whole run). */
  instanceCores: number;
}

/** The machine's busy and total CPU time so far, in clock ticks (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Clock ticks per second (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used (user + system), in clock ticks (/proc/<pid>/stat). */
function processTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** The webhook comparison as one line: rates, their ratio, and how busy the machine was. */
export function webhookLine(one: WebhookResult, two: WebhookResult): string {
  const busy = (r: WebhookResult) =>
    `machine ${(r.machineBusy * 100).toFixed(0)} % busy, the bot ${r.instanceCores.toFixed(2)} cores`;
  return `webhook mode on PostgreSQL: one instance ${one.perSecond.toFixed(0)} updates/s (${busy(one)}), two ${two.perSecond.toFixed(0)}/s (${busy(two)}) = ${(two.perSecond / one.perSecond).toFixed(2)}×`;
}

const SECRET = "bench-secret";

/** `instances` webhook-mode bots on one fresh PostgreSQL database; `users` /start updates posted. */
export async function benchWebhook(instances: number, users: number, inFlight = 40): Promise<WebhookResult> {
  const fake = await FakeBotApi.start();
  const db = await createTestDatabase("postgresql", { seeded: true });
  const ports = Array.from({ length: instances }, (_, i) => 18_500 + i + Math.floor(Math.random() * 500) * 4);
  const start = nodeScript("start");
  const children = ports.map((port) =>
    launch(process.execPath, start.args, {
      ...start.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: db.url,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "warn",
      SEND_RATE_PER_SECOND: "1000",
      SEND_INSTANCES: String(instances),
    }),
  );
  try {
    for (const port of ports) {
      for (let ready = false; !ready; ) {
        ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await sleep(250);
      }
    }
    // What Telegram would post: one update per new user, spread over the instances in turn.
    const updates = people(users, 7_000_000).map((user, i) => ({
      update_id: 10_000 + i,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: "private", first_name: user.first_name },
        from: user,
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    }));
    let next = 0;
    let failed = 0;
    const started = performance.now();
    const machineBefore = machineTicks();
    const instancesBefore = children.reduce((sum, child) => sum + processTicks(child.pid!), 0);
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < updates.length) {
          const i = next++;
          const port = ports[i % ports.length]!;
          const response = await fetch(`http://127.0.0.1:${port}/hook`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
            body: JSON.stringify(updates[i]),
          });
          if (response.status !== 200) failed++;
          await response.arrayBuffer();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (failed > 0) throw new Error(`${failed} webhook deliveries were not answered 200`);
    const machineAfter = machineTicks();
    const instanceTicks =
      children.reduce((sum, child) => sum + processTicks(child.pid!), 0) - instancesBefore;
    return {
      instances,
      updates: users,
      seconds,
      perSecond: users / seconds,
      machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
      instanceCores: instanceTicks / TICKS_PER_SECOND / seconds,
    };
  } finally {
    await Promise.all(children.map(stop));
    await fake.close();
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const users = Number(process.argv[2] ?? 2000);
  // BENCH_MEMORY_KINDS="" measures the webhook instances only.
  const kinds = (process.env.BENCH_MEMORY_KINDS ?? "bare,npm,node")
    .split(",")
    .filter(Boolean) as MemoryKind[];
  for (const kind of kinds) console.log(memoryLine(await benchMemory(kind, users), users));
  if (process.env.BENCH_NO_WEBHOOK) process.exit(0);
  const one = await benchWebhook(1, users);
  const two = await benchWebhook(2, users);
  console.log(webhookLine(one, two));
  process.exit(0);
}
