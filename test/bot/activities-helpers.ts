// Shared steps of the activity tests: a bot on a clock the test moves, people who join as
// staff or deputies by invite, citizens subscribed to their district, and an activity
// created through the bot's own step-by-step flow.
import type { Dialect } from "../../src/db/client.js";
import type { Activity } from "../../src/db/generated/sqlite/client.js";
import { createInvite } from "../../src/db/queries/invites.js";
import { subscribe } from "../../src/db/queries/subscriptions.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

/** Tuesday 1 December 2026, 10:00 in Shanghai. */
export const START = new Date("2026-12-01T02:00:00Z");

export class Clock {
  current = START;
  readonly now = () => this.current;
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export async function createActivityBot(clock: Clock, dialect: Dialect = "sqlite"): Promise<TestBot> {
  return TestBot.create({
    dialect,
    now: clock.now,
    // Quiet hours have their own tests; here they would only slow things down (test apps
    // lift the pacer already: test/helpers/test-app.ts).
    env: { QUIET_HOURS: "off" },
  });
}

export async function joinAs(
  bot: TestBot,
  clock: Clock,
  user: TestUser,
  role: "staff" | "representative",
  districtCode: string,
): Promise<void> {
  const invite = await createInvite(bot.prisma, { role, districtCode, ttlHours: 1, now: clock.now() });
  await user.send(`/start inv_${invite.token}`);
  await user.press("同意并继续");
}

/** A citizen of the district, subscribed to its notices. */
export async function citizenOf(
  bot: TestBot,
  clock: Clock,
  user: TestUser,
  districtCode: string,
): Promise<number> {
  await user.onboard(districtCode);
  const record = (await user.record())!;
  await subscribe(bot.prisma, record.id, record.districtId!, clock.now());
  return record.id;
}

export interface ActivityForm {
  kind?: string;
  title: string;
  time: string;
  place?: string;
  /** The district button; omitted when the creator has one district only. */
  district?: string;
  deputies?: string[];
  capacity?: number;
}

/** Goes through /activity_new as a person would and returns the activity it made. */
export async function createActivityInBot(
  bot: TestBot,
  creator: TestUser,
  form: ActivityForm,
): Promise<Activity> {
  await creator.send("/activity_new");
  await creator.press(form.kind ?? "接待日");
  await creator.send(form.title);
  await creator.send(form.time);
  await creator.send(form.place ?? "人民路88号便民服务中心二楼");
  if (form.district) await creator.press(form.district);
  for (const name of form.deputies ?? []) await creator.press(`☐ ${name}`);
  await creator.press("选好了");
  if (form.capacity === undefined) await creator.press("不限名额");
  else await creator.send(String(form.capacity));
  await creator.press(/^(创建活动|提交审核)$/);
  const record = await creator.record();
  return bot.prisma.activity.findFirstOrThrow({
    where: { createdById: record!.id },
    orderBy: { id: "desc" },
  });
}
