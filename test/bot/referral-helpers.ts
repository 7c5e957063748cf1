// Shared steps of the referral loop's tests, as its people take them: a department contact
// joins by invite, a deputy or staff member refers a case with the default deadline and no
// note, a department returns a referral.
import { createInvite } from "../../src/db/queries/invites.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";

/** Joins `user` as a contact of the department `code` through an invite link; returns their id. */
export async function joinDepartment(bot: TestBot, user: TestUser, code: string, now: Date): Promise<number> {
  const invite = await createInvite(bot.prisma, { role: "department", districtCode: code, ttlHours: 1, now });
  await user.send(`/start inv_${invite.token}`);
  await user.press("同意并继续");
  return (await user.record())!.id;
}

/**
 * Refers a case from the newest 转办 button `user` was shown, to the department labelled
 * `department`, with the default deadline and no note; returns the bot's last answer.
 */
export async function referByButtons(user: TestUser, department: string): Promise<string> {
  await user.press("转办");
  await user.press(department);
  await user.press("下一步");
  await user.press("使用默认期限");
  await user.press("不需要说明");
  await user.press("确认交办");
  return user.lastText();
}

/** The department returns referral `referralId` as 职责不清, naming no department. */
export async function returnUnclear(department: TestUser, referralId: number): Promise<void> {
  await department.pressData(`rf:ret:${referralId}:0`);
  await department.press("职责不清");
  await department.press("无法确定");
}
