// Internal notes on a case: written by its deputies and staff through the triage desk, seen on
// the handlers' timeline and told to the case's other handlers, never shown or sent to a
// citizen. The refusal is where messages are sent: the delivery engine drops any message about
// an internal entry addressed to a citizen, whatever kind of message carries it. (Every test
// app also checks, when it stops, that no note's text reached a citizen's chat:
// test/helpers/note-guard.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { enqueueMessages } from "../../src/db/outbox.js";
import type { OutgoingMessage } from "../../src/domain/messages.js";
import { testDialects } from "../helpers/database.js";
import { findNoteLeaks } from "../helpers/note-guard.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { join, raise, triageButton } from "./triage-helpers.js";

const DEPUTY_NOTE = "内部:此处路灯归属城投公司,不是街道。";
const STAFF_NOTE = "内部:已电话催城投,对方说周五前修好。";

describe.each(testDialects)("internal notes on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;
  let neighbour: TestUser;
  let concern: Concern;
  let ids: Record<"deputy" | "staff" | "citizen" | "neighbour", number>;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2401, { firstName: "王代表" });
    staff = bot.user(2402, { firstName: "陈干事" });
    citizen = bot.user(3401, { firstName: "张三" });
    neighbour = bot.user(3402, { firstName: "李四" });
    ids = {
      deputy: await join(bot, deputy, "representative", "QS-CG-DM"),
      staff: await join(bot, staff, "staff", "QS-CG"),
      citizen: 0,
      neighbour: 0,
    };
    concern = await raise(bot, citizen, "东门社区3号楼前的路灯坏了一个星期。", { district: "QS-CG-DM" });
    ids.citizen = concern.citizenId;
    await neighbour.onboard("QS-CG-DM");
    ids.neighbour = (await neighbour.record())!.id;
    await bot.prisma.concernParty.create({
      data: { concernId: concern.id, userId: ids.neighbour, createdAt: new Date() },
    });
    await bot.drainJobs();
    await deputy.press("受理");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("saves a deputy's note on the timeline as internal, from the triage desk", async () => {
    await deputy.press("分诊");
    await deputy.press("内部备注");
    expect(deputy.lastText()).toContain("绝不会发给群众");
    await deputy.send(DEPUTY_NOTE);
    expect(deputy.lastText()).toContain(`内部备注已保存(诉求 <b>${concern.caseNo}</b>)`);
    const note = await bot.prisma.concernEvent.findFirstOrThrow({ where: { kind: "note" } });
    expect([note.text, note.internal, note.actorId, note.actorRole]).toEqual([
      DEPUTY_NOTE,
      true,
      ids.deputy,
      "representative",
    ]);
  });

  it("tells the case's assignee of a staff member's note, and nobody else", async () => {
    await staff.pressData(triageButton("note", concern.id));
    await staff.send(STAFF_NOTE);
    const before = { citizen: citizen.texts().length, neighbour: neighbour.texts().length };
    await bot.drainJobs();
    expect(deputy.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 有新的内部备注(陈干事)`);
    expect(deputy.lastText()).toContain(STAFF_NOTE);
    expect(citizen.texts().length).toBe(before.citizen);
    expect(neighbour.texts().length).toBe(before.neighbour);
  });

  it("shows the notes to handlers opening the case and hides them from its citizens", async () => {
    await staff.pressData(`co:${concern.id}`);
    expect(staff.lastText()).toContain(`🔒 内部备注:${DEPUTY_NOTE}`);
    await citizen.pressData(`co:${concern.id}`);
    expect(citizen.lastText()).toContain(concern.caseNo);
    expect(citizen.lastText()).not.toContain("内部");
    await neighbour.pressData(`co:${concern.id}`);
    expect(neighbour.lastText()).toContain(concern.caseNo);
    expect(neighbour.lastText()).not.toContain("内部");
  });

  it("refuses a note from a handler who does not cover the district", async () => {
    const far = bot.user(2403, { firstName: "赵代表" });
    await join(bot, far, "representative", "QS-SQ-SQ");
    await far.pressData(triageButton("note", concern.id));
    expect(far.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    expect(await bot.prisma.concernEvent.count({ where: { kind: "note" } })).toBe(2);
  });

  it("has the delivery engine drop any message about a note that is addressed to a citizen", async () => {
    const note = await bot.prisma.concernEvent.findFirstOrThrow({ where: { kind: "note" } });
    const about = { concernId: concern.id, eventId: note.id };
    // Forged into the outbox as if a bug had queued them: each kind that carries a case entry.
    const forged: OutgoingMessage[] = [
      { kind: "concern_note", recipientId: ids.citizen, ...about },
      { kind: "concern_message_to_citizen", recipientId: ids.citizen, ...about },
      { kind: "concern_outcome", recipientId: ids.neighbour, ...about },
      { kind: "concern_accepted", recipientId: ids.neighbour, ...about },
    ];
    const before = { citizen: citizen.received.length, neighbour: neighbour.received.length };
    await enqueueMessages(bot.prisma, bot.db.dialect, forged, new Date());
    await bot.drainJobs();
    expect(citizen.received.length).toBe(before.citizen);
    expect(neighbour.received.length).toBe(before.neighbour);
    const jobs = await bot.prisma.job.findMany({ where: { key: { contains: `:${note.id}:` } } });
    expect(jobs).toHaveLength(forged.length);
    expect(
      jobs.every((job) => job.status === "failed" && /never sent to a citizen/.test(job.lastError ?? "")),
    ).toBe(true);
    // The same message to a handler is delivered.
    await enqueueMessages(
      bot.prisma,
      bot.db.dialect,
      [{ kind: "concern_note", recipientId: ids.staff, ...about }],
      new Date(),
    );
    await bot.drainJobs();
    expect(staff.lastText()).toContain(DEPUTY_NOTE);
  });

  it("finds a note's text in a citizen's chat when one is there (the suite's check can fail)", async () => {
    expect(await findNoteLeaks(bot.db, bot.fake)).toEqual([]);
    const leaked = {
      method: "sendMessage",
      payload: { chat_id: citizen.id, text: `转告:${STAFF_NOTE}` },
      at: 0,
      token: "",
    };
    const leaks = await findNoteLeaks(bot.db, bot.fake, [...bot.fake.sent, leaked]);
    expect(leaks).toEqual([
      { concernId: concern.id, note: STAFF_NOTE, chatId: String(citizen.id), method: "sendMessage" },
    ]);
  });
});
