// The intake's two database steps (src/db/queries/intake.ts): before handling, the claim, the
// sender's user and their session in one round trip; after it, the session (only if it
// changed) and the "done" mark. Driven through the real intake, checked in the database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../../helpers/database.js";
import { TestBot } from "../../helpers/test-bot.js";

describe.each(testDialects)("the intake's steps on %s", (dialect) => {
  let bot: TestBot;
  let clock = new Date("2026-03-02T02:00:00Z");
  const tick = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  beforeEach(async () => {
    clock = new Date("2026-03-02T02:00:00Z");
    bot = await TestBot.create({ dialect, now: () => clock, env: { ADMIN_IDS: "7900" } });
  });
  afterEach(() => bot.close());

  const session = (telegramId: number) =>
    bot.prisma.session.findUnique({ where: { key: String(telegramId) } });

  it("creates the sender's user on a first update, with their language, and refreshes a changed profile", async () => {
    await bot.user(7001, { firstName: "Ann", username: "ann", languageCode: "en" }).send("/start");
    const created = await bot.user(7001).record();
    expect(created).toMatchObject({ firstName: "Ann", username: "ann", locale: "en", role: "citizen" });
    expect(created!.createdAt).toEqual(clock);
    expect(bot.user(7001).lastText()).toContain("What we store");

    tick(5);
    await bot.user(7001, { firstName: "Ann", username: "ann", languageCode: "en" }).send("/help");
    expect((await bot.user(7001).record())!.updatedAt).toEqual(created!.updatedAt);

    tick(5);
    await bot.user(7001, { firstName: "Anna", languageCode: "en" }).send("/help");
    const renamed = await bot.user(7001).record();
    expect(renamed).toMatchObject({ id: created!.id, firstName: "Anna", username: null, locale: "en" });
    expect(renamed!.updatedAt).toEqual(clock);
  });

  it("makes an administrator named in ADMIN_IDS an admin, and clears an inactive mark when the user writes", async () => {
    await bot.user(7900).send("/start");
    expect((await bot.user(7900).record())!.role).toBe("admin");

    const citizen = bot.user(7002);
    await citizen.onboard();
    await bot.prisma.user.update({
      where: { telegramId: 7002n },
      data: { inactiveAt: clock, inactiveReason: "blocked" },
    });
    await citizen.send("/help");
    expect(await citizen.record()).toMatchObject({ inactiveAt: null, inactiveReason: null });
  });

  it("writes the session back only when it changed, with the update's done mark", async () => {
    const citizen = bot.user(7003);
    await citizen.onboard();
    await citizen.send("/new");
    const started = await session(7003);
    expect(JSON.parse(started!.value).flow).toMatchObject({ kind: "concern", step: "describe" });

    tick(5);
    const { update } = await citizen.send("/help");
    expect(await session(7003)).toEqual(started);
    const done = await bot.prisma.processedUpdate.findUniqueOrThrow({
      where: { updateId: BigInt(update.update_id) },
    });
    expect(done).toMatchObject({ status: "done", finishedAt: clock });

    tick(5);
    await citizen.send("小区东门的路灯坏了两个星期,晚上很黑,老人出门不安全");
    const described = await session(7003);
    expect(described!.updatedAt).toEqual(clock);
    expect(JSON.parse(described!.value).flow.description).toContain("路灯坏了");
  });

  it("does not store a session that is still the initial one, nor rewrite one that did not change", async () => {
    await bot.user(7004).send("/id");
    expect(await session(7004)).toBeNull();
    expect(await bot.user(7004).record()).not.toBeNull();
    // /start shows the privacy notice and remembers when (a change); a /help after it changes nothing.
    await bot.user(7004).send("/start");
    const shown = await session(7004);
    expect(shown!.updatedAt).toEqual(clock);
    tick(5);
    await bot.user(7004).send("/help");
    expect((await session(7004))!.updatedAt).toEqual(shown!.updatedAt);
  });

  it("takes an update delivered twice once", async () => {
    const citizen = bot.user(7005);
    const first = await citizen.send("/start");
    const before = citizen.texts().length;
    const again = await bot.deliver(first.update);
    expect(first.claim).toBe("claimed");
    expect(again.claim).toBe("done");
    expect(citizen.texts()).toHaveLength(before);
  });

  it("creates no user for an update from a group chat", async () => {
    const { claim } = await bot.deliver({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "group", title: "G" },
        from: { id: 7006, is_bot: false, first_name: "G" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    } as never);
    expect(claim).toBe("claimed");
    expect(await bot.user(7006).record()).toBeNull();
    expect(await session(7006)).toBeNull();
  });
});
