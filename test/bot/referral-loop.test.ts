// The referral loop driven as its people drive it, on a hand-set clock: a deputy refers a
// case to a department (a past deadline refused), the department — which does not see who the
// citizen is — returns it to the wrong department with a reason, staff re-route it, the new
// department acknowledges, asks for more time (staff approve; the citizen hears the new date
// and why), answers B with a promised date; staff send it back for rework; the deputy is not
// satisfied (重办); then satisfied; the citizen gets the outcome and is not satisfied (重办
// again). Bad input and forged buttons change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";

describe.each(testDialects)("the referral loop on %s", (dialect) => {
  let bot: TestBot;
  // Tuesday 1 December 2026, 10:00 in Shanghai.
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let citizen: TestUser;
  let staff: TestUser;
  let countyStaff: TestUser;
  let transport: TestUser;
  let housing: TestUser;
  let caseNo: string;

  const referrals = () =>
    bot.prisma.referral.findMany({ orderBy: { id: "asc" }, include: { department: true } });
  const latest = async () => (await referrals()).at(-1)!;

  async function join(user: TestUser, role: "representative" | "department", code: string) {
    const invite = await createInvite(bot.prisma, {
      role,
      districtCode: code,
      ttlHours: 1,
      now: clock,
    });
    await user.send(`/start inv_${invite.token}`);
    // A department's contact reads the notice for those who handle cases, not the citizens' one.
    if (role === "department") {
      expect(user.lastText()).toContain("承办部门联系人须知");
      expect(user.lastText()).not.toContain("欢迎使用人大代表联络站机器人");
    }
    await user.press("同意并继续");
  }

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    deputy = bot.user(2001, { firstName: "王代表" });
    citizen = bot.user(3001, { firstName: "张三", username: "zhangsan" });
    staff = bot.user(4001, { firstName: "城关工作人员" });
    countyStaff = bot.user(4002, { firstName: "县工作人员" });
    transport = bot.user(5001, { firstName: "交通局" });
    housing = bot.user(5002, { firstName: "住建局" });
    await addUser(bot.prisma, { telegramId: 4001, staffOf: "QS-CG" });
    await addUser(bot.prisma, { telegramId: 4002, staffOf: "QS" });
    await join(deputy, "representative", "QS-CG-DM");
    await join(transport, "department", "transport");
    await join(housing, "department", "housing");
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send("东门社区3号楼前的路面塌陷,雨天积水很深。");
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    await bot.drainJobs();
    caseNo = (await bot.prisma.concern.findFirstOrThrow()).caseNo;
  });
  afterAll(() => bot.close());

  it("offers the deputy 转办 and the default deadline in working days; a past date is refused", async () => {
    await deputy.press("转办");
    expect(deputy.lastText()).toContain(`将诉求 <b>${caseNo}</b> 交办给哪些部门`);
    await deputy.press("下一步");
    expect(deputy.callbackAnswers().at(-1)).toBe("请至少选择一个部门。");
    await deputy.press("青山县交通运输局");
    expect(deputy.findButton("✅ 青山县交通运输局")).toBeDefined();
    await deputy.press("下一步");
    // 20 working days after Tuesday 1 December: the day itself does not count.
    expect(deputy.lastText()).toBe("默认答复期限:2026-12-29(20 个工作日)。");
    await deputy.press("另定日期");
    await deputy.send("2026-11-30");
    expect(deputy.lastText()).toBe("日期 2026-11-30 不在今天之后,请输入以后的日期(格式 2026-12-31)。");
    await deputy.send("明天");
    expect(deputy.lastText()).toBe("“明天”不是有效日期,请按 2026-12-31 的格式输入。");
    expect(await bot.prisma.referral.count()).toBe(0);
    await deputy.send("2026-12-31");
    expect(deputy.lastText()).toBe("请输入给部门的交办说明(可选):");
    await deputy.send("请尽快派人查看。");
    expect(deputy.lastText()).toContain("部门:青山县交通运输局");
    await deputy.press("确认交办");
    expect(deputy.lastText()).toBe(`诉求 <b>${caseNo}</b> 已交办给 青山县交通运输局,答复期限 2026-12-31。`);

    const [referral] = await referrals();
    expect(referral!.department.code).toBe("transport");
    expect(referral!.status).toBe("sent");
    expect(referral!.deadline.toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(referral!.note).toBe("请尽快派人查看。");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.status).toBe("referred");
    expect(concern.assigneeId).toBe((await deputy.record())!.id);
  });

  it("sends the department its card without the citizen's name, and tells the citizen", async () => {
    await bot.drainJobs();
    const card = transport.lastText();
    expect(card).toContain("📮 新的交办件");
    expect(card).toContain(`交办件 <b>${caseNo}</b> · 青山县交通运输局 · 待签收`);
    expect(card).toContain("路面塌陷");
    expect(card).toContain("交办说明:请尽快派人查看。");
    expect(card).toContain("群众:未同意向承办部门提供个人信息");
    expect(transport.texts().join("\n")).not.toContain("张三");
    expect(transport.texts().join("\n")).not.toContain("zhangsan");
    expect(housing.texts().join("\n")).not.toContain(caseNo);
    expect(citizen.lastText()).toContain(`您的诉求 <b>${caseNo}</b> 已转交 青山县交通运输局 办理`);
  });

  it("refuses a department's action on another department's referral, and a return without a reason", async () => {
    const referral = await latest();
    await housing.pressData(`rf:ack:${referral.id}:0`);
    expect(housing.callbackAnswers().at(-1)).toBe("您无权对该交办件进行这个操作。");
    await citizen.pressData(`rf:ans:${referral.id}:0`);
    expect(citizen.callbackAnswers().at(-1)).toBe("您无权对该交办件进行这个操作。");
    await transport.pressData(`rf:rd:${referral.id}:0`);
    expect(transport.callbackAnswers().at(-1)).toBe("缺少必填内容(例如退回理由),未作任何更改。");
    expect((await latest()).status).toBe("sent");
  });

  it("lets the department return it with a reason and the department it should go to", async () => {
    await transport.press("退回");
    await transport.press("不属于本单位职责");
    expect(transport.lastText()).toBe("请选择应当承办的部门:");
    expect(transport.findButton("青山县交通运输局")?.data.startsWith("rf:rd")).not.toBe(true);
    await transport.press("青山县住房和城乡建设局");
    expect(transport.callbackAnswers().at(-1)).toBe("已退回,联络站将改派");
    const referral = await latest();
    expect(referral.status).toBe("returned");
    expect(referral.returnReason).toBe("not_our_remit");
    const housingDept = await bot.prisma.department.findUniqueOrThrow({ where: { code: "housing" } });
    expect(referral.suggestedDepartmentId).toBe(housingDept.id);
    await bot.drainJobs();
    expect(staff.lastText()).toContain(`青山县交通运输局 退回了交办件 <b>${caseNo}</b>,请在一个工作日内改派`);
    expect(staff.lastText()).toContain("退回理由:不属于本单位职责");
    expect(staff.lastText()).toContain("建议改交:青山县住房和城乡建设局");
    // Not bounced more than twice: the staff above hear nothing.
    expect(countyStaff.texts().join("\n")).not.toContain(caseNo);
  });

  it("lets staff re-route it to the suggested department, which gets a new card", async () => {
    await deputy.pressData(`rf:ro:${(await latest()).id}:0`);
    expect(deputy.callbackAnswers().at(-1)).toBe("您无权对该交办件进行这个操作。");
    await staff.press("改派到建议的部门");
    expect(staff.callbackAnswers().at(-1)).toBe("已改派");
    const [first, second] = await referrals();
    expect(first!.status).toBe("rerouted");
    expect(second!.department.code).toBe("housing");
    expect(second!.status).toBe("sent");
    await bot.drainJobs();
    expect(housing.lastText()).toContain(`交办件 <b>${caseNo}</b> · 青山县住房和城乡建设局 · 待签收`);
    // The re-routed referral keeps the deputy's 交办说明.
    expect(second!.note).toBe(first!.note);
    expect(housing.lastText()).toContain("交办说明:请尽快派人查看。");
  });

  it("lets the department acknowledge and ask for more time; staff approve; the citizen hears the date and why", async () => {
    await housing.press("签收");
    expect(housing.callbackAnswers().at(-1)).toBe("已签收");
    expect((await latest()).status).toBe("acknowledged");
    await housing.press("申请延期");
    await housing.send("需要组织现场勘查和设计。");
    await housing.send("2026-11-01");
    expect(housing.lastText()).toContain("不在今天之后");
    expect(await bot.prisma.referralExtension.count()).toBe(0);
    await housing.send("2027-02-26");
    expect(housing.lastText()).toBe("延期申请已提交,等待联络站审批。");
    const extension = await bot.prisma.referralExtension.findFirstOrThrow();
    expect(extension.status).toBe("pending");
    await bot.drainJobs();
    expect(staff.lastText()).toContain("申请延期交办件");
    expect(staff.lastText()).toContain("申请延期至 2027-02-26,理由:需要组织现场勘查和设计。");
    await staff.press("同意延期");
    expect((await latest()).deadline.toISOString()).toBe("2027-02-26T15:59:59.999Z");
    await bot.drainJobs();
    expect(citizen.lastText()).toBe(
      `您的诉求 <b>${caseNo}</b> 的办理期限已延长至 2027-02-26,原因:需要组织现场勘查和设计。`,
    );
    expect(housing.lastText()).toContain("延期申请已获同意");
    // The case card's due date follows the approved extension (issue 8 review, item 5).
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.dueAt?.toISOString()).toBe("2027-02-26T15:59:59.999Z");
    await deputy.pressData(`co:${concern.id}`);
    expect(deputy.lastText()).toContain("办理期限:2027/02/26 23:59");
  });

  it("takes an answer of class B with a contact and a promised date; a second answer is refused", async () => {
    await housing.press("答复");
    await housing.press("B 正在解决");
    await housing.send("已安排施工队,本月内完成路面修复。");
    await housing.send("李工 0571-12345678");
    await housing.send("2026-12-20");
    expect(housing.lastText()).toBe("答复已提交,等待联络站审核。");
    const referral = await latest();
    expect(referral.status).toBe("answered");
    expect(referral.answerClass).toBe("B");
    expect(referral.contactPerson).toBe("李工 0571-12345678");
    expect(referral.promisedAt?.toISOString()).toBe("2026-12-20T15:59:59.999Z");
    await housing.pressData(`rf:ans:${referral.id}:0`);
    expect(housing.callbackAnswers().at(-1)).toBe("该交办件当前为“已答复(待审核)”,不能进行这个操作。");
  });

  it("lets staff send the answer back for rework with a reason, and the department answer again", async () => {
    await bot.drainJobs();
    expect(staff.lastText()).toContain("答复了交办件");
    await staff.press("退回重办");
    await staff.send("请写明施工的具体日期。");
    expect(staff.lastText()).toBe("已退回部门重新答复。");
    expect((await latest()).status).toBe("rework");
    expect((await latest()).reworkCount).toBe(1);
    // The approved extension is later than a fresh default deadline (2026-12-29): it is kept,
    // and the department is told it.
    expect((await latest()).deadline.toISOString()).toBe("2027-02-26T15:59:59.999Z");
    await bot.drainJobs();
    expect(housing.lastText()).toContain("的答复被退回重办:请写明施工的具体日期。\n答复期限:2027-02-26");
    await housing.press("答复");
    await housing.press("A 已解决");
    await housing.send("12月5日已完成路面修复。");
    await housing.send("李工 0571-12345678");
    expect((await latest()).status).toBe("answered");
    await bot.drainJobs();
    await staff.press("审核通过");
    expect((await latest()).status).toBe("accepted");
  });

  it("lets the deputy rate it 不满意 (重办, counted), then 满意; the outcome reaches the citizen", async () => {
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("的答复已通过审核,请评价");
    await citizen.pressData(`rf:rt:${(await latest()).id}:0`);
    expect(citizen.callbackAnswers().at(-1)).toBe("您无权对该交办件进行这个操作。");
    await deputy.press("不满意");
    expect(deputy.lastText()).toBe("请输入对答复不满意的原因(会告知承办部门,交办件将重办):");
    expect((await latest()).status).toBe("accepted");
    await deputy.send("排水问题没有解决。");
    expect(deputy.lastText()).toBe("已记录不满意,交办件已退回部门重办。");
    let referral = await latest();
    expect(referral.deputyRatingNote).toBe("排水问题没有解决。");
    expect(referral.status).toBe("rework");
    expect(referral.redoCount).toBe(1);
    expect(referral.deputyRating).toBe("unsatisfied");
    await bot.drainJobs();
    expect(housing.lastText()).toContain("代表对交办件");
    await housing.press("答复");
    await housing.press("A 已解决");
    await housing.send("路面已重新铺设,排水口已疏通。");
    await housing.send("李工 0571-12345678");
    await bot.drainJobs();
    await staff.press("审核通过");
    await bot.drainJobs();
    await deputy.press("满意");
    referral = await latest();
    expect(referral.status).toBe("closed");
    expect(referral.deputyRating).toBe("satisfied");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.status).toBe("resolved");
    expect(concern.outcome).toContain("路面已重新铺设,排水口已疏通。");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("路面已重新铺设");
    expect(citizen.findButton("不满意")).toBeDefined();
  });

  it("refuses a second answer to the closed referral with a clear message", async () => {
    const referral = await latest();
    await housing.pressData(`rf:ans:${referral.id}:0`);
    expect(housing.callbackAnswers().at(-1)).toBe("该交办件当前为“已办结”,不能进行这个操作。");
    expect((await latest()).status).toBe("closed");
  });

  it("sends the case back to the same department when the citizen is not satisfied (重办)", async () => {
    await citizen.press("不满意");
    const referral = await latest();
    expect(referral.status).toBe("rework");
    expect(referral.reworkReason).toBe("unsatisfied_citizen");
    expect(referral.redoCount).toBe(2);
    // The deputy's rating of the answer is kept apart from the citizen's rating of the case.
    expect(referral.deputyRating).toBe("satisfied");
    const concern = await bot.prisma.concern.findFirstOrThrow();
    expect(concern.rating).toBe("unsatisfied");
    expect(concern.status).toBe("referred");
    await bot.drainJobs();
    expect(housing.lastText()).toContain("群众对诉求");
  });

  it("shows the citizen the referral only in summary on their timeline", async () => {
    await citizen.send("/my");
    await citizen.press(/·/);
    const text = citizen.lastText();
    expect(text).toContain("已转交有关部门办理");
    expect(text).toContain("有关部门已签收");
    expect(text).not.toContain("退回");
    expect(text).not.toContain("请写明施工的具体日期");
    expect(text).not.toContain("住建局");
    // Returned and re-routed: a new referral, but the citizen reads "passed on" once.
    expect(text.split("已转交有关部门办理").length - 1).toBe(1);
  });

  it("localizes every entry of the handlers' timeline, names the department, and says what is left out", async () => {
    const concern = await bot.prisma.concern.findFirstOrThrow();
    await staff.pressData(`co:${concern.id}`);
    const text = staff.lastText();
    const timeline = text.slice(text.indexOf("办理记录"));
    expect(timeline).not.toMatch(/[a-z]+_[a-z]+/);
    expect(timeline).toContain("重办(青山县住房和城乡建设局): 群众对结果不满意");
    expect(timeline).toContain("代表评价答复(青山县住房和城乡建设局): 满意");
    expect(timeline).toContain("答复(青山县住房和城乡建设局): A 已解决");
    const total = await bot.prisma.concernEvent.count({ where: { concernId: concern.id } });
    expect(timeline).toContain(`较早的 ${total - 10} 条记录未显示`);
  });

  it("lists the department's open referrals with /referrals, and nobody else's", async () => {
    await housing.send("/help");
    expect(housing.lastText()).toContain("/referrals 转交本部门的诉求");
    await housing.send("/referrals");
    expect(housing.lastText()).toBe("本部门待办的交办件共 1 件:");
    expect(housing.findButton(new RegExp(`${caseNo} · 重办`))).toBeDefined();
    await transport.send("/referrals");
    expect(transport.lastText()).toBe("本部门目前没有待办的交办件。");
    await citizen.send("/referrals");
    expect(citizen.lastText()).toBe("您不是任何职能部门的联系人。");
  });
});
