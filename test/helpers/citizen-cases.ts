// Cases filed through the real createConcern, with the text, category, place and time a
// test of the citizen's side needs.
import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/client.js";
import { type Concern, createConcern } from "../../src/db/queries/concerns.js";
import { districtId } from "../jobs/fixtures.js";

export interface FileInput {
  citizenId: number;
  district: string;
  text: string;
  now: Date;
  category?: string;
  location?: { latitude: number; longitude: number };
  anonymous?: boolean;
  held?: boolean;
}

export async function fileConcern(db: Database, input: FileInput): Promise<Concern> {
  const category = input.category
    ? await db.prisma.category.findUniqueOrThrow({ where: { code: input.category } })
    : null;
  const { concern } = await createConcern(db, {
    citizenId: input.citizenId,
    districtId: await districtId(db.prisma, input.district),
    categoryId: category?.id ?? null,
    description: input.text,
    anonymous: input.anonymous ?? false,
    attachments: [],
    sourceKey: `test:${randomUUID()}`,
    now: input.now,
    timeZone: "Asia/Shanghai",
    dueDays: 15,
    location: input.location,
    held: input.held,
  });
  return concern;
}
