// Schedule "monthly-bulletin" (default daily 08:30, SCHEDULE_MONTHLY_BULLETIN): on the first
// working day of a month (or, after downtime, the first tick after it) every active staff
// member is sent the previous month's bulletin (通报) for their scope, one "bulletin" message
// each (src/domain/messages.ts). A StatsState row per month, written in the same transaction as the jobs, makes that
// happen once per month however many ticks and instances run (job keys alone would not:
// finished jobs are purged after JOB_RETENTION_DAYS). The text is rendered at send time
// (src/bot/renderers/bulletin.ts) and sent by the delivery engine like every other message.
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { enqueueMessages } from "../../db/outbox.js";
import { listBulletinRecipients } from "../../db/queries/stats-bulletin.js";
import { refreshCaseFacts } from "../../db/queries/stats-facts.js";
import { localDate } from "../../domain/local-time.js";
import { previousMonth } from "../../domain/metrics/period.js";
import { firstWorkingDayOfMonth, type WorkingCalendar } from "../../domain/working-days.js";
import type { TaskHandler } from "../worker.js";

export const MONTHLY_BULLETIN_TASK = "monthly-bulletin";
const tickSchema = z.object({ slot: z.iso.datetime() });

export interface BulletinPassOptions {
  timeZone: string;
  /** The working-day calendar (src/domain/working-days.ts), read at every tick so that a year the admin loads counts at once. */
  loadCalendar: () => Promise<WorkingCalendar>;
}

/**
 * True when the month's first working day (on the calendar, in `timeZone`) is the slot's day or
 * has passed: a tick after a missed first working day still sends that month's bulletin.
 */
export function hasFirstWorkingDayCome(slot: Date, timeZone: string, calendar: WorkingCalendar): boolean {
  const today = localDate(slot, timeZone);
  const [year, month] = today.split("-").map(Number) as [number, number];
  return firstWorkingDayOfMonth(calendar, year, month) <= today;
}

/** Queues the previous month's bulletin for every active staff member, once per month; returns how many. */
export async function queueMonthlyBulletins(
  db: Database,
  options: { now: Date; month: string; timeZone: string },
): Promise<number> {
  const { now, month } = options;
  await refreshCaseFacts(db, { now, timeZone: options.timeZone });
  const recipients = await listBulletinRecipients(db.prisma);
  const key = `bulletin:${month}`;
  return db.prisma.$transaction(async (tx) => {
    if (await tx.statsState.findUnique({ where: { key } })) return 0;
    await tx.statsState.create({ data: { key, value: String(recipients.length), updatedAt: now } });
    const messages = recipients.map((r) => ({ kind: "bulletin" as const, recipientId: r.id, month }));
    return enqueueMessages(tx, db.dialect, messages, now);
  });
}

export function createMonthlyBulletinTask(db: Database, options: BulletinPassOptions): TaskHandler {
  return async (payload, _job, context) => {
    const now = context.now();
    const parsed = tickSchema.safeParse(payload);
    const slot = parsed.success ? new Date(parsed.data.slot) : now;
    if (!hasFirstWorkingDayCome(slot, options.timeZone, await options.loadCalendar()))
      return { note: "skipped: the month's first working day has not come yet" };
    const month = previousMonth(slot, options.timeZone);
    const queued = await queueMonthlyBulletins(db, { now, month, timeZone: options.timeZone });
    return { note: `${queued} bulletins for ${month} queued` };
  };
}
