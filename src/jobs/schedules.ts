// The scheduled passes, their cron expressions from the configuration ("off" disables one),
// and the worker handlers that run them.
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { loadWorkingCalendar } from "../db/queries/calendar.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import type { Schedule } from "./scheduler.js";
import { createDailyDigestTask, DAILY_DIGEST_TASK } from "./tasks/daily-digest.js";
import { createEscalateOverdueTask, ESCALATE_OVERDUE_TASK } from "./tasks/escalate-overdue.js";
import { createFollowUpUnratedTask, FOLLOW_UP_UNRATED_TASK } from "./tasks/follow-up-unrated.js";
import { createHousekeepingTask, HOUSEKEEPING_TASK } from "./tasks/housekeeping.js";
import { createMonthlyBulletinTask, MONTHLY_BULLETIN_TASK } from "./tasks/monthly-bulletin.js";
import { createRemindUnacceptedTask, REMIND_UNACCEPTED_TASK } from "./tasks/remind-unaccepted.js";
import { createSuperviseReferralsTask, SUPERVISE_REFERRALS_TASK } from "./tasks/supervise-referrals.js";
import type { TaskHandlers } from "./worker.js";

export function scheduledTasks(
  db: Database,
  config: Config,
  /** The working-day calendar for the bulletin on the month's first working day (default: shipped and loaded years). */
  loadCalendar: () => Promise<WorkingCalendar> = async () => (await loadWorkingCalendar(db.prisma)).calendar,
): { schedules: Schedule[]; handlers: TaskHandlers } {
  const passes = [
    {
      task: REMIND_UNACCEPTED_TASK,
      cron: config.SCHEDULE_REMIND_UNACCEPTED,
      handler: createRemindUnacceptedTask(db, config.REMIND_UNACCEPTED_HOURS),
    },
    {
      task: ESCALATE_OVERDUE_TASK,
      cron: config.SCHEDULE_ESCALATE_OVERDUE,
      handler: createEscalateOverdueTask(db, config.ESCALATION_AMBER_HOURS),
    },
    {
      task: SUPERVISE_REFERRALS_TASK,
      cron: config.SCHEDULE_SUPERVISE_REFERRALS,
      handler: createSuperviseReferralsTask(db, { timeZone: config.TIME_ZONE, loadCalendar }),
    },
    {
      task: DAILY_DIGEST_TASK,
      cron: config.SCHEDULE_DAILY_DIGEST,
      handler: createDailyDigestTask(db, config.TIME_ZONE),
    },
    {
      task: FOLLOW_UP_UNRATED_TASK,
      cron: config.SCHEDULE_FOLLOW_UP_UNRATED,
      handler: createFollowUpUnratedTask(db, config.FOLLOW_UP_DAYS),
    },
    {
      task: HOUSEKEEPING_TASK,
      cron: config.SCHEDULE_HOUSEKEEPING,
      handler: createHousekeepingTask(db, {
        processedUpdates: config.PROCESSED_UPDATE_RETENTION_DAYS,
        jobs: config.JOB_RETENTION_DAYS,
        deadJobs: config.DEAD_JOB_RETENTION_DAYS,
      }),
    },
    {
      task: MONTHLY_BULLETIN_TASK,
      cron: config.SCHEDULE_MONTHLY_BULLETIN,
      handler: createMonthlyBulletinTask(db, { timeZone: config.TIME_ZONE, loadCalendar }),
    },
  ];
  // A disabled schedule keeps its handler, so that ticks queued before it was disabled still run.
  return {
    schedules: passes.filter((p) => p.cron !== "off").map(({ task, cron }) => ({ task, cron })),
    handlers: Object.fromEntries(passes.map((p) => [p.task, p.handler])),
  };
}
