// Each schedule on an injected clock, through the real path: a tick queues the pass, the
// worker runs it, the messages go out through the fake Bot API. Who hears, and who does not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { User } from "../../src/db/generated/sqlite/client.js";
import { DAILY_DIGEST_TASK } from "../../src/jobs/tasks/daily-digest.js";
import { ESCALATE_OVERDUE_TASK } from "../../src/jobs/tasks/escalate-overdue.js";
import { FOLLOW_UP_UNRATED_TASK } from "../../src/jobs/tasks/follow-up-unrated.js";
import { HOUSEKEEPING_TASK } from "../../src/jobs/tasks/housekeeping.js";
import { REMIND_UNACCEPTED_TASK } from "../../src/jobs/tasks/remind-unaccepted.js";
import { addConcern, addReferral, addUser } from "./fixtures.js";
import { DAY, Harness, HOUR } from "./harness.js";

let h: Harness;
let citizen: User;
const chat = (user: User) => Number(user.telegramId);
const texts = (user: User) => h.fake.textsTo(chat(user));
const ago = (ms: number) => new Date(h.clock.now().getTime() - ms);
const ahead = (ms: number) => new Date(h.clock.now().getTime() + ms);

/** One cron tick at the current time, run to the end. */
async function tick(task: string) {
  await h.app.scheduler.tick(task, h.clock.now());
  await h.app.worker.drain();
}

beforeEach(async () => {
  // The monthly bulletin (its own tests: test/jobs/monthly-bulletin.test.ts) would reach the
  // staff these passes must leave alone when a catch-up queues its latest slot.
  h = await Harness.create({ env: { SCHEDULE_MONTHLY_BULLETIN: "off" } });
  citizen = await addUser(h.prisma, { telegramId: 100, district: "QS-CG-DM" });
});
afterEach(() => h.close());

describe("remind-unaccepted", () => {
  it("reminds the district's deputies of a case not accepted within 24 hours, once", async () => {
    const rep1 = await addUser(h.prisma, { telegramId: 201, represents: ["QS-CG-DM"] });
    const rep2 = await addUser(h.prisma, { telegramId: 202, represents: ["QS-CG-DM"], locale: "en" });
    const away = await addUser(h.prisma, { telegramId: 203, represents: ["QS-CG-DM"], inactive: true });
    const other = await addUser(h.prisma, { telegramId: 204, represents: ["QS-CG-NH"] });
    // Suspended, or the notice not accepted yet: held back (issue 7, items 13 and 14).
    const suspended = await addUser(h.prisma, { telegramId: 205, represents: ["QS-CG-DM"], suspended: true });
    const pending = await addUser(h.prisma, {
      telegramId: 206,
      represents: ["QS-CG-DM"],
      noticePending: true,
    });
    const late = await addConcern(h.prisma, { citizen, district: "QS-CG-DM", createdAt: ago(25 * HOUR) });
    const recent = await addConcern(h.prisma, { citizen, district: "QS-CG-DM", createdAt: ago(23 * HOUR) });
    const taken = await addConcern(h.prisma, {
      citizen,
      district: "QS-CG-DM",
      status: "accepted",
      createdAt: ago(30 * HOUR),
    });

    await tick(REMIND_UNACCEPTED_TASK);

    for (const rep of [rep1, rep2]) {
      expect(texts(rep)).toHaveLength(1);
      expect(texts(rep)[0]).toContain(late.caseNo);
    }
    expect(texts(rep1)[0]).toContain("仍未受理");
    expect(texts(rep2)[0]).toContain("has not been accepted yet");
    const all = h.fake.sent.map((c) => String(c.payload.text));
    expect(all.some((t) => t.includes(recent.caseNo) || t.includes(taken.caseNo))).toBe(false);
    expect(texts(away)).toHaveLength(0);
    expect(texts(other)).toHaveLength(0);
    expect(texts(suspended)).toHaveLength(0);
    expect(texts(pending)).toHaveLength(0);

    // An hour later the second case is due too; the first is not brought up again.
    h.clock.advance(HOUR);
    await tick(REMIND_UNACCEPTED_TASK);
    expect(texts(rep1)).toHaveLength(2);
    expect(texts(rep1)[1]).toContain(recent.caseNo);
  });

  it("tells the nearest staff covering a district that has no deputies", async () => {
    const covering = await addUser(h.prisma, { telegramId: 301, staffOf: "QS-CG" });
    const county = await addUser(h.prisma, { telegramId: 302, staffOf: "QS" });
    const elsewhere = await addUser(h.prisma, { telegramId: 303, staffOf: "QS-SQ" });
    const late = await addConcern(h.prisma, { citizen, district: "QS-CG-XJ", createdAt: ago(2 * DAY) });

    await tick(REMIND_UNACCEPTED_TASK);

    expect(texts(covering)[0]).toContain(late.caseNo);
    // The county's staff are above the township's: the nearest staff have it (issue 7, item 5).
    expect(texts(county)).toHaveLength(0);
    expect(texts(elsewhere)).toHaveLength(0);
  });

  it("drops a reminder whose case was accepted before it went out", async () => {
    const rep = await addUser(h.prisma, { telegramId: 205, represents: ["QS-CG-DM"] });
    const late = await addConcern(h.prisma, { citizen, district: "QS-CG-DM", createdAt: ago(2 * DAY) });
    await h.app.scheduler.tick(REMIND_UNACCEPTED_TASK, h.clock.now());
    await h.app.worker.runOnce(); // the pass queues the reminder
    await h.prisma.concern.update({ where: { id: late.id }, data: { status: "accepted" } });
    await h.app.worker.drain();

    expect(texts(rep)).toHaveLength(0);
    const job = await h.prisma.job.findFirstOrThrow({ where: { task: "send-reminder" } });
    expect(job.status).toBe("done");
    expect(job.lastError).toContain("nothing to send");
  });
});

describe("escalate-overdue (三色督办)", () => {
  it("warns staff amber before the due date and red after it, each once, within their scope", async () => {
    const covering = await addUser(h.prisma, { telegramId: 301, staffOf: "QS-CG" });
    const county = await addUser(h.prisma, { telegramId: 302, staffOf: "QS" });
    const elsewhere = await addUser(h.prisma, { telegramId: 303, staffOf: "QS-SQ" });
    const suspended = await addUser(h.prisma, { telegramId: 305, staffOf: "QS-CG", suspended: true });
    const pending = await addUser(h.prisma, { telegramId: 306, staffOf: "QS-CG", noticePending: true });
    const at = { citizen, district: "QS-CG-DM", status: "accepted", createdAt: ago(14 * DAY) };
    const soon = await addConcern(h.prisma, { ...at, dueAt: ahead(2 * DAY) });
    const overdue = await addConcern(h.prisma, { ...at, dueAt: ago(HOUR) });
    const later = await addConcern(h.prisma, { ...at, dueAt: ahead(5 * DAY) });
    const closed = await addConcern(h.prisma, {
      ...at,
      status: "resolved",
      dueAt: ago(DAY),
      closedAt: ago(2 * DAY),
    });
    const referred = await addConcern(h.prisma, { ...at, status: "referred", dueAt: ahead(10 * DAY) });
    await addReferral(h.prisma, { concern: referred, deadline: ago(2 * HOUR) });
    const answered = await addConcern(h.prisma, { ...at, status: "referred", dueAt: ahead(10 * DAY) });
    await addReferral(h.prisma, { concern: answered, deadline: ago(2 * HOUR), status: "answered" });

    await tick(ESCALATE_OVERDUE_TASK);

    // One message per level: amber lists the case due soon, red the overdue one.
    const got = texts(covering);
    expect(got).toHaveLength(2);
    expect(got.find((t) => t.includes(soon.caseNo))).toContain("黄色");
    expect(got.find((t) => t.includes(overdue.caseNo))).toContain("红色");
    // Referred cases are the referral ladder's (supervise-referrals), old "open" rows included.
    for (const quiet of [later, closed, referred, answered])
      expect(got.some((t) => t.includes(quiet.caseNo))).toBe(false);
    expect(texts(county)).toHaveLength(2);
    expect(texts(elsewhere)).toHaveLength(0);
    expect(texts(suspended)).toHaveLength(0);
    expect(texts(pending)).toHaveLength(0);

    await tick(ESCALATE_OVERDUE_TASK);
    expect(texts(covering)).toHaveLength(2);

    h.clock.advance(3 * DAY);
    await tick(ESCALATE_OVERDUE_TASK);
    const next = texts(covering).slice(2);
    expect(next).toHaveLength(2);
    expect(next.find((t) => t.includes(soon.caseNo))).toContain("红色");
    expect(next.find((t) => t.includes(later.caseNo))).toContain("黄色");
    expect(next.some((t) => t.includes(overdue.caseNo))).toBe(false);
  });

  it("lists fifteen overdue cases in one message per staff member, each with its village, days and a button", async () => {
    const covering = await addUser(h.prisma, { telegramId: 301, staffOf: "QS-CG", locale: "en" });
    const districts = ["QS-CG-DM", "QS-CG-NH", "QS-CG-XJ"];
    const overdue: Awaited<ReturnType<typeof addConcern>>[] = [];
    for (let i = 0; i < 15; i++)
      overdue.push(
        await addConcern(h.prisma, {
          citizen,
          district: districts[i % 3]!,
          status: "accepted",
          createdAt: ago(30 * DAY),
          dueAt: ago((i + 1) * DAY + HOUR),
        }),
      );
    // Two due soon: the amber list, a second message.
    for (let i = 0; i < 2; i++)
      await addConcern(h.prisma, {
        citizen,
        district: "QS-CG-DM",
        status: "accepted",
        createdAt: ago(DAY),
        dueAt: ahead(DAY),
      });

    await tick(ESCALATE_OVERDUE_TASK);

    const calls = h.fake.sentTo(chat(covering));
    expect(calls).toHaveLength(2);
    const redCall = calls.find((c) => String(c.payload.text).includes("Supervision (red)"))!;
    const text = String(redCall.payload.text);
    expect(text).toContain("15 cases are past their deadline");
    for (const concern of overdue) expect(text).toContain(concern.caseNo);
    // Most overdue first, each with its village and days overdue.
    const lines = text.split("\n").filter((line) => line.startsWith("• "));
    expect(lines).toHaveLength(15);
    expect(lines[0]).toContain(overdue[14]!.caseNo);
    expect(lines[0]).toContain("15 days overdue");
    expect(lines[14]).toContain(overdue[0]!.caseNo);
    expect(lines[14]).toContain("1 day overdue");
    const village = await h.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG-NH" } });
    expect(lines.find((line) => line.includes(overdue[1]!.caseNo))).toContain(village.nameEn);
    const markup = redCall.payload.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const buttons = markup.inline_keyboard.flat();
    expect(buttons.map((b) => b.callback_data).sort()).toEqual(overdue.map((c) => `co:${c.id}`).sort());
    expect(buttons.find((b) => b.callback_data === `co:${overdue[3]!.id}`)?.text).toBe(overdue[3]!.caseNo);
    const amberCall = calls.find((c) => String(c.payload.text).includes("Supervision (amber)"))!;
    expect(String(amberCall.payload.text)).toContain("2 cases are close to their deadline");

    // Escalated once: the next pass lists none of them again.
    h.clock.advance(HOUR);
    await tick(ESCALATE_OVERDUE_TASK);
    expect(h.fake.sentTo(chat(covering))).toHaveLength(2);
  });
});

describe("daily-digest", () => {
  it("sends each deputy and staff member with open work one digest, and nobody else anything", async () => {
    const rep1 = await addUser(h.prisma, { telegramId: 201, represents: ["QS-CG-DM"] });
    const rep2 = await addUser(h.prisma, { telegramId: 202, represents: ["QS-CG-DM"] });
    const idle = await addUser(h.prisma, { telegramId: 204, represents: ["QS-CG-NH"] });
    const covering = await addUser(h.prisma, { telegramId: 301, staffOf: "QS-CG" });
    const elsewhere = await addUser(h.prisma, { telegramId: 303, staffOf: "QS-SQ" });
    const away = await addUser(h.prisma, { telegramId: 304, staffOf: "QS-CG", inactive: true });
    const suspended = await addUser(h.prisma, { telegramId: 305, staffOf: "QS-CG", suspended: true });
    const pending = await addUser(h.prisma, { telegramId: 306, staffOf: "QS-CG", noticePending: true });
    h.clock.set("2026-11-24T01:00:00Z"); // 09:00 in Shanghai
    await addConcern(h.prisma, { citizen, district: "QS-CG-DM", createdAt: ago(HOUR) });
    await addConcern(h.prisma, {
      citizen,
      district: "QS-CG-DM",
      status: "accepted",
      assignee: rep2,
      createdAt: ago(20 * DAY),
      dueAt: ago(5 * DAY),
    });

    await tick(DAILY_DIGEST_TASK);
    await h.app.scheduler.catchUp(); // another instance starting up: the same slot, no second digest
    await h.app.worker.drain();

    expect(texts(rep1)).toHaveLength(1);
    expect(texts(rep1)[0]).toContain("每日待办汇总(2026-11-24)");
    expect(texts(rep1)[0]).toContain("待受理:1 件");
    expect(texts(rep1)[0]).toContain("已超期:1 件");
    expect(texts(rep1)[0]).not.toContain("您正在办理");
    expect(texts(rep2)[0]).toContain("您正在办理:1 件");
    expect(texts(covering)[0]).toContain("已超期:1 件");
    for (const nobody of [idle, elsewhere, away, suspended, pending]) expect(texts(nobody)).toHaveLength(0);
  });

  it("skips a digest tick caught up more than 12 hours late", async () => {
    const rep = await addUser(h.prisma, { telegramId: 201, represents: ["QS-CG-DM"] });
    await addConcern(h.prisma, { citizen, district: "QS-CG-DM", createdAt: ago(DAY) });
    await h.app.scheduler.tick(DAILY_DIGEST_TASK, ago(13 * HOUR));
    await h.app.worker.drain();
    expect(texts(rep)).toHaveLength(0);
  });
});

describe("follow-up-unrated", () => {
  it("asks citizens once to rate an outcome they left unrated for three days", async () => {
    const people = [];
    for (let i = 0; i < 6; i++)
      people.push(await addUser(h.prisma, { telegramId: 400 + i, district: "QS-CG-DM", inactive: i === 5 }));
    const closed = (who: User, status: string, closedAgo: number, rating: string | null = null) =>
      addConcern(h.prisma, {
        citizen: who,
        district: "QS-CG-DM",
        status,
        createdAt: ago(closedAgo + DAY),
        closedAt: ago(closedAgo),
        rating,
      });
    const due = await closed(people[0]!, "resolved", 4 * DAY);
    await closed(people[1]!, "resolved", 2 * DAY);
    await closed(people[2]!, "resolved", 4 * DAY, "satisfied");
    const declined = await closed(people[3]!, "declined", 10 * DAY);
    await closed(people[4]!, "resolved", 60 * DAY);
    const blocked = await closed(people[5]!, "resolved", 4 * DAY);

    await tick(FOLLOW_UP_UNRATED_TASK);

    expect(texts(people[0]!)).toHaveLength(1);
    expect(texts(people[0]!)[0]).toContain(due.caseNo);
    const buttons = JSON.stringify(h.fake.sentTo(400)[0]!.payload.reply_markup);
    expect(buttons).toContain("满意");
    expect(texts(people[3]!)[0]).toContain(declined.caseNo);
    for (const i of [1, 2, 4, 5]) expect(texts(people[i]!)).toHaveLength(0);
    expect(
      (await h.prisma.concern.findUniqueOrThrow({ where: { id: blocked.id } })).followedUpAt,
    ).not.toBeNull();

    // A day later only the outcome that has now waited three days is followed up.
    h.clock.advance(DAY);
    await tick(FOLLOW_UP_UNRATED_TASK);
    expect(h.fake.sent).toHaveLength(3);
    expect(texts(people[1]!)).toHaveLength(1);
    expect(texts(people[0]!)).toHaveLength(1);
  });
});

describe("housekeeping", () => {
  it("forgets processed updates and finished jobs after their retention, and keeps the rest", async () => {
    const update = (updateId: number, status: string, startedAgo: number) =>
      h.prisma.processedUpdate.create({
        data: { updateId: BigInt(updateId), status, startedAt: ago(startedAgo), finishedAt: ago(startedAgo) },
      });
    await update(1, "done", 10 * DAY);
    await update(2, "done", DAY);
    await update(3, "processing", 10 * DAY);
    const job = (key: string, status: string, finishedAgo: number | null) =>
      h.prisma.job.create({
        data: {
          task: "notify",
          payload: "{}",
          key,
          status,
          runAt: ago(200 * DAY),
          finishedAt: finishedAgo === null ? null : ago(finishedAgo),
          createdAt: ago(200 * DAY),
          updatedAt: ago(200 * DAY),
        },
      });
    await job("old-done", "done", 20 * DAY);
    await job("new-done", "done", DAY);
    await job("old-failed", "failed", 20 * DAY);
    await job("dead", "dead", 20 * DAY);
    await job("very-old-dead", "dead", 100 * DAY);
    await job("still-queued", "queued", null);

    await h.app.scheduler.tick(HOUSEKEEPING_TASK, h.clock.now());
    await h.app.worker.runOnce();

    const updates = await h.prisma.processedUpdate.findMany({ orderBy: { updateId: "asc" } });
    expect(updates.map((u) => Number(u.updateId))).toEqual([2, 3]);
    const keys = (await h.prisma.job.findMany({ where: { task: "notify" } })).map((j) => j.key).sort();
    expect(keys).toEqual(["dead", "new-done", "still-queued"]);
  });
});
