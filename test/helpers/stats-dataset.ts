// The hand-built November 2026 of the statistics tests (times in Asia/Shanghai, "now" is
// 2026-11-30 12:00). The figures each test expects are worked out from this list by hand:
//
//  #   district   category     state now                        reply  on time  rating (latest)
//  1–6 东门社区    道路交通      resolved, closed after 2 days   n h    yes      satisfied
//  7–8 东门社区    道路交通      resolved, closed after 2 days   n h    yes      basically_satisfied
//  9   东门社区    道路交通      reopened by 不满意 (open, due 11-17) 9 h  —      unsatisfied
//  10  东门社区    道路交通      resolved after 20 days (late)   10 h   no       satisfied
//  11  东门社区    道路交通      resolved after 20 days (late)   11 h   no       —
//  12  东门社区    道路交通      declined after 1 day            12 h   yes      —
//  13  石桥村      环境卫生      new, due 11-18 (overdue now)    —      —        —
//  14  石桥村      环境卫生      accepted, due 12-10             5 h    —        —
//  15  石桥村      环境卫生      merged into another case        —      —        —
//  16  石桥村      环境卫生      received in October, new, due 10-25 (overdue now)
// Cases 1–12 are assigned to the 东门社区 deputy, 14 to the 石桥村 deputy; every replied case
// also has an automatic message 6 minutes in, which must not count as a reply.
// Activities: a reception day in 东门社区 on 11-15 (done, 30 people, the 东门 deputy on duty),
// a visit on 11-20 (done, attendance not recorded), one on 10-15 (done) and one on 11-28 (published, not done).
import type { Prisma } from "../../src/db/client.js";
import { addActivity, addCase, DAY, HOUR } from "./stats-cases.js";

export const november = { now: new Date("2026-11-30T04:00:00Z") };

export interface StatsDataset {
  citizenId: number;
  dmDeputyId: number;
  sqDeputyId: number;
  caseIds: number[];
}

async function person(prisma: Prisma, telegramId: number, role: string, extra: Record<string, unknown> = {}) {
  const now = new Date();
  return prisma.user.create({
    data: {
      telegramId: BigInt(telegramId),
      firstName: `P${telegramId}`,
      role,
      locale: "zh-CN",
      consentedAt: now,
      staffNoticeAt: now,
      createdAt: now,
      updatedAt: now,
      ...extra,
    },
  });
}

/** Writes the data set; deputies get Telegram ids 7001 (东门) and 7002 (石桥), the citizen 7100. */
export async function buildNovemberDataset(prisma: Prisma): Promise<StatsDataset> {
  const dm = await prisma.district.findUniqueOrThrow({ where: { code: "QS-CG-DM" } });
  const sq = await prisma.district.findUniqueOrThrow({ where: { code: "QS-SQ-SQ" } });
  const citizen = await person(prisma, 7100, "citizen", { districtId: dm.id });
  const dmDeputy = await person(prisma, 7001, "representative", { firstName: "王代表" });
  const sqDeputy = await person(prisma, 7002, "representative", { firstName: "李代表" });
  const now = new Date();
  await prisma.representativeAssignment.createMany({
    data: [
      { userId: dmDeputy.id, districtId: dm.id, createdAt: now },
      { userId: sqDeputy.id, districtId: sq.id, createdAt: now },
    ],
  });
  const base = new Date("2026-11-02T02:00:00Z"); // 2026-11-02 10:00 in Shanghai
  const caseIds: number[] = [];
  const add = async (spec: Parameters<typeof addCase>[2]) =>
    caseIds.push(await addCase(prisma, citizen.id, spec));
  for (let i = 1; i <= 12; i++) {
    const createdAt = new Date(base.getTime() + (i - 1) * HOUR);
    const common = {
      district: "QS-CG-DM",
      category: "roads-traffic",
      createdAt,
      assigneeId: dmDeputy.id,
      systemMessageAfterHours: 0.1,
      replyAfterHours: i,
    } as const;
    if (i <= 8) {
      const rating = i <= 6 ? "satisfied" : "basically_satisfied";
      await add({
        ...common,
        status: "resolved",
        closedAt: new Date(createdAt.getTime() + 2 * DAY),
        closures: [[48, "resolved"]],
        ratings: [[50, rating, "resolved", "resolved"]],
      });
    } else if (i === 9) {
      await add({
        ...common,
        status: "reopened",
        closures: [[48, "resolved"]],
        ratings: [[50, "unsatisfied", "resolved", "reopened"]],
      });
    } else if (i === 10 || i === 11) {
      await add({
        ...common,
        status: "resolved",
        closedAt: new Date(createdAt.getTime() + 20 * DAY),
        closures: [[480, "resolved"]],
        ratings: i === 10 ? [[482, "satisfied", "resolved", "resolved"]] : [],
      });
    } else {
      await add({
        ...common,
        status: "declined",
        closedAt: new Date(createdAt.getTime() + DAY),
        closures: [[24, "declined"]],
      });
    }
  }
  const environment = { district: "QS-SQ-SQ", category: "environment-sanitation" } as const;
  await add({ ...environment, createdAt: new Date("2026-11-03T02:00:00Z"), status: "new" });
  await add({
    ...environment,
    createdAt: new Date("2026-11-25T02:00:00Z"),
    status: "accepted",
    assigneeId: sqDeputy.id,
    systemMessageAfterHours: 0.1,
    replyAfterHours: 5,
  });
  await add({ ...environment, createdAt: new Date("2026-11-26T02:00:00Z"), status: "merged" });
  await add({ ...environment, createdAt: new Date("2026-10-10T02:00:00Z"), status: "new" });

  await addActivity(prisma, {
    district: "QS-CG-DM",
    kind: "reception",
    startsAt: new Date("2026-11-15T01:00:00Z"),
    status: "done",
    attendance: 30,
    deputyIds: [dmDeputy.id],
  });
  await addActivity(prisma, {
    district: "QS-CG-DM",
    kind: "visit",
    startsAt: new Date("2026-11-20T01:00:00Z"),
    status: "done",
  });
  await addActivity(prisma, {
    district: "QS-CG-DM",
    kind: "visit",
    startsAt: new Date("2026-10-15T01:00:00Z"),
    status: "done",
    attendance: 12,
  });
  await addActivity(prisma, {
    district: "QS-CG-DM",
    kind: "hearing",
    startsAt: new Date("2026-11-28T01:00:00Z"),
    status: "published",
  });
  return { citizenId: citizen.id, dmDeputyId: dmDeputy.id, sqDeputyId: sqDeputy.id, caseIds };
}

/** A staff member (Telegram id `telegramId`) whose scope is the district `code` and below. */
export async function addStaffMember(
  prisma: Prisma,
  telegramId: number,
  code: string,
  locale = "zh-CN",
): Promise<number> {
  const district = await prisma.district.findUniqueOrThrow({ where: { code } });
  const user = await person(prisma, telegramId, "staff", { locale, staffDistrictId: district.id });
  return user.id;
}
