// `npm run admin -- export cases|events`: streams every case or timeline event of a period
// (and a district subtree) as CSV, a batch at a time by ascending id, waiting for the output
// to drain before reading the next batch, so that memory stays flat however many rows there
// are. Personal data (who the citizen is, what they wrote, where) only with `withPersonalData`,
// and such an export is recorded in PersonalDataExport; an anonymous citizen stays anonymous.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { Period } from "../../domain/metrics/period.js";
import type { Database } from "../client.js";

export const exportKinds = ["cases", "events"] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface ExportOptions {
  kind: ExportKind;
  period: Pick<Period, "from" | "to" | "start" | "end">;
  /** The subtree's district ids; null: every district. */
  districtIds: number[] | null;
  districtId: number | null;
  withPersonalData: boolean;
  /** Who ran it (the operating-system account), recorded with a personal-data export. */
  operator: string;
  now: Date;
  batchSize?: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : "");

const caseColumns = [
  "case_no",
  "district_code",
  "category_code",
  "status",
  "priority",
  "anonymous",
  "created_at",
  "due_at",
  "closed_at",
  "rating",
  "rated_at",
  "assignee_id",
  "department_id",
];
const casePersonal = [
  "citizen_telegram_id",
  "citizen_name",
  "citizen_username",
  "description",
  "latitude",
  "longitude",
];
const eventColumns = ["event_id", "case_no", "kind", "actor_role", "from_status", "to_status", "created_at"];
const eventPersonal = ["actor_id", "text"];

async function write(sink: Writable, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await once(sink, "drain");
}

/**
 * Writes the header, then every row `fetch` finds, a batch at a time by ascending id, each
 * batch formatted and written (waiting for the sink to drain) before the next is read.
 */
async function streamRows<T extends { id: number }>(
  sink: Writable,
  header: string[],
  batchSize: number,
  fetch: (afterId: number, take: number) => Promise<T[]>,
  record: (row: T) => unknown[],
): Promise<number> {
  await write(sink, stringify([header], { bom: true }));
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await fetch(afterId, batchSize);
    if (batch.length === 0) break;
    await write(sink, stringify(batch.map(record)));
    rows += batch.length;
    afterId = batch[batch.length - 1]!.id;
    if (batch.length < batchSize) break;
  }
  return rows;
}

/** Rows after `afterId` written in the period: the cursor and the period of every batch. */
const after = (afterId: number, options: ExportOptions) => ({
  id: { gt: afterId },
  createdAt: { gte: options.period.start, lt: options.period.end },
});

type CitizenColumns = {
  telegramId: bigint;
  firstName: string;
  lastName: string | null;
  username: string | null;
};

function exportCases(
  db: Database,
  options: ExportOptions,
  sink: Writable,
  batchSize: number,
): Promise<number> {
  const personal = options.withPersonalData;
  return streamRows(
    sink,
    personal ? [...caseColumns, ...casePersonal] : caseColumns,
    batchSize,
    (afterId, take) =>
      db.prisma.concern.findMany({
        where: {
          ...after(afterId, options),
          ...(options.districtIds ? { districtId: { in: options.districtIds } } : {}),
        },
        orderBy: { id: "asc" },
        take,
        include: {
          district: { select: { code: true } },
          category: { select: { code: true } },
          ...(personal
            ? { citizen: { select: { telegramId: true, firstName: true, lastName: true, username: true } } }
            : {}),
        },
      }),
    (c) => {
      const base = [
        c.caseNo,
        c.district.code,
        c.category?.code ?? "",
        c.status,
        c.priority,
        c.anonymous ? 1 : 0,
        iso(c.createdAt),
        iso(c.dueAt),
        iso(c.closedAt),
        c.rating ?? "",
        iso(c.ratedAt),
        c.assigneeId ?? "",
        c.departmentId ?? "",
      ];
      if (!personal) return base;
      const citizen = (c as typeof c & { citizen?: CitizenColumns }).citizen;
      const identity =
        c.anonymous || !citizen
          ? ["", "", ""]
          : [
              String(citizen.telegramId),
              [citizen.firstName, citizen.lastName].filter(Boolean).join(" "),
              citizen.username ?? "",
            ];
      const where = c.anonymous ? ["", ""] : [c.latitude ?? "", c.longitude ?? ""];
      return [...base, ...identity, c.description, ...where];
    },
  );
}

function exportEvents(
  db: Database,
  options: ExportOptions,
  sink: Writable,
  batchSize: number,
): Promise<number> {
  const personal = options.withPersonalData;
  return streamRows(
    sink,
    personal ? [...eventColumns, ...eventPersonal] : eventColumns,
    batchSize,
    (afterId, take) =>
      db.prisma.concernEvent.findMany({
        where: {
          ...after(afterId, options),
          ...(options.districtIds ? { concern: { districtId: { in: options.districtIds } } } : {}),
        },
        orderBy: { id: "asc" },
        take,
        include: { concern: { select: { caseNo: true, anonymous: true } } },
      }),
    (e) => {
      const base = [
        e.id,
        e.concern.caseNo,
        e.kind,
        e.actorRole,
        e.fromStatus ?? "",
        e.toStatus ?? "",
        iso(e.createdAt),
      ];
      if (!personal) return base;
      const hideActor = e.concern.anonymous && e.actorRole === "citizen";
      return [...base, hideActor ? "" : (e.actorId ?? ""), e.text ?? ""];
    },
  );
}

/** Streams the export to `sink`; returns the number of data rows. A personal-data export is recorded first. */
export async function streamExport(db: Database, options: ExportOptions, sink: Writable): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const record = options.withPersonalData
    ? await db.prisma.personalDataExport.create({
        data: {
          kind: options.kind,
          fromDate: options.period.from,
          toDate: options.period.to,
          districtId: options.districtId,
          operator: options.operator,
          createdAt: options.now,
        },
      })
    : undefined;
  const rows =
    options.kind === "cases"
      ? await exportCases(db, options, sink, batchSize)
      : await exportEvents(db, options, sink, batchSize);
  if (record) await db.prisma.personalDataExport.update({ where: { id: record.id }, data: { rows } });
  return rows;
}
