// People joining and raising concerns through the bot, as a test of a later step needs them.
import { createInvite } from "../../src/db/queries/invites.js";
import type { TestBot, TestUser } from "./test-bot.js";

/** Opens an invite link for `district` and accepts whatever notice follows. */
export async function inviteDeputy(
  bot: TestBot,
  user: TestUser,
  district: string,
  role: "representative" | "staff" = "representative",
) {
  const invite = await createInvite(bot.prisma, {
    role,
    districtCode: district,
    ttlHours: 1,
    now: new Date(),
  });
  await user.send(`/start inv_${invite.token}`);
  const agree = user.findButton(/同意|Agree/);
  if (agree) await user.pressData(agree.data, agree.messageId);
}

/** A citizen raises a concern through /new; returns its case id. */
export async function raiseConcern(bot: TestBot, citizen: TestUser, text: string): Promise<number> {
  await citizen.send("/new");
  await citizen.send(text);
  await citizen.press(/描述完成|Done/);
  await citizen.press(/不确定,跳过|Not sure/);
  await citizen.press(/^(提交|Submit)$/);
  await bot.drainJobs();
  const concern = await bot.prisma.concern.findFirstOrThrow({
    where: { description: text },
  });
  return concern.id;
}
