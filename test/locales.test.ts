// Every word a user sees is a Fluent key present in both locales, and every key the code
// asks for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../src/bot/i18n.js";

const localesDir = new URL("../locales/", import.meta.url).pathname;
const srcDir = new URL("../src/", import.meta.url).pathname;

/** The keys of one locale: every .ftl file in its folder, which the i18n plugin merges. */
function keysOf(locale: string): Set<string> {
  const keys = new Set<string>();
  for (const file of ftlFiles(locale)) {
    const source = readFileSync(join(localesDir, locale, file), "utf8");
    for (const m of source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)) {
      if (keys.has(m[1]!)) throw new Error(`${locale}: key ${m[1]} defined twice`);
      keys.add(m[1]!);
    }
  }
  return keys;
}

function ftlFiles(locale: string): string[] {
  return readdirSync(join(localesDir, locale))
    .filter((f) => f.endsWith(".ftl"))
    .sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  const zh = keysOf("zh-CN");
  const en = keysOf("en");

  it("are split into the same files, one per feature", () => {
    expect(ftlFiles("en")).toEqual(ftlFiles("zh-CN"));
  });

  it("have the same keys", () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(100);
  });

  it("contain every literal key the code translates", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][\w-]*)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("contain every status, rating and role the code builds keys for", () => {
    const dynamic = [
      ...["new", "accepted", "referred", "resolved", "unresolved", "declined", "merged", "reopened"].map(
        (s) => `status-${s}`,
      ),
      ...["satisfied", "basically_satisfied", "unsatisfied"].map((r) => `rating-${r}`),
      "role-representative",
      "role-staff",
      "invite-not-found",
      "invite-used",
      "invite-expired",
      "invite-welcome-representative",
      "invite-welcome-staff",
      "case-write-resolve",
      "case-write-decline",
      "case-resolved",
      "case-declined",
      ...["representative", "staff", "admin", "department"].map((r) => `actor-${r}`),
      ...[
        "message",
        "resolve",
        "decline",
        "case-confirm",
        "activity-record",
        "stats-range",
        "report-narrative",
      ].map((k) => `prompt-what-${k}`),
      ...["command", "button", "timeout"].map((r) => `prompt-reason-${r}`),
      ...["citizen", "handler", "staff", "admin", "department"].map((m) => `menu-${m}`),
      ...["staff", "admins", "nobody"].map((a) => `concern-submitted-${a}`),
      ...["kept", "command", "kept-above", "command-above"].map((k) => `consent-gate-${k}`),
      ...["message", "resolve", "decline"].map((a) => `case-confirm-${a}`),
    ];
    expect(dynamic.filter((k) => !zh.has(k))).toEqual([]);
  });

  it("render without Fluent errors in both languages", () => {
    const i18n = createI18n("zh-CN");
    for (const locale of ["zh-CN", "en"]) {
      const text = i18n.t(locale, "concern-submitted", { caseNo: "2026-00001" });
      expect(text).toContain("2026-00001");
      expect(text).not.toMatch(/[\u2068\u2069]/);
    }
    expect(i18n.t("en", "status-referred")).toBe("Referred");
    expect(i18n.t("zh-CN", "status-referred")).toBe("已转办");
  });
});
