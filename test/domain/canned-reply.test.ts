import { describe, expect, it } from "vitest";
import {
  CannedReplyError,
  checkCannedReply,
  renderCannedReply,
  templateVariables,
} from "../../src/domain/canned-reply.js";

describe("canned replies", () => {
  const body = "您反映的问题（编号 {caseNo}）已转{department}办理，预计 {dueDate} 前答复。";

  it("fills the variables", () => {
    expect(
      renderCannedReply(body, { caseNo: "2026-00042", department: "交通运输局", dueDate: "2026-03-18" }),
    ).toBe("您反映的问题（编号 2026-00042）已转交通运输局办理，预计 2026-03-18 前答复。");
  });

  it("puts the caller's dash where a value is missing", () => {
    expect(
      renderCannedReply("{department}/{caseNo}", { caseNo: "X", department: null, dueDate: null }, "—"),
    ).toBe("—/X");
  });

  it("lists the variables a template uses", () => {
    expect(templateVariables(body)).toEqual(["caseNo", "department", "dueDate"]);
  });

  it("accepts a known template, trimmed, and refuses unknown variables, empty and long ones", () => {
    expect(checkCannedReply(`  ${body}\n`)).toBe(body);
    expect(() => checkCannedReply("您好 {name}")).toThrow(CannedReplyError);
    expect(() => checkCannedReply("您好 {name}")).toThrow(/unknown variable \{name\}/);
    expect(() => checkCannedReply("  ")).toThrow(/empty/);
    expect(() => checkCannedReply("字".repeat(2001))).toThrow(/too_long/);
  });
});
