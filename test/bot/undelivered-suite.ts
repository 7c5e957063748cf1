// A message to the citizen that cannot be delivered is never reported as sent and forgotten:
// the deputy is told in the chat, and why (blocked, account gone, rejected by Telegram); the
// case's timeline shows it to the handlers (never to the citizen); the case shows the
// citizen is unreachable.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Dialect } from "../../src/db/client.js";
import { createInvite } from "../../src/db/queries/invites.js";
import { testDialects } from "../helpers/database.js";
import type { FailureRule } from "../helpers/fake-bot-api.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

/** The suite on `dialect` (one file per dialect, undelivered-<dialect>.test.ts, so that they run side by side); skipped when TEST_DIALECTS leaves it out. */
export function describeUndelivered(dialect: Dialect): void {
  describe.skipIf(!testDialects.includes(dialect))(
    `undeliverable messages to the citizen on ${dialect}`,
    () => {
      let bot: TestBot;
      let deputy: TestUser;
      let citizen: TestUser;
      let caseNo: string;

      beforeEach(async () => {
        bot = await TestBot.create({ dialect });
        deputy = bot.user(2401, { firstName: "王代表" });
        citizen = bot.user(3401, { firstName: "张三" });
        const invite = await createInvite(bot.prisma, {
          role: "representative",
          districtCode: "QS-CG-DM",
          ttlHours: 1,
          now: new Date(),
        });
        await deputy.send(`/start inv_${invite.token}`);
        await deputy.press("同意并继续");
        await citizen.onboard("QS-CG-DM");
        await citizen.send("/new");
        await citizen.send("楼道灯不亮。");
        await citizen.press("描述完成");
        await citizen.press("道路交通");
        await citizen.press("提交");
        caseNo = (await bot.prisma.concern.findFirstOrThrow()).caseNo;
        await bot.drainJobs();
      });
      afterEach(() => bot.close());

      async function reply(text: string) {
        await deputy.press("回复");
        await deputy.send(text);
        await deputy.press("发送");
        await bot.drainJobs();
        await bot.drainJobs();
      }

      const warnings = () => deputy.texts().filter((t) => t.includes("未能送达"));

      it.each<[string, FailureRule, string]>([
        [
          "blocked",
          { method: /^send/, kind: "403", description: "Forbidden: bot was blocked by the user" },
          "对方已屏蔽本机器人",
        ],
        [
          "deactivated",
          { method: /^send/, kind: "403", description: "Forbidden: user is deactivated" },
          "账号已注销或无法找到",
        ],
        [
          "rejected",
          {
            method: /^send/,
            kind: "400",
            description: "Bad Request: can't parse entities: unsupported start tag",
          },
          "Telegram 拒收了这条消息",
        ],
      ])("tells the deputy when the citizen has %s the reply, and why", async (_name, rule, why) => {
        await deputy.press("受理");
        await bot.drainJobs();
        bot.fake.failWith({ ...rule, chatId: citizen.id });
        await reply("好的");
        const warning = warnings().at(-1) ?? "";
        expect(warning).toContain(caseNo);
        expect(warning).toContain(why);
        const entries = await bot.prisma.concernEvent.findMany({ where: { kind: "undelivered" } });
        expect(entries).toHaveLength(1);
        // Never "sent" of what was not delivered: "on its way" first, then the warning (issue 7).
        const said = deputy.texts();
        expect(said.some((t) => t.includes("回复已发送") || t.includes("已送达群众"))).toBe(false);
        const queued = said.findLastIndex((t) => t.includes("正在发给群众"));
        expect(queued).toBeGreaterThanOrEqual(0);
        expect(said.findLastIndex((t) => t.includes("未能送达"))).toBeGreaterThan(queued);
      });

      it("says a reply is on its way, then that it was delivered once Telegram accepted it", async () => {
        await deputy.press("受理");
        await bot.drainJobs();
        await deputy.press("回复");
        await deputy.send("好的,明天处理。");
        await deputy.press("发送");
        expect(deputy.lastText()).toContain(`回复已提交,正在发给群众(诉求 <b>${caseNo}</b>)`);
        expect(citizen.texts().some((t) => t.includes("好的,明天处理。"))).toBe(false);
        await bot.drainJobs();
        await bot.drainJobs();
        expect(citizen.texts().some((t) => t.includes("好的,明天处理。"))).toBe(true);
        const delivered = deputy.texts().filter((t) => t.includes("已送达群众"));
        expect(delivered).toEqual([`✅ 诉求 <b>${caseNo}</b>:您的回复已送达群众。`]);
        expect(deputy.lastText()).toBe(delivered[0]);
        expect(warnings()).toHaveLength(0);
      });

      it("shows the unreachable citizen on the case and the failure on its timeline, not to the citizen", async () => {
        bot.fake.failWith({ method: /^send/, chatId: citizen.id, kind: "403" });
        await deputy.press("受理");
        await bot.drainJobs();
        await bot.drainJobs();
        expect(warnings()).toHaveLength(1);
        // Once known to be unreachable, the next reply is not sent in vain — and not passed over.
        await reply("好的");
        expect(warnings()).toHaveLength(2);
        expect(await bot.prisma.concernEvent.count({ where: { kind: "undelivered" } })).toBe(2);

        await deputy.send("/inbox");
        await deputy.press(new RegExp(caseNo));
        const details = deputy.texts().slice(-2).join("\n");
        expect(details).toContain("群众无法联系");
        expect(details).toContain("消息未能送达群众:对方已屏蔽本机器人");
      });

      it("never shows the failure to the citizen", async () => {
        await deputy.press("受理");
        await bot.drainJobs();
        bot.fake.failWith({
          method: /^send/,
          chatId: citizen.id,
          kind: "400",
          times: 1,
          description: "Bad Request: message is too long",
        });
        await reply("好的");
        await citizen.send("/my");
        await citizen.press(new RegExp(caseNo));
        expect(citizen.lastText()).not.toContain("未能送达");
      });

      it.each([
        ["办结", "请输入办理结果", "已办结,办理结果正在发给群众", "办理结果已送达群众"],
        ["不予处理", "请输入不予处理的理由", "已标记为不予处理,理由正在发给群众", "不予处理的理由已送达群众"],
      ])(
        "%s: says the words are on their way, then delivered once Telegram accepted them",
        async (button, _p, queued, delivered) => {
          await deputy.press(button);
          await deputy.send("已协调物业处理。");
          await deputy.press("发送");
          expect(deputy.lastText()).toContain(queued);
          expect(deputy.texts().some((t) => t.includes("已通知群众") || t.includes("已告知群众"))).toBe(
            false,
          );
          await bot.drainJobs();
          await bot.drainJobs();
          expect(citizen.texts().some((t) => t.includes("已协调物业处理。"))).toBe(true);
          expect(deputy.lastText()).toBe(
            `✅ 诉求 <b>${caseNo}</b>:${delivered}${button === "办结" ? ",并已请其评价。" : "。"}`,
          );
        },
      );

      it.each([
        ["办结", "请输入办理结果"],
        ["不予处理", "请输入不予处理的理由"],
      ])("%s for a blocked citizen: never says the citizen was told, and warns", async (button) => {
        bot.fake.failWith({
          method: /^send/,
          chatId: citizen.id,
          kind: "403",
          description: "Forbidden: bot was blocked by the user",
        });
        await deputy.press(button);
        await deputy.send("已协调物业处理。");
        await deputy.press("发送");
        await bot.drainJobs();
        await bot.drainJobs();
        const said = deputy.texts();
        expect(said.some((t) => /已通知群众|已告知群众|已送达群众/.test(t))).toBe(false);
        const queued = said.findLastIndex((t) => t.includes("正在发给群众"));
        expect(queued).toBeGreaterThanOrEqual(0);
        expect(said.findLastIndex((t) => t.includes("未能送达"))).toBeGreaterThan(queued);
      });

      it("warns in the Reply, Resolve and Decline prompts when the citizen is known to be unreachable", async () => {
        await deputy.press("回复");
        expect(deputy.lastText()).not.toContain("群众目前无法联系");
        await deputy.send("/inbox");
        bot.fake.failWith({
          method: /^send/,
          chatId: citizen.id,
          kind: "403",
          description: "Forbidden: bot was blocked by the user",
        });
        await deputy.press("受理");
        await bot.drainJobs();
        await bot.drainJobs();
        for (const [button, prompt] of [
          ["回复", "请输入给群众的回复"],
          ["办结", "请输入办理结果"],
          ["不予处理", "请输入不予处理的理由"],
        ] as const) {
          await deputy.press(button);
          const text = deputy.lastText();
          const [warning] = text.split("\n");
          expect(warning).toContain("⚠️ 群众目前无法联系");
          expect(warning).toContain("对方已屏蔽本机器人。您写的内容会记入诉求,但很可能无法送达群众");
          expect(text).toContain(prompt);
          await deputy.send("/inbox");
        }
      });
    },
  );
}
