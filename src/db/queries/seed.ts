// Loading the directory of a deployment (districts, liaison stations, departments,
// categories) from a JSON file. Everything is keyed by `code`, so a file can be applied
// again after editing: rows are updated in place and nothing is duplicated.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Prisma } from "../client.js";
import type { Prisma as PrismaNamespace } from "../generated/sqlite/client.js";
import { UnknownDistrictError } from "./districts.js";

type Tx = PrismaNamespace.TransactionClient;

export const districtLevels = ["city", "county", "township", "village"] as const;
export type DistrictLevel = (typeof districtLevels)[number];

// Codes end up in deep links (`/start d_<code>`), whose payload allows only these characters.
const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "must be 1–40 characters of A-Z, a-z, 0-9, _ and -");
const name = z.string().trim().min(1, "must not be empty");

export interface DistrictSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  level: DistrictLevel;
  children?: DistrictSeed[];
}

const districtSeedSchema: z.ZodType<DistrictSeed> = z.lazy(() =>
  z.strictObject({
    code,
    nameZh: name,
    nameEn: name,
    level: z.enum(districtLevels),
    children: z.array(districtSeedSchema).optional(),
  }),
);

const stationSeedSchema = z.strictObject({
  code,
  nameZh: name,
  nameEn: name,
  districtCode: code,
  addressZh: z.string(),
  addressEn: z.string(),
  receptionZh: z.string(),
  receptionEn: z.string(),
  phone: z.string().optional(),
});

const departmentSeedSchema = z.strictObject({
  code,
  nameZh: name,
  nameEn: name,
  contact: z.string().optional(),
});

const workingDays = z
  .number()
  .int()
  .min(1, "must be at least 1 working day")
  .max(250, "must be at most 250 working days");

const categorySeedSchema = z.strictObject({
  code,
  nameZh: name,
  nameEn: name,
  sortOrder: z.number().int().optional(),
  /** Referral deadlines of this category in working days, instead of the defaults of src/domain/referral-deadlines.ts. */
  referralDays: z
    .strictObject({
      acknowledge: workingDays.optional(),
      answer: workingDays.optional(),
      urgentAcknowledge: workingDays.optional(),
      urgentAnswer: workingDays.optional(),
    })
    .optional(),
});

type PathKey = string | number;

function walkDistricts(
  nodes: DistrictSeed[],
  visit: (node: DistrictSeed, path: PathKey[], parent: DistrictSeed | null) => void,
  path: PathKey[] = ["districts"],
  parent: DistrictSeed | null = null,
): void {
  nodes.forEach((node, index) => {
    const here = [...path, index];
    visit(node, here, parent);
    walkDistricts(node.children ?? [], visit, [...here, "children"], node);
  });
}

export const seedFileSchema = z
  .strictObject({
    districts: z.array(districtSeedSchema).default([]),
    stations: z.array(stationSeedSchema).default([]),
    departments: z.array(departmentSeedSchema).default([]),
    categories: z.array(categorySeedSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const districtCodes = new Set<string>();
    walkDistricts(file.districts, (node, path, parent) => {
      if (districtCodes.has(node.code))
        ctx.addIssue({
          code: "custom",
          path: [...path, "code"],
          message: `duplicate district code "${node.code}"`,
        });
      districtCodes.add(node.code);
      if (parent && districtLevels.indexOf(node.level) <= districtLevels.indexOf(parent.level))
        ctx.addIssue({
          code: "custom",
          path: [...path, "level"],
          message: `a ${node.level} cannot lie below a ${parent.level}`,
        });
    });
    file.stations.forEach((station, index) => {
      if (!districtCodes.has(station.districtCode))
        ctx.addIssue({
          code: "custom",
          path: ["stations", index, "districtCode"],
          message: `unknown district code "${station.districtCode}"`,
        });
    });
    for (const key of ["stations", "departments", "categories"] as const) {
      const seen = new Set<string>();
      file[key].forEach((item, index) => {
        if (seen.has(item.code))
          ctx.addIssue({
            code: "custom",
            path: [key, index, "code"],
            message: `duplicate code "${item.code}"`,
          });
        seen.add(item.code);
      });
    }
  });

export type SeedFile = z.output<typeof seedFileSchema>;

export interface SeedCounts {
  districts: number;
  stations: number;
  departments: number;
  categories: number;
}

export class SeedFileError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super(`invalid seed file ${path}: ${issues.join("; ")}`);
    this.name = "SeedFileError";
  }
}

/** "districts[0].children[2].code" for a zod issue path. */
function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

export function readSeedFile(path: string): SeedFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SeedFileError(path, [
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(path, [
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
  const result = seedFileSchema.safeParse(json);
  if (!result.success)
    throw new SeedFileError(
      path,
      result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
    );
  return result.data;
}

async function upsertDistrict(
  tx: Tx,
  node: DistrictSeed,
  parent: { id: number; path: string } | null,
  now: Date,
) {
  const fields = {
    nameZh: node.nameZh,
    nameEn: node.nameEn,
    level: node.level,
    parentId: parent?.id ?? null,
  };
  // A new row gets its path once its id is known; "/" is never a real path.
  const row = await tx.district.upsert({
    where: { code: node.code },
    create: { code: node.code, ...fields, path: "/", createdAt: now },
    update: fields,
  });
  const path = `${parent?.path ?? "/"}${row.id}/`;
  if (row.path !== path) {
    await tx.district.update({ where: { id: row.id }, data: { path } });
    if (row.path !== "/") await movePaths(tx, row.path, path);
  }
  return { id: row.id, path };
}

// A district that changed parent takes its whole subtree along, including districts the
// file no longer mentions.
async function movePaths(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  const below = await tx.district.findMany({
    where: { path: { startsWith: oldPath }, NOT: { path: oldPath } },
    select: { id: true, path: true },
  });
  for (const d of below)
    await tx.district.update({ where: { id: d.id }, data: { path: newPath + d.path.slice(oldPath.length) } });
}

async function seedDistricts(
  tx: Tx,
  nodes: DistrictSeed[],
  parent: { id: number; path: string } | null,
  ids: Map<string, number>,
  now: Date,
): Promise<void> {
  for (const node of nodes) {
    const row = await upsertDistrict(tx, node, parent, now);
    ids.set(node.code, row.id);
    await seedDistricts(tx, node.children ?? [], row, ids, now);
  }
}

async function districtIdOf(tx: Tx, ids: Map<string, number>, code: string): Promise<number> {
  const known = ids.get(code);
  if (known !== undefined) return known;
  const row = await tx.district.findUnique({ where: { code }, select: { id: true } });
  if (!row) throw new UnknownDistrictError(code);
  return row.id;
}

/** Creates or updates every entry of the file, matched by code, in one transaction. */
export function seedDirectory(prisma: Prisma, data: SeedFile, now: Date): Promise<SeedCounts> {
  return prisma.$transaction(
    async (tx) => {
      const ids = new Map<string, number>();
      await seedDistricts(tx, data.districts, null, ids, now);

      for (const s of data.stations) {
        const fields = {
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          districtId: await districtIdOf(tx, ids, s.districtCode),
          addressZh: s.addressZh,
          addressEn: s.addressEn,
          receptionZh: s.receptionZh,
          receptionEn: s.receptionEn,
          phone: s.phone ?? null,
        };
        await tx.liaisonStation.upsert({
          where: { code: s.code },
          create: { code: s.code, ...fields, createdAt: now },
          update: fields,
        });
      }

      for (const d of data.departments) {
        const fields = { nameZh: d.nameZh, nameEn: d.nameEn, contact: d.contact ?? null };
        await tx.department.upsert({
          where: { code: d.code },
          create: { code: d.code, ...fields, createdAt: now },
          update: fields,
        });
      }

      for (const [index, c] of data.categories.entries()) {
        // Without an explicit order, categories are listed as the file lists them.
        const fields = {
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          sortOrder: c.sortOrder ?? (index + 1) * 10,
          // The file is the whole truth: a category without referralDays goes back to the defaults.
          acknowledgeDays: c.referralDays?.acknowledge ?? null,
          answerDays: c.referralDays?.answer ?? null,
          urgentAcknowledgeDays: c.referralDays?.urgentAcknowledge ?? null,
          urgentAnswerDays: c.referralDays?.urgentAnswer ?? null,
        };
        await tx.category.upsert({
          where: { code: c.code },
          create: { code: c.code, ...fields, createdAt: now },
          update: fields,
        });
      }

      return {
        districts: ids.size,
        stations: data.stations.length,
        departments: data.departments.length,
        categories: data.categories.length,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
