// The authorization matrix (issue 8): every role — citizen, deputy, staff, department contact,
// admin — × every case action × in scope / out of scope, each forged as a callback (and, for
// the actions that ask for words, followed by the words and the 发送 button). Only the allowed
// cells change anything; every other cell gets a localized refusal and leaves the case, its
// timeline and its referrals exactly as they were.
//
// In scope: the case's own citizen; a deputy of its district; staff covering it; a contact of
// the department it is referred to; the admin, who covers every district — in scope for the
// staff's side of every action, out of scope for what only the department (签收, 退回, 申请延期,
// 答复) or the case's deputy (rating an answer) may do. Out of scope: another citizen; a
// deputy of another district; staff of another township; a contact of another department.
// A few actions are repeated on a case of 石桥村, where those "out" deputy and staff are the
// ones in scope and the "in" ones are not, while the admin still is.
//
// A referral's state is reached as the loop reaches it — referred by the deputy, acknowledged,
// answered, returned or asked for an extension by the department, reviewed by staff — through
// the same queries the buttons call (referCase, actOnReferral), not by writing its row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialect } from "../../src/db/client.js";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { loadReferralActor, type ReferralCapacity } from "../../src/db/queries/referral-people.js";
import { actOnReferral, referCase } from "../../src/db/queries/referrals.js";
import type { ReferralActor, ReferralCommand } from "../../src/domain/referral.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { addPerson } from "../helpers/people.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { join } from "./triage-helpers.js";

type Actor =
  | "citizen-in"
  | "citizen-out"
  | "deputy-in"
  | "deputy-out"
  | "staff-in"
  | "staff-out"
  | "department-in"
  | "department-out"
  | "admin";
const actors: Actor[] = [
  "citizen-in",
  "citizen-out",
  "deputy-in",
  "deputy-out",
  "staff-in",
  "staff-out",
  "department-in",
  "department-out",
  "admin",
];

/** A case prepared for one cell, and what the cell presses (and types) on it. */
interface Fixture {
  concern: Concern;
  /** The main case of a merge. */
  main?: Concern;
  referralId?: number;
}

interface Action {
  name: string;
  /** The referral's state the action needs, if any (set up as the loop would have left it). */
  referral?: { status: string; pendingExtension?: boolean };
  /** The callbacks pressed, in order (`ids` holds the other parties' user ids). */
  presses(f: Fixture, ids: Ids): string[];
  /** Words typed after the presses, one message each (then 发送 when the bot asks to confirm them). */
  text?: string | string[];
  allowed: readonly Actor[];
  /**
   * A case of 石桥村 instead (the other township): the "out" deputy and staff are the ones in
   * scope there, the "in" ones are not, and the admin still is — the admin in and out of any
   * one township's scope.
   */
  far?: boolean;
}

interface Ids {
  secondDeputy: number;
  category: number;
  departmentIn: number;
  departmentOut: number;
}

const handlers = ["deputy-in", "staff-in", "admin"] as const;
const staffSide = ["staff-in", "admin"] as const;

const referralHandlers = ["deputy-in", "staff-in", "admin"] as const;
const farHandlers = ["deputy-out", "staff-out", "admin"] as const;
const farStaffSide = ["staff-out", "admin"] as const;

const caseActions: Action[] = [
  { name: "accept", presses: (f) => [`ca:accept:${f.concern.id}`], allowed: handlers },
  {
    name: "reply",
    presses: (f) => [`ca:reply:${f.concern.id}`],
    text: "矩阵测试的回复。",
    allowed: handlers,
  },
  {
    name: "resolve",
    presses: (f) => [`ca:resolve:${f.concern.id}`],
    text: "矩阵测试的结果。",
    allowed: handlers,
  },
  {
    name: "decline",
    presses: (f) => [`ca:decline:${f.concern.id}`],
    text: "矩阵测试的理由。",
    allowed: handlers,
  },
  {
    name: "categorise",
    presses: (f, ids) => [`tg:cat:${f.concern.id}:${ids.category}`],
    allowed: handlers,
  },
  { name: "prioritise", presses: (f) => [`tg:pri:${f.concern.id}:1`], allowed: handlers },
  { name: "claim", presses: (f) => [`tg:claim:${f.concern.id}:0`], allowed: handlers },
  {
    name: "assign",
    presses: (f, ids) => [`tg:assign:${f.concern.id}:${ids.secondDeputy}`],
    allowed: staffSide,
  },
  { name: "merge", presses: (f) => [`tg:mergeok:${f.concern.id}:${f.main!.id}`], allowed: handlers },
  {
    name: "note",
    presses: (f) => [`tg:note:${f.concern.id}:0`],
    text: "矩阵测试的内部备注。",
    allowed: handlers,
  },
  {
    name: "refer",
    presses: (f, ids) => {
      const c = f.concern.id;
      return [
        `rs:start:${c}:0`,
        `rs:dept:${c}:${ids.departmentIn}`,
        `rs:next:${c}:0`,
        `rs:dl_default:${c}:0`,
        `rs:note_skip:${c}:0`,
        `rs:confirm:${c}:0`,
      ];
    },
    allowed: handlers,
  },
  // The department's and the review side's actions on a referral.
  {
    name: "acknowledge (签收)",
    referral: { status: "sent" },
    presses: (f) => [`rf:ack:${f.referralId}:0`],
    allowed: ["department-in"],
  },
  {
    name: "review an answer",
    referral: { status: "answered" },
    presses: (f) => [`rf:va:${f.referralId}:0`],
    allowed: staffSide,
  },
  {
    name: "rate an answer",
    referral: { status: "accepted" },
    presses: (f) => [`rf:rt:${f.referralId}:0`],
    allowed: ["deputy-in"],
  },
  {
    name: "refuse a return",
    referral: { status: "returned" },
    presses: (f) => [`rf:rn:${f.referralId}:0`],
    allowed: staffSide,
  },
  {
    name: "decide an extension",
    referral: { status: "acknowledged", pendingExtension: true },
    presses: (f) => [`rf:xa:${f.referralId}:0`],
    allowed: staffSide,
  },
  {
    name: "refuse an extension",
    referral: { status: "acknowledged", pendingExtension: true },
    presses: (f) => [`rf:xr:${f.referralId}:0`],
    allowed: staffSide,
  },
  {
    name: "return (退回)",
    referral: { status: "sent" },
    presses: (f) => [`rf:ret:${f.referralId}:0`, `rf:rr:${f.referralId}:2`, `rf:rd:${f.referralId}:0`],
    allowed: ["department-in"],
  },
  {
    name: "request an extension (申请延期)",
    referral: { status: "acknowledged" },
    presses: (f) => [`rf:ext:${f.referralId}:0`],
    text: ["需要协调其他部门。", "2027-06-30"],
    allowed: ["department-in"],
  },
  {
    name: "answer (答复)",
    referral: { status: "acknowledged" },
    presses: (f) => [`rf:ans:${f.referralId}:0`, `rf:ac:${f.referralId}:0`],
    text: ["已修复。", "李工 0571-12345678"],
    allowed: ["department-in"],
  },
  {
    name: "re-route a return",
    referral: { status: "returned" },
    presses: (f, ids) => [`rf:ro:${f.referralId}:${ids.departmentOut}`],
    allowed: staffSide,
  },
  {
    name: "withdraw a referral (撤回)",
    referral: { status: "sent" },
    presses: (f) => [`rf:wd:${f.referralId}:0`],
    text: "矩阵测试的撤回理由。",
    // Whoever referred it (the deputy, here) or the staff side.
    allowed: referralHandlers,
  },
  {
    name: "note on a referral",
    referral: { status: "acknowledged" },
    presses: (f) => [`rf:nt:${f.referralId}:0`],
    text: "矩阵测试的交办备注。",
    allowed: [...referralHandlers, "department-in"],
  },
  // The same actions on a case of the other township.
  { name: "accept, 石桥村", far: true, presses: (f) => [`ca:accept:${f.concern.id}`], allowed: farHandlers },
  {
    name: "review an answer, 石桥村",
    far: true,
    referral: { status: "answered" },
    presses: (f) => [`rf:va:${f.referralId}:0`],
    allowed: farStaffSide,
  },
  {
    name: "note on a referral, 石桥村",
    far: true,
    referral: { status: "acknowledged" },
    presses: (f) => [`rf:nt:${f.referralId}:0`],
    text: "矩阵测试的交办备注。",
    allowed: [...farHandlers, "department-in"],
  },
];

const CJK = /[\u4e00-\u9fff]/;

/**
 * The matrix on `dialect`, the cells of one `part` of `parts` (every `parts`-th cell from
 * `part`, counted from 0): the matrix is split over several test files so that they run side by
 * side (test/bot/authorization-matrix-*.test.ts); skipped when TEST_DIALECTS leaves `dialect` out.
 */
export function describeMatrix(dialect: Dialect, part: number, parts: number): void {
  describe.skipIf(!testDialects.includes(dialect))(
    `the authorization matrix on ${dialect}, part ${part + 1} of ${parts}`,
    () => {
      let bot: TestBot;
      const users = new Map<Actor, TestUser>();
      let citizenInId: number;
      let ids: Ids;
      let departments: { in: number; out: number };

      beforeAll(async () => {
        bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off", ADMIN_IDS: "2799" } });
        const prisma = bot.prisma;
        users.set("citizen-in", bot.user(3701, { firstName: "张三" }));
        users.set("citizen-out", bot.user(3702, { firstName: "李四" }));
        await users.get("citizen-in")!.onboard("QS-CG-DM");
        await users.get("citizen-out")!.onboard("QS-CG-DM");
        citizenInId = (await users.get("citizen-in")!.record())!.id;
        for (const [actor, role, district, id] of [
          ["deputy-in", "representative", "QS-CG-DM", 2701],
          ["deputy-out", "representative", "QS-SQ-SQ", 2702],
          ["staff-in", "staff", "QS-CG", 2703],
          ["staff-out", "staff", "QS-SQ", 2704],
        ] as const) {
          const user = bot.user(id, { firstName: `${actor}` });
          await join(bot, user, role, district);
          users.set(actor, user);
        }
        const second = bot.user(2705, { firstName: "second-deputy" });
        const secondDeputy = await join(bot, second, "representative", "QS-CG-DM");
        const [d1, d2] = await prisma.department.findMany({ orderBy: { id: "asc" }, take: 2 });
        departments = { in: d1!.id, out: d2!.id };
        for (const [actor, id, departmentId] of [
          ["department-in", 2706, d1!.id],
          ["department-out", 2707, d2!.id],
        ] as const) {
          const userId = await addPerson(prisma, id, { role: "department" });
          await prisma.departmentContact.create({ data: { departmentId, userId, createdAt: new Date() } });
          users.set(actor, bot.user(id));
        }
        const admin = bot.user(2799, { firstName: "admin" });
        await admin.send("/start");
        await admin.press(/同意并继续/).catch(() => undefined);
        users.set("admin", admin);
        const category = await prisma.category.findFirstOrThrow({
          where: { code: "environment-sanitation" },
        });
        ids = { secondDeputy, category: category.id, departmentIn: d1!.id, departmentOut: d2!.id };
      });
      afterAll(() => bot.close());

      /** The in-scope person of a side as the loop's actor. */
      async function actorOf(actor: Actor, capacity: ReferralCapacity): Promise<ReferralActor> {
        const record = (await users.get(actor)!.record())!;
        return loadReferralActor(bot.prisma, record, capacity);
      }

      /**
       * Refers the case to the in-scope department as the deputy would, then takes the loop's
       * actions that lead to `state`: the department acknowledges (and asks for an extension, or
       * answers; staff accept the answer), or returns it. Returns the referral's id.
       */
      async function driveReferral(
        concern: Concern,
        state: NonNullable<Action["referral"]>,
        now: Date,
        far: boolean,
      ): Promise<number> {
        const [deputy, staff]: Actor[] = far ? ["deputy-out", "staff-out"] : ["deputy-in", "staff-in"];
        const time = {
          now,
          calendar: (await loadWorkingCalendar(bot.prisma)).calendar,
          timeZone: "Asia/Shanghai",
        };
        const [referral] = await referCase(bot.db, {
          concernId: concern.id,
          departmentIds: [departments.in],
          actor: await actorOf(deputy!, "representative"),
          time,
        });
        const referralId = referral!.id;
        const act = async (actor: Actor, capacity: ReferralCapacity, command: ReferralCommand) =>
          actOnReferral(bot.db, { referralId, command, actor: await actorOf(actor, capacity), time });
        const department = (command: ReferralCommand) => act("department-in", "department", command);
        if (state.status === "returned")
          await department({ action: "return", reason: "information_missing", suggestedDepartmentId: null });
        if (["acknowledged", "answered", "accepted"].includes(state.status))
          await department({ action: "acknowledge" });
        if (state.pendingExtension)
          await department({ action: "request_extension", reason: "需要更多时间", date: "2027-06-30" });
        if (["answered", "accepted"].includes(state.status))
          await department({
            action: "answer",
            answerClass: "A",
            text: "已处理。",
            contactPerson: "李工",
            promisedDate: null,
          });
        if (state.status === "accepted") await act(staff!, "staff", { action: "review", accept: true });
        expect((await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe(
          state.status,
        );
        return referralId;
      }

      /** A fresh case of 东门社区 by the in-scope citizen, with a referral to the in-scope department. */
      async function prepare(action: Action): Promise<Fixture> {
        const prisma = bot.prisma;
        const now = new Date();
        const concern = await fileConcern(bot.db, {
          citizenId: citizenInId,
          district: action.far ? "QS-SQ-SQ" : "QS-CG-DM",
          text: `矩阵 ${action.name}`,
          now,
        });
        const fixture: Fixture = { concern };
        if (action.name === "merge")
          fixture.main = await fileConcern(bot.db, {
            citizenId: citizenInId,
            district: "QS-CG-DM",
            text: "矩阵主案",
            now,
          });
        if (action.referral) {
          fixture.referralId = await driveReferral(concern, action.referral, now, action.far === true);
        } else if (action.name !== "refer") {
          // Linking the department to a case that is not yet referred is something no button does
          // (referring moves the case out of the state these actions need): a row, as the fixture
          // that puts the department "in scope" of the case actions it must still be refused.
          const referral = await prisma.referral.create({
            data: {
              concernId: concern.id,
              departmentId: departments.in,
              status: "sent",
              deadline: new Date(now.getTime() + 20 * 86_400_000),
              createdAt: now,
              updatedAt: now,
            },
          });
          fixture.referralId = referral.id;
        }
        return fixture;
      }

      /** Everything a cell could change: the cases, their timelines, referrals and extensions. */
      async function snapshot(f: Fixture): Promise<string> {
        const caseIds = [f.concern.id, ...(f.main ? [f.main.id] : [])];
        const prisma = bot.prisma;
        const [concerns, events, referrals, extensions] = await Promise.all([
          prisma.concern.findMany({ where: { id: { in: caseIds } }, orderBy: { id: "asc" } }),
          prisma.concernEvent.count({ where: { concernId: { in: caseIds } } }),
          prisma.referral.findMany({ where: { concernId: { in: caseIds } }, orderBy: { id: "asc" } }),
          prisma.referralExtension.findMany({ where: { referral: { concernId: { in: caseIds } } } }),
        ]);
        return JSON.stringify({ concerns, events, referrals, extensions }, (_k, v) =>
          typeof v === "bigint" ? String(v) : v,
        );
      }

      const cells = caseActions
        .flatMap((action) => actors.map((actor) => ({ action, actor })))
        .filter((_cell, index) => index % parts === part);

      it.each(
        cells.map(
          (c) =>
            [c.action.name, c.actor, c.action.allowed.includes(c.actor) ? "allowed" : "refused", c] as const,
        ),
      )("%s by %s: %s", async (_name, _actor, verdict, { action, actor }) => {
        const user = users.get(actor)!;
        const fixture = await prepare(action);
        const before = await snapshot(fixture);
        const answersBefore = bot.fake.callsTo("answerCallbackQuery").length;
        const textsBefore = user.texts().length;
        for (const data of action.presses(fixture, ids)) await user.pressData(data);
        for (const text of typeof action.text === "string" ? [action.text] : (action.text ?? []))
          await user.send(text);
        if (action.text) {
          const confirm = user.findButton("发送");
          if (confirm && user.texts().length > textsBefore)
            await user.pressData(confirm.data, confirm.messageId);
        }
        const after = await snapshot(fixture);
        if (verdict === "allowed") {
          expect(after, `${action.name} by ${actor} should change the case`).not.toBe(before);
          return;
        }
        expect(after, `${action.name} by ${actor} must change nothing`).toBe(before);
        // The refusal is said, in the user's language (Chinese here).
        const answers = bot.fake
          .callsTo("answerCallbackQuery")
          .slice(answersBefore)
          .map((c) => String(c.payload.text ?? ""));
        const said = [...answers, ...user.texts().slice(textsBefore)].filter((t) => t.length > 0);
        expect(said.length, `${action.name} by ${actor}: a refusal is said`).toBeGreaterThan(0);
        expect(said.some((t) => CJK.test(t))).toBe(true);
      });
    },
  );
}
