import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import {
  casesDueForErasure,
  closedCaseRule,
  type DeletionRemains,
  deletionSummary,
  type PersonalDataExport,
  personalDataSummary,
  retentionCutoff,
  retentionPolicy,
} from "../../src/domain/personal-data.js";

const now = new Date("2028-02-29T04:00:00Z");

describe("the retention policy", () => {
  it("says what the privacy notice promises, word for word", () => {
    const notice = readFileSync(new URL("../../locales/zh-CN/privacy.ftl", import.meta.url), "utf8");
    for (const rule of retentionPolicy) expect(notice).toContain(rule.promise);
    const en = readFileSync(new URL("../../locales/en/privacy.ftl", import.meta.url), "utf8");
    expect(en).toContain(`kept for ${closedCaseRule.keepYears} years after a case is closed`);
    expect(closedCaseRule.promise).toContain(`${closedCaseRule.keepYears} 年`);
  });

  it("erases a closed case's contents three calendar years after it closed, and never an open one", () => {
    expect(retentionCutoff(closedCaseRule, now).toISOString()).toBe("2025-03-01T04:00:00.000Z");
    expect(retentionCutoff(closedCaseRule, new Date("2029-06-01T00:00:00Z")).toISOString()).toBe(
      "2026-06-01T00:00:00.000Z",
    );
    const cases = [
      { id: 1, closedAt: new Date("2025-02-28T00:00:00Z"), erasedAt: null },
      { id: 2, closedAt: new Date("2025-03-01T04:00:00Z"), erasedAt: null },
      { id: 3, closedAt: null, erasedAt: null },
      { id: 4, closedAt: new Date("2020-01-01T00:00:00Z"), erasedAt: new Date("2023-01-01T00:00:00Z") },
    ];
    expect(casesDueForErasure(cases, now).map((c) => c.id)).toEqual([1]);
  });

  it("has no time limit on the account: it is kept until the person deletes it", () => {
    const account = retentionPolicy.find((r) => r.id === "account")!;
    expect(account.keepYears).toBeNull();
    expect(() => retentionCutoff(account, now)).toThrow();
  });
});

describe("the readable summaries", () => {
  const i18n = createI18n("zh-CN");
  const data: PersonalDataExport = {
    format: "liaison-station/personal-data@1",
    exportedAt: "2026-06-01T02:00:00.000Z",
    profile: {
      telegramId: "987654321",
      firstName: "三丰",
      lastName: "张",
      username: "zsf",
      locale: "zh-CN",
      role: "citizen",
      district: { code: "QS-CG-DM", nameZh: "东门社区", nameEn: "Dongmen Community" },
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    },
    consents: {
      privacyNoticeAcceptedAt: "2026-01-01T00:00:00.000Z",
      locationConsentAt: null,
      noticesOptOutAt: null,
    },
    moderation: { mutedAt: null, blockedAt: null, actions: [] },
    cases: [
      {
        caseNo: "2026-00001",
        status: "resolved",
        category: null,
        district: "QS-CG-DM",
        anonymous: false,
        description: "紫藤巷下水道堵塞",
        location: null,
        outcome: "已疏通",
        rating: "satisfied",
        ratedAt: "2026-01-05T00:00:00.000Z",
        createdAt: "2026-01-02T00:00:00.000Z",
        closedAt: "2026-01-04T00:00:00.000Z",
        intake: { source: "phone", contactName: "张三丰", contactPhone: "13912345678" },
        messages: [
          { at: "2026-01-02T00:00:00.000Z", from: "you", kind: "created", text: "紫藤巷下水道堵塞" },
        ],
        attachments: [
          {
            kind: "photo",
            fileName: "楼道.jpg",
            mimeType: "image/jpeg",
            fileSize: 1000,
            at: "2026-01-02T00:00:00.000Z",
          },
        ],
      },
    ],
    cosigned: [],
    subscriptions: [{ district: "QS-CG-DM", active: true, since: "2026-01-01T00:00:00.000Z" }],
    rsvps: [],
    invitesUsed: [],
    session: null,
    broadcastsReceived: 2,
  };
  const date = (iso: string) => iso.slice(0, 10);

  it.each(["zh-CN", "en"])(
    "list the profile, consents, cases with their attachments by name in %s",
    (locale) => {
      const text = personalDataSummary(data, (key, args) => i18n.t(locale, key, args), date);
      for (const expected of [
        "987654321",
        "三丰 张",
        "@zsf",
        "2026-00001",
        "紫藤巷下水道堵塞",
        "楼道.jpg",
        "13912345678",
        "QS-CG-DM",
      ])
        expect(text).toContain(expected);
      expect(text).toContain(i18n.t(locale, "status-resolved"));
      expect(text).toContain(i18n.t(locale, "rating-satisfied"));
      expect(text).not.toMatch(/privacy-data-|\{ ?\$/);
    },
  );

  it.each(["zh-CN", "en"])("tell exactly what deletion left, in %s", (locale) => {
    const remains: DeletionRemains = {
      cases: [
        {
          caseNo: "2026-00001",
          district: "QS-CG-DM",
          category: null,
          status: "resolved",
          createdAt: "2026-01-02T00:00:00.000Z",
          closedAt: "2026-01-04T00:00:00.000Z",
          rating: "satisfied",
        },
        {
          caseNo: "2026-00007",
          district: "QS-CG-DM",
          category: null,
          status: "withdrawn",
          createdAt: "2026-05-02T00:00:00.000Z",
          closedAt: "2026-06-01T00:00:00.000Z",
          rating: null,
        },
      ],
      withdrawn: ["2026-00007"],
      cosignatures: 1,
      moderationRecords: 0,
    };
    const text = deletionSummary(remains, (key, args) => i18n.t(locale, key, args));
    expect(text).toContain("2026-00001, 2026-00007");
    expect(text).toContain(i18n.t(locale, "privacy-deleted-withdrawn", { count: 1, cases: "2026-00007" }));
    expect(text).toContain(i18n.t(locale, "privacy-deleted-kept-cosignatures", { count: 1 }));
    expect(text).not.toContain(i18n.t(locale, "privacy-deleted-kept-moderation", { count: 0 }));
    const nothing = deletionSummary(
      { cases: [], withdrawn: [], cosignatures: 0, moderationRecords: 0 },
      (key, args) => i18n.t(locale, key, args),
    );
    expect(nothing).toContain(i18n.t(locale, "privacy-deleted-kept-nothing"));
  });
});
