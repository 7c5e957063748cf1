import { afterEach, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let db: TestDatabase;
afterEach(() => db.drop());

it("keeps a write made while another update's transaction is open and then rolls back", async () => {
  db = await createTestDatabase("sqlite");
  const now = new Date();
  let inside!: () => void;
  const transactionOpen = new Promise<void>((resolve) => {
    inside = resolve;
  });
  const failing = db.prisma
    .$transaction(async (tx) => {
      await tx.session.create({ data: { key: "in-tx", value: "{}", updatedAt: now } });
      inside();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("rolled back on purpose");
    })
    .catch((error: Error) => error.message);
  await transactionOpen;
  // Another update writes meanwhile, outside any transaction.
  await db.prisma.session.create({ data: { key: "outside", value: "{}", updatedAt: now } });
  expect(await failing).toBe("rolled back on purpose");
  const keys = (await db.prisma.session.findMany()).map((s) => s.key);
  expect(keys).toEqual(["outside"]);
});
