// Shared steps of the tests of the citizen's side: a bot on a clock the test moves, and
// concerns filed through the bot's own flow, as a citizen files them.
import type { Dialect } from "../../src/db/client.js";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { Clock } from "./activities-helpers.js";

export { Clock, joinAs } from "./activities-helpers.js";

export function createCitizenBot(clock: Clock, dialect: Dialect): Promise<TestBot> {
  return TestBot.create({
    dialect,
    now: clock.now,
    // Quiet hours have their own tests; here they would only slow things down (test apps
    // lift the pacer already: test/helpers/test-app.ts).
    env: { QUIET_HOURS: "off" },
  });
}

/** /new, the text, "描述完成" and the category, as a citizen does; stops before submitting. */
export async function describeConcern(user: TestUser, text: string, category = "道路交通"): Promise<void> {
  await user.send("/new");
  await user.send(text);
  await user.press("描述完成");
  await user.press(category);
}

/** Files a concern through the bot (passing over any "me too" offer) and returns the new case. */
export async function fileInBot(
  bot: TestBot,
  user: TestUser,
  text: string,
  category = "道路交通",
): Promise<Concern> {
  await describeConcern(user, text, category);
  if (user.findButton("不是,继续提交我的诉求")) await user.press("不是,继续提交我的诉求");
  await user.press("提交");
  return bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } });
}

export const newClock = () => new Clock();
