import { describe, expect, it } from "vitest";
import { higherRole } from "../../src/domain/roles.js";

describe("roles", () => {
  it("ranks a department contact above a citizen and below a deputy", () => {
    expect(higherRole("citizen", "department")).toBe("department");
    expect(higherRole("department", "citizen")).toBe("department");
    expect(higherRole("representative", "department")).toBe("representative");
  });
});
