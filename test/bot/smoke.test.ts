import { afterEach, expect, it } from "vitest";
import { TestBot } from "../helpers/test-bot.js";

let bot: TestBot;
afterEach(() => bot?.close());

it("smoke", async () => {
  bot = await TestBot.create();
  const alice = bot.user(1001, { firstName: "Alice" });
  await alice.onboard();
  await alice.send("/new");
  await alice.send("路灯坏了三天了");
  await alice.press("描述完成");
  await alice.press("道路交通");
  await alice.press("提交");
  console.log(alice.texts().join("\n=====\n"));
  console.log(bot.fake.calls.map((c) => c.method + " " + (c.failed ?? "")).join("\n"));
  expect(await bot.prisma.concern.count()).toBe(1);
});
