// Telegram's one message a second per chat, end to end: three replies queued for one citizen
// against a fake that answers 429 to a second message within a second, and a fourth to
// someone else, which does not wait behind them.
import { afterEach, expect, it } from "vitest";
import { addUser, queueNotification } from "./fixtures.js";
import { Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it("sends messages to one chat a second apart, without a 429, and another chat's at once", async () => {
  h = await Harness.create({ fake: { rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } } });
  const harness = h;
  const citizen = await addUser(harness.prisma, { telegramId: 1300, district: "QS-CG-DM" });
  const other = await addUser(harness.prisma, { telegramId: 1301, district: "QS-CG-DM" });
  for (const [person, text] of [
    [citizen, "答复一"],
    [citizen, "答复二"],
    [citizen, "答复三"],
    [other, "答复四"],
  ] as const)
    await queueNotification(harness, "concern_message_to_citizen", person, person, text);
  await harness.app.worker.drain();

  const sends = harness.fake.calls.filter((c) => /^send/.test(c.method));
  expect(sends.filter((c) => c.failed === "429")).toEqual([]);
  const toCitizen = sends.filter((c) => Number(c.payload.chat_id) === 1300);
  expect(toCitizen.map((c) => /答复(.)/.exec(String(c.payload.text))?.[1])).toEqual(["一", "二", "三"]);
  const gaps = toCitizen.slice(1).map((c, i) => c.at - toCitizen[i]!.at);
  expect(gaps.every((gap) => gap >= 1000)).toBe(true);
  const toOther = sends.find((c) => Number(c.payload.chat_id) === 1301)!;
  expect(toOther.at - toCitizen[0]!.at).toBeLessThan(1000);
});
