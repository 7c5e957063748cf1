// Shared steps of the triage desk's tests: people who join by invite, citizens who raise a
// concern through /new as they would, and the case a test is looking at.
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { createInvite } from "../../src/db/queries/invites.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";

/** Joins `user` as a deputy or staff member of `districtCode` through an invite link. */
export async function join(
  bot: TestBot,
  user: TestUser,
  role: "staff" | "representative",
  districtCode: string,
): Promise<number> {
  const invite = await createInvite(bot.prisma, { role, districtCode, ttlHours: 1, now: new Date() });
  await user.send(`/start inv_${invite.token}`);
  await user.press("同意并继续");
  return (await user.record())!.id;
}

/** A citizen raises a concern through /new (onboarded first when `district` is given); returns the case. */
export async function raise(
  bot: TestBot,
  citizen: TestUser,
  text: string,
  options: { district?: string; category?: string; anonymous?: boolean } = {},
): Promise<Concern> {
  if (options.district) await citizen.onboard(options.district);
  await citizen.send("/new");
  await citizen.send(text);
  await citizen.press("描述完成");
  await citizen.press(options.category ?? "道路交通");
  // A similar open case is offered first ("me too"); these citizens file their own.
  if (citizen.lastText().includes("相似的诉求")) await citizen.press("不是,继续提交我的诉求");
  if (options.anonymous) await citizen.press("☐ 匿名反映");
  await citizen.press("提交");
  const record = (await citizen.record())!;
  return bot.prisma.concern.findFirstOrThrow({ where: { citizenId: record.id }, orderBy: { id: "desc" } });
}

/** The case as it is now. */
export function reload(bot: TestBot, concern: { id: number }): Promise<Concern> {
  return bot.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } });
}

/** Presses a button of the triage desk on a case: its callback data, as the bot packs it. */
export function triageButton(action: string, concernId: number, value = 0): string {
  return `tg:${action}:${concernId}:${value}`;
}
