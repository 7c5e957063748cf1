// grammY session storage in the database, so that a half-finished flow survives a restart
// and several instances share it.
import type { StorageAdapter } from "grammy";
import type { Prisma } from "./client.js";

export function createSessionStorage<T>(
  prisma: Prisma,
  now: () => Date = () => new Date(),
): StorageAdapter<T> {
  return {
    async read(key) {
      const row = await prisma.session.findUnique({ where: { key } });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      await prisma.session.upsert({
        where: { key },
        create: { key, value: json, updatedAt: now() },
        update: { value: json, updatedAt: now() },
      });
    },
    async delete(key) {
      await prisma.session.deleteMany({ where: { key } });
    },
  };
}
