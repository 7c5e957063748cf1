// Lists the statistics' menus offer.
import type { Prisma } from "../client.js";

/** Every category in the order the seed gives them. */
export function loadCategories(prisma: Prisma) {
  return prisma.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}
