// The worker is woken by the update that queued something, once its transaction has
// committed: no feature has to remember to do it.
import { afterEach, describe, expect, it } from "vitest";
import { createInvite } from "../src/db/queries/invites.js";
import { testDialects } from "./helpers/database.js";
import { eventually } from "./helpers/test-app.js";
import { TestBot } from "./helpers/test-bot.js";

describe.each(testDialects)("waking the worker on %s", (dialect) => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it("sends what an update queued at once, though the idle worker would sleep ten minutes", async () => {
    bot = await TestBot.create({ dialect, workerPollIntervalMs: 600_000 });
    const deputy = bot.user(2101, { firstName: "王代表" });
    const invite = await createInvite(bot.prisma, {
      role: "representative",
      districtCode: "QS-CG-DM",
      ttlHours: 1,
      now: new Date(),
    });
    await deputy.send(`/start inv_${invite.token}`);
    await deputy.press("同意并继续");
    const citizen = bot.user(3101);
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("东门社区3号楼前的路灯坏了。");
    await citizen.press("描述完成");
    await citizen.press("道路交通");

    bot.app.worker.start();
    // The worker's first round finds nothing due, and it settles into its long sleep.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await bot.prisma.job.count()).toBe(0);
    await citizen.press("提交");

    // Sent, and its job finished, by the woken worker.
    await eventually(
      async () =>
        deputy.texts().some((t) => t.includes("东门社区3号楼前的路灯坏了")) &&
        (await bot.prisma.job.count({ where: { status: "done" } })) === 1,
      10_000,
    );
  });
});
