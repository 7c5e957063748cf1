// Latency of case messages (issue 12), through the real bot — polling intake, worker, pacer at
// the production rate (SEND_RATE_PER_SECOND, 25 unless the variable says otherwise) — on a
// seeded database, against the fake Bot API in this process:
//   (a) a citizen's Submit tap (the callback query made available to getUpdates) → the
//       deputy's new-case notice accepted by the fake;
//   (b) a deputy's Send under the reply's confirmation → the citizen's copy accepted;
// p50/p95/p99 over N cases, first with the queue otherwise idle, then while a 10,000-recipient
// broadcast is being sent (its citizens written to the database as setup; the broadcast is
// queued as /broadcast queues it and sent by the worker). Cases run in lanes (3 unless
// BENCH_LATENCY_LANES says otherwise), each a district with its own deputy and a new citizen
// per case, the lanes spread over time and each citizen hesitating a random while before
// Submit; everyone reads a message for a second before reacting to it, so Telegram's one
// message per second per chat is not what is measured. Each citizen's description up to the
// Submit button is setup, typed beforehand through a second instance of the bot with the
// pacer lifted (the sessions and chats are the measured bot's). The reference is a bare grammY bot on its own fake in the same run: a button tap
// made available → its sendMessage accepted, one at a time.
// Alone: `npx tsx bench/latency.ts [cases] [recipients]` (BENCH_DIALECTS=sqlite,postgresql).
import { performance } from "node:perf_hooks";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../src/bot/i18n.js";
import { allowedUpdates, createPoller } from "../src/bot/intake/polling.js";
import type { Dialect } from "../src/db/client.js";
import { createBroadcast } from "../src/db/queries/broadcasts.js";
import { createLogger } from "../src/logger.js";
import type { TelegramUser } from "../src/sandbox/bot-api/chats.js";
import { FakeBotApi } from "../test/helpers/fake-bot-api.js";
import { addCitizens, addPerson } from "../test/helpers/people.js";
import { startTestApp, stopTestApp, type TestApp } from "../test/helpers/test-app.js";
import { People } from "./latency-people.js";

const i18n = createI18n("zh-CN");
const t = (key: string) => i18n.t("zh-CN", key);

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles of `samples` (milliseconds). */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
}

export interface PhaseResult {
  submit: Percentiles;
  reply: Percentiles;
  seconds: number;
  /** The share of the phase this process's event loop was busy (bot, fake Bot API and people alike). */
  eventLoopBusy: number;
  /** Broadcast messages accepted while the phase's cases ran, and those still unsent at its end. */
  broadcastSent?: number;
  broadcastLeft?: number;
}

export interface LatencyResult {
  dialect: Dialect;
  rate: string;
  lanes: number;
  reference: Percentiles;
  idle: PhaseResult;
  broadcast: PhaseResult;
}

/** About one case's time in a lane (two readings of a message and the steps), and the most a citizen hesitates before Submit. */
const CYCLE_MS = 2500;
const THINK_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DEPUTIES = 7_000_000;
const CITIZENS = 7_100_000;
const RECIPIENTS = 8_000_000;

/** The reference: a bare grammY bot answering a tap with one sendMessage, `count` taps one at a time. */
export async function bareTapLatency(count: number): Promise<Percentiles> {
  const fake = await FakeBotApi.start();
  const bot = new Bot(fake.token, {
    botInfo: fake.botInfo as UserFromGetMe,
    client: { apiRoot: fake.apiRoot },
  });
  bot.command("start", (ctx) =>
    ctx.reply("hi", { reply_markup: { inline_keyboard: [[{ text: "tap", callback_data: "t" }]] } }),
  );
  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply("answer");
  });
  void bot.start({ allowed_updates: [...allowedUpdates] });
  const people = new People(fake);
  const user = People.user(DEPUTIES - 1);
  try {
    await people.say(user, "/start");
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const answered = people.nextMessage(user.id, (text) => text === "answer");
      const tap = people.tap(user, "tap");
      samples.push((await answered).at - tap.at);
      await tap.handled;
    }
    return percentiles(samples);
  } finally {
    await bot.stop();
    await fake.close();
  }
}

interface Lane {
  deputy: TelegramUser;
  citizens: TelegramUser[];
}

/** The case's number in the bench, in its text: the citizen's place in the list. */
const caseMark = (citizen: TelegramUser) => `〔${citizen.id - CITIZENS}〕`;

/** Setup: the citizen describes a case (/new, the text, 描述完成, no category) up to its Submit button. */
async function describe(people: People, citizen: TelegramUser): Promise<void> {
  const n = citizen.id - CITIZENS;
  await people.say(citizen, "/new");
  await people.say(
    citizen,
    `${caseMark(citizen)}${n % 7}号楼门口的路灯坏了${(n % 5) + 2}天,晚上出行很不方便,请尽快处理。`,
  );
  await people.tap(citizen, t("button-done-describing")).handled;
  await people.tap(citizen, t("button-skip-category")).handled;
  if (people.button(citizen, t("button-metoo-skip")))
    await people.tap(citizen, t("button-metoo-skip")).handled;
  if (!people.button(citizen, t("button-submit"))) throw new Error(`no Submit button for ${citizen.id}`);
}

/** One measured case: the citizen submits it, the deputy replies to the notice and sends it. */
async function runCase(people: People, lane: Lane, citizen: TelegramUser, thinkMs: number) {
  // (a) Submit → the deputy's notice (the deputy's chat has been quiet for a second).
  await people.read(lane.deputy.id);
  await sleep(thinkMs);
  const notice = people.nextMessage(lane.deputy.id, (text) => text.includes(caseMark(citizen)));
  const submit = people.tap(citizen, t("button-submit"));
  const noticed = await notice;
  await submit.handled;
  // (b) The deputy reads it, swipe-replies, and confirms with Send → the citizen's copy.
  await people.read(lane.deputy.id);
  const answer = `已收到${caseMark(citizen)},明天上午派人来修。`;
  await people.say(lane.deputy, answer, noticed.messageId);
  await people.read(citizen.id);
  const copy = people.nextMessage(citizen.id, (text) => text.includes(answer));
  const send = people.tap(lane.deputy, t("button-confirm-send"));
  const copied = await copy;
  await send.handled;
  return { submit: noticed.at - submit.at, reply: copied.at - send.at };
}

async function runPhase(people: People, lanes: Lane[]): Promise<PhaseResult> {
  const submit: number[] = [];
  const reply: number[] = [];
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  // Lanes start spread over a cycle, and each citizen thinks a random while before Submit,
  // so that the cases do not arrive in lockstep (a fixed seed: the same run every time).
  let seed = 12;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  await Promise.all(
    lanes.map(async (lane, l) => {
      await sleep((l * CYCLE_MS) / lanes.length);
      for (const citizen of lane.citizens) {
        const r = await runCase(people, lane, citizen, random() * THINK_MS);
        submit.push(r.submit);
        reply.push(r.reply);
      }
    }),
  );
  return {
    submit: percentiles(submit),
    reply: percentiles(reply),
    seconds: (performance.now() - started) / 1000,
    eventLoopBusy: performance.eventLoopUtilization(loop).utilization,
  };
}

/** Setup through a second instance of the bot with the pacer lifted: every case described. */
async function describeAll(test: TestApp, lanes: Lane[]): Promise<void> {
  const setup = await startTestApp({
    share: { fake: test.fake, db: test.db },
    env: { SEND_RATE_PER_SECOND: "1000" },
  });
  const poller = createPoller({
    api: setup.app.bot.api,
    process: setup.app.processUpdate,
    logger: createLogger("silent"),
  });
  await poller.start();
  try {
    const people = new People(test.fake);
    const citizens = lanes.flatMap((lane) => lane.citizens);
    const next = citizens.values();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let c = next.next(); !c.done; c = next.next()) await describe(people, c.value);
      }),
    );
  } finally {
    await poller.stop();
    await stopTestApp(setup);
  }
}

/** `count` districts under 白沙镇, each with one deputy (who has accepted the staff notice). */
async function addLanes(test: TestApp, count: number, casesPerLane: number, firstCitizen: number) {
  const { prisma } = test.db;
  const parent = await prisma.district.findUniqueOrThrow({ where: { code: "QS-BS" } });
  const now = new Date();
  const lanes: Lane[] = [];
  for (let l = 0; l < count; l++) {
    const code = `QS-BS-L${firstCitizen}-${l}`;
    const district = await prisma.district.create({
      data: {
        code,
        nameZh: `测试村${l}`,
        nameEn: `Lane ${l}`,
        level: "village",
        parentId: parent.id,
        createdAt: now,
      },
    });
    await prisma.district.update({
      where: { id: district.id },
      data: { path: `${parent.path}${district.id}/` },
    });
    const deputyId = DEPUTIES + firstCitizen + l;
    const deputy = await addPerson(prisma, deputyId, { role: "representative" });
    await prisma.user.update({ where: { id: deputy }, data: { staffNoticeAt: now } });
    await prisma.representativeAssignment.create({
      data: { userId: deputy, districtId: district.id, createdAt: now },
    });
    const first = CITIZENS + firstCitizen + l * casesPerLane;
    await addCitizens(prisma, first, casesPerLane, code);
    lanes.push({
      deputy: People.user(deputyId),
      citizens: Array.from({ length: casesPerLane }, (_, i) => People.user(first + i)),
    });
  }
  return lanes;
}

/** The real bot on `dialect`: `cases` cases idle, then `cases` while a broadcast to `recipients` is sent. */
export async function benchLatency(
  dialect: Dialect,
  cases: number,
  recipients: number,
  lanesCount: number,
  reference: Percentiles,
): Promise<LatencyResult> {
  const rate = process.env.SEND_RATE_PER_SECOND ?? "25";
  // Production pacing: `rate` overall and Telegram's one message a second per chat (which
  // test apps otherwise lift).
  const test = await startTestApp({
    dialect,
    env: { SEND_RATE_PER_SECOND: rate, SEND_PER_CHAT_PER_SECOND: "1" },
  });
  const { app, fake, db } = test;
  const casesPerLane = Math.ceil(cases / lanesCount);
  const idleLanes = await addLanes(test, lanesCount, casesPerLane, 0);
  const busyLanes = await addLanes(test, lanesCount, casesPerLane, 500_000);
  await addCitizens(db.prisma, RECIPIENTS, recipients, "QS-SQ-SQ");
  const sender = await addPerson(db.prisma, RECIPIENTS - 1, { role: "admin" });
  await describeAll(test, [...idleLanes, ...busyLanes]);
  const people = new People(fake);
  const poller = createPoller({
    api: app.bot.api,
    process: app.processUpdate,
    logger: createLogger("silent"),
  });
  app.worker.start();
  await poller.start();
  const broadcastSends = () => fake.sent.filter((c) => Number(c.payload.chat_id) >= RECIPIENTS).length;
  try {
    const idle = await runPhase(people, idleLanes);
    const district = await db.prisma.district.findUniqueOrThrow({ where: { code: "QS-SQ" } });
    await createBroadcast(
      db,
      {
        createdById: sender,
        audience: "district_citizens",
        districtId: district.id,
        text: "停水通知:明天上午9点至下午5点,石桥镇全镇停水检修,请提前储水。",
        entities: [],
        mediaKind: null,
        mediaFileId: null,
        scheduledAt: null,
        progressChatId: BigInt(RECIPIENTS - 1),
      },
      new Date(),
    );
    app.worker.wake();
    // The broadcast is under way (its recipients fixed, its messages queued and going out).
    while (broadcastSends() < Math.min(50, Math.ceil(recipients / 10))) await sleep(100);
    const sentBefore = broadcastSends();
    const busy = await runPhase(people, busyLanes);
    const broadcastSent = broadcastSends() - sentBefore;
    const broadcastLeft = recipients - broadcastSends();
    // (A getUpdates may meet a 409 when the setup instance hands polling over.)
    const failed = fake.calls.filter((c) => c.failed && c.method !== "getUpdates").length;
    if (failed > 0)
      throw new Error(
        `${failed} Bot API calls failed: ${JSON.stringify(fake.calls.find((c) => c.failed && c.method !== "getUpdates"))}`,
      );
    return {
      dialect,
      rate,
      lanes: lanesCount,
      reference,
      idle,
      broadcast: { ...busy, broadcastSent, broadcastLeft },
    };
  } finally {
    await poller.stop();
    await stopTestApp(test);
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** The lines `npm run bench` prints for one result. */
export function latencyLines(r: LatencyResult): string[] {
  const ref = r.reference;
  const row = (label: string, p: Percentiles) =>
    `  ${label}: p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)} (n=${p.n}); p95 = ${(p.p95 / ref.p95).toFixed(1)}× the bare bot's p95`;
  const b = r.broadcast;
  return [
    `${r.dialect}, SEND_RATE_PER_SECOND=${r.rate}${r.rate === "25" ? " (the production default)" : ""} (one send every ${ms(1000 / Number(r.rate))}), ${r.lanes} lanes; reference: a bare grammY bot's tap → answer p50 ${ms(ref.p50)}, p95 ${ms(ref.p95)}, p99 ${ms(ref.p99)}`,
    `  queue otherwise idle (${r.idle.submit.n} cases in ${r.idle.seconds.toFixed(0)} s; this process's event loop busy ${Math.round(r.idle.eventLoopBusy * 100)} %):`,
    row("  Submit → deputy's notice", r.idle.submit),
    row("  Send → citizen's copy", r.idle.reply),
    `  during the broadcast (${b.submit.n} cases in ${b.seconds.toFixed(0)} s; event loop busy ${Math.round(b.eventLoopBusy * 100)} %; ${b.broadcastSent} broadcast messages sent meanwhile, ${b.broadcastLeft} still unsent at the end):`,
    row("  Submit → deputy's notice", b.submit),
    row("  Send → citizen's copy", b.reply),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv[2] ?? 1000);
  const recipients = Number(process.argv[3] ?? 10_000);
  const lanes = Number(process.env.BENCH_LATENCY_LANES ?? 3);
  const dialects = (process.env.BENCH_DIALECTS ?? "sqlite,postgresql").split(",") as Dialect[];
  const reference = await bareTapLatency(200);
  for (const dialect of dialects)
    for (const line of latencyLines(await benchLatency(dialect, cases, recipients, lanes, reference)))
      console.log(line);
  process.exit(0);
}
