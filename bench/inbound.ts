// Inbound throughput: updates per second the bot handles through its real polling intake with
// full persistence (claim, user, session, the handler's writes), against a bare grammY bot that
// makes the same Bot API calls without any storage, on the same fake Bot API, in the same run.
// Two floods: 2,000 new users sending /start, and 2,000 citizens tapping "I'll come" under
// one activity announcement. Run alone (`npm run bench`, or `npx tsx bench/inbound.ts [users]`).

import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { activityRsvpData } from "../src/bot/callback-data.js";
import { createI18n } from "../src/bot/i18n.js";
import { allowedUpdates, createPoller } from "../src/bot/intake/polling.js";
import { rsvpKeyboard } from "../src/bot/keyboards/activities.js";
import { privacyKeyboard } from "../src/bot/keyboards/privacy.js";
import type { Dialect } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import type { TelegramUser } from "../src/sandbox/bot-api/chats.js";
import { FakeBotApi } from "../test/helpers/fake-bot-api.js";
import { startTestApp, stopTestApp } from "../test/helpers/test-app.js";
import { percentiles } from "./latency.js";

export type FloodKind = "start" | "rsvp";

export interface FloodResult {
  updates: number;
  seconds: number;
  perSecond: number;
}

const FIRST_USER = 5_000_000;
const i18n = createI18n("zh-CN");
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("zh-CN", key, vars);

function users(count: number): TelegramUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: FIRST_USER + i,
    is_bot: false,
    first_name: `U${i}`,
    language_code: "zh-hans",
  }));
}

/** The announcement every user taps: one bot message with the RSVP keyboard in each chat. */
function plantAnnouncement(fake: FakeBotApi, user: TelegramUser, activityId: number): number {
  const chat = fake.state.chats.openPrivate(user);
  chat.started = true;
  const messageId = fake.state.chats.nextMessageId(chat);
  fake.state.chats.add(chat, {
    fromBot: true,
    message: {
      message_id: messageId,
      from: fake.botInfo,
      chat: chat.chat,
      date: Math.floor(Date.now() / 1000),
      text: "activity",
      reply_markup: rsvpKeyboard(t, activityId, false, true) as never,
    },
  });
  return messageId;
}

/** Queues the flood's updates (before the clock starts) and returns the last update_id. */
function queueFlood(fake: FakeBotApi, kind: FloodKind, people: TelegramUser[], activityId: number): number {
  let last = 0;
  const data = activityRsvpData.pack({ answer: "g", activityId });
  for (const user of people) {
    if (kind === "start") last = fake.client.send(user, { text: "/start" }).updateId;
    else last = fake.client.press(user, plantAnnouncement(fake, user, activityId), data).updateId;
  }
  // Telegram drops an answer after 15 s; a queued flood of taps takes longer than that to drain,
  // so the fake forgets the queries and (not strict) accepts every answer, for both bots alike.
  fake.state.callbackQueries.clear();
  return last;
}

async function timeUntilHandled(fake: FakeBotApi, last: number, count: number, start: () => Promise<void>) {
  const started = performance.now();
  await start();
  await fake.state.updates.handled(last, 600_000);
  const seconds = (performance.now() - started) / 1000;
  return { updates: count, seconds, perSecond: count / seconds };
}

/** A bare grammY bot (its own polling, no storage) making the bot's Bot API calls for the flood. */
export async function floodBare(kind: FloodKind, count: number): Promise<FloodResult> {
  const fake = await FakeBotApi.start();
  const bot = new Bot(fake.token, {
    botInfo: fake.botInfo as UserFromGetMe,
    client: { apiRoot: fake.apiRoot },
  });
  bot.command("start", (ctx) =>
    ctx.reply(t("privacy-notice"), { parse_mode: "HTML", reply_markup: privacyKeyboard(t) }),
  );
  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: rsvpKeyboard(t, 1, true, true) }).catch(() => undefined);
    await ctx.reply(t("activity-rsvp-going", { title: "T", time: "10:00", going: 1 }), {
      parse_mode: "HTML",
    });
  });
  const last = queueFlood(fake, kind, users(count), 1);
  try {
    return await timeUntilHandled(fake, last, count, async () => {
      void bot.start({ allowed_updates: [...allowedUpdates] });
    });
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/** An activity announced in 东门社区, open for answers, without a capacity. */
async function announcedActivity(prisma: Awaited<ReturnType<typeof startTestApp>>["db"]["prisma"]) {
  const district = await prisma.district.findFirstOrThrow({ where: { code: "QS-CG-DM" } });
  const now = new Date();
  const staff = await prisma.user.create({
    data: { telegramId: 4_999_999n, firstName: "Staff", role: "staff", createdAt: now, updatedAt: now },
  });
  const activity = await prisma.activity.create({
    data: {
      kind: "reception",
      title: "接待日",
      startsAt: new Date(now.getTime() + 7 * 86_400_000),
      place: "站里",
      districtId: district.id,
      status: "published",
      createdById: staff.id,
      createdAt: now,
      updatedAt: now,
    },
  });
  return { activity, district };
}

/**
 * BENCH_SEND_RATE: the pacer's rate for the bot's floods, sends per second: the issue's 1,000
 * unless set (Telegram's ceiling; test apps' default); 100000 lifts it altogether (allowed
 * against a fake Bot API only).
 */
export function floodSendRate(): string {
  return process.env.BENCH_SEND_RATE ?? "1000";
}

/** The real bot: createApp on a fresh seeded database, the production poller, full persistence. */
export async function floodReal(dialect: Dialect, kind: FloodKind, count: number): Promise<FloodResult> {
  const test = await startTestApp({ dialect, env: { SEND_RATE_PER_SECOND: floodSendRate() } });
  const { app, fake, db } = test;
  const people = users(count);
  let activityId = 0;
  if (kind === "rsvp") {
    const { activity, district } = await announcedActivity(db.prisma);
    activityId = activity.id;
    const now = new Date();
    // Citizens who have consented and live in the district (the users an announcement reaches).
    for (let i = 0; i < people.length; i += 500)
      await db.prisma.user.createMany({
        data: people.slice(i, i + 500).map((u) => ({
          telegramId: BigInt(u.id),
          firstName: u.first_name,
          locale: "zh-CN",
          districtId: district.id,
          consentedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      });
  }
  const last = queueFlood(fake, kind, people, activityId);
  const poller = createPoller({
    api: app.bot.api,
    process: app.processUpdate,
    logger: createLogger("silent"),
  });
  try {
    const result = await timeUntilHandled(fake, last, count, () => poller.start());
    const failed = fake.calls.filter((c) => c.failed).length;
    if (failed > 0)
      throw new Error(
        `${failed} Bot API calls failed during the flood: ${JSON.stringify(fake.calls.find((c) => c.failed))}`,
      );
    return result;
  } finally {
    await poller.stop();
    await stopTestApp(test);
  }
}

/** BENCH_INBOUND_ROUNDS: how many rounds compareFloods runs (a whole number, 3 unless set). */
export function inboundRounds(): number {
  return Math.max(1, Math.floor(Number(process.env.BENCH_INBOUND_ROUNDS ?? 3)) || 3);
}

export interface FloodComparison {
  kind: FloodKind;
  dialect: Dialect;
  /** Each round's bot and bare rates (updates/s), the bare bot measured right before the bot. */
  rounds: { bot: number; bare: number }[];
  /** The median (nearest rank) of the rounds' bot/bare ratios. */
  ratio: number;
}

/**
 * The bot against the bare bot, `rounds` times in turn (per dialect: the bare bot, then the bot),
 * so that a ratio compares runs seconds apart on a machine whose speed drifts; the median of
 * the rounds' ratios is the figure.
 */
export async function compareFloods(
  kind: FloodKind,
  count: number,
  dialects: Dialect[],
  rounds: number,
): Promise<FloodComparison[]> {
  const results = dialects.map((dialect) => ({
    kind,
    dialect,
    rounds: [] as { bot: number; bare: number }[],
  }));
  for (let round = 0; round < rounds; round++)
    for (const result of results) {
      const bare = (await floodBare(kind, count)).perSecond;
      result.rounds.push({ bot: (await floodReal(result.dialect, kind, count)).perSecond, bare });
    }
  return results.map((r) => ({ ...r, ratio: percentiles(r.rounds.map((x) => x.bot / x.bare)).p50 }));
}

/** One line of a comparison, for the bench's output. */
export function floodLine(c: FloodComparison, count: number): string {
  const what = c.kind === "start" ? `${count} new users' /start` : `${count} taps on one announcement`;
  const rounds = c.rounds.map((r) => `${r.bot.toFixed(0)}/${r.bare.toFixed(0)}`).join(", ");
  return `${what} on ${c.dialect} (SEND_RATE_PER_SECOND=${floodSendRate()}): bot/bare updates/s per round ${rounds}; median ratio ${c.ratio.toFixed(2)}× bare`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 2000);
  const dialects = (process.env.BENCH_DIALECTS ?? "sqlite,postgresql").split(",") as Dialect[];
  const rounds = inboundRounds();
  const kinds = (process.env.BENCH_INBOUND_KINDS ?? "start,rsvp").split(",") as FloodKind[];
  for (const kind of kinds)
    for (const c of await compareFloods(kind, count, dialects, rounds)) console.log(floodLine(c, count));
  process.exit(0);
}
