// The monthly bulletin (通报) a staff member receives for their scope: the month's volumes,
// every rate with its n and interval, the time to first reply, what is overdue now, the top
// categories and the year so far in the seeds' words ("开展活动 N 次,提出意见 N 条,办结 N 条"),
// with the definitions of every figure. Rendered at send time from the rollup.
// Then the department table: per department, the referrals sent in the month and how many were
// acknowledged within one working day, returned, extended, redone and answered.
import type { Database } from "../../db/client.js";
import { loadWorkingCalendar } from "../../db/queries/calendar.js";
import { loadDepartmentReferrals } from "../../db/queries/department-figures.js";
import { loadBulletinFigures } from "../../db/queries/stats-bulletin.js";
import { refreshCaseFacts } from "../../db/queries/stats-facts.js";
import { loadStatsScope } from "../../db/queries/stats-report.js";
import type { MessageOf } from "../../domain/messages.js";
import { departmentTable } from "../../domain/metrics/department-figures.js";
import { findMetric, type MetricDefinition, type MetricId } from "../../domain/metrics/dictionary.js";
import { resolvePeriod } from "../../domain/metrics/period.js";
import type { Renderer, RenderScene } from "../../jobs/delivery.js";
import { localName } from "../case-view.js";
import { escapeHtml } from "../format.js";
import { groupName, loadStatsLabels } from "../stats-summary.js";
import { formatDefinition, formatMetricLine } from "../stats-view.js";
import { htmlMessage } from "./parts.js";

const TOP_CATEGORIES = 3;
/** The rates and durations the bulletin lists, one line each, after the volumes. */
const listed: MetricId[] = [
  "closed-rate",
  "on-time-rate",
  "resolved-rate",
  "satisfaction-rate",
  "dissatisfaction-rate",
  "reopen-rate",
  "first-reply",
  "referral-ack-rate",
  "referral-return-rate",
  "referral-extension-rate",
];
const defined: MetricId[] = [
  "received",
  "taken-on",
  "referred",
  "closed",
  ...listed,
  "overdue-now",
  "activities-held",
];

export function createBulletinRenderer({
  db,
  timeZone,
}: {
  db: Database;
  timeZone: string;
}): Renderer<"bulletin"> {
  return async (message: MessageOf<"bulletin">, { recipient, t, locale, now }: RenderScene) => {
    const prisma = db.prisma;
    await refreshCaseFacts(db, { now, timeZone });
    const figures = await loadBulletinFigures(db, recipient, message.month, { now, timeZone });
    // No statistics scope any more (no longer staff): nothing to send.
    if (!figures) return undefined;
    const { month: monthReport, yearSoFar: yearReport } = figures;
    const scopeDistrict = recipient.staffDistrictId
      ? await prisma.district.findUnique({ where: { id: recipient.staffDistrictId } })
      : null;
    const labels = await loadStatsLabels(prisma, t, locale);
    const totals = monthReport.total.tallies;
    const lines = [
      t("stats-bulletin-title", {
        month: message.month,
        scope: escapeHtml(scopeDistrict ? localName(scopeDistrict, locale) : t("stats-all-districts")),
      }),
      t("stats-bulletin-volumes", {
        received: totals.received,
        takenOn: totals.takenOn,
        referred: totals.referred,
        closed: totals.closed,
      }),
      ...listed.map((id) => {
        const value = monthReport.total.values.find((v) => v.metric.id === id);
        return value ? escapeHtml(formatMetricLine(t, value)) : "";
      }),
      totals.overdueNow > 0
        ? t("stats-bulletin-overdue", { count: totals.overdueNow })
        : t("stats-bulletin-overdue-none"),
    ];
    const top = monthReport.groups.filter((g) => g.tallies.received > 0).slice(0, TOP_CATEGORIES);
    if (top.length > 0)
      lines.push(
        t("stats-bulletin-top-categories", {
          list: top
            .map((g) =>
              t("stats-bulletin-category", {
                name: escapeHtml(groupName(t, labels, "category", g.key)),
                count: g.tallies.received,
              }),
            )
            .join("、"),
        }),
      );
    const departments = await departmentLines(db, recipient, message.month, { t, locale, now, timeZone });
    if (departments.length > 0) lines.push("", t("stats-bulletin-departments"), ...departments);
    const year = yearReport.total.tallies;
    lines.push(
      "",
      t("stats-bulletin-year", {
        activities: year.activitiesHeld,
        received: year.received,
        closed: year.closed,
      }),
      "",
      `<blockquote expandable>${defined.map((id) => formatDefinition(t, findMetric(id) as MetricDefinition)).join("\n")}</blockquote>`,
      t("stats-bulletin-footer"),
    );
    return htmlMessage(lines.join("\n"));
  };
}

/** The department table's lines for the recipient's scope and month (none when nothing was referred). */
async function departmentLines(
  db: Database,
  recipient: { id: number; role: string; staffDistrictId: number | null; suspendedAt: Date | null },
  month: string,
  { t, locale, now, timeZone }: { t: RenderScene["t"]; locale: string; now: Date; timeZone: string },
): Promise<string[]> {
  const prisma = db.prisma;
  const scope = await loadStatsScope(prisma, recipient);
  if (scope.kind === "none") return [];
  const period = resolvePeriod({ kind: "month", month }, now, timeZone);
  const referrals = await loadDepartmentReferrals(prisma, {
    start: period.start,
    end: period.end,
    districtIds: scope.kind === "all" ? null : [...scope.districtIds],
  });
  if (referrals.length === 0) return [];
  const { calendar } = await loadWorkingCalendar(prisma);
  const rows = departmentTable(referrals, calendar, timeZone);
  const names = new Map(
    (await prisma.department.findMany({ where: { id: { in: rows.map((r) => r.departmentId) } } })).map(
      (d) => [d.id, localName(d, locale)],
    ),
  );
  return rows.map((row) =>
    t("stats-bulletin-department", {
      name: escapeHtml(names.get(row.departmentId) ?? "—"),
      referred: row.referred,
      acknowledged: row.acknowledgedOnTime,
      returned: row.returned,
      extended: row.extended,
      redone: row.redone,
      answered: row.answered,
    }),
  );
}
