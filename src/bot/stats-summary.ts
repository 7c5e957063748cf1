// A statistics answer in words: the figures of the total with their intervals, the largest
// groups, the rankings that the intervals allow, and the definitions of every figure shown.
import type { Prisma } from "../db/client.js";
import type { CaseGrouping } from "../db/queries/stats.js";
import type { StatsGroup, StatsReport } from "../db/queries/stats-report.js";
import { localName } from "./case-view.js";
import { displayName, escapeHtml, type Translate } from "./format.js";
import { findValue, formatDefinitions, formatMetricLine, formatRankings, formatValue } from "./stats-view.js";

/** Names of what groups and filters refer to, in one locale. */
export interface StatsLabels {
  district(id: number): string;
  category(id: number | null): string;
  deputy(id: number): string;
  department(id: number): string;
}

/** Loads the names of every district, category, deputy and department once per answer. */
export async function loadStatsLabels(prisma: Prisma, t: Translate, locale: string): Promise<StatsLabels> {
  const [districts, categories, deputies, departments] = await Promise.all([
    prisma.district.findMany({ select: { id: true, nameZh: true, nameEn: true } }),
    prisma.category.findMany({ select: { id: true, nameZh: true, nameEn: true } }),
    prisma.user.findMany({
      where: { representativeOf: { some: {} } },
      select: { id: true, firstName: true, lastName: true, username: true, telegramId: true },
    }),
    prisma.department.findMany({ select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  const districtNames = new Map(districts.map((d) => [d.id, localName(d, locale)]));
  const categoryNames = new Map(categories.map((c) => [c.id, localName(c, locale)]));
  const deputyNames = new Map(deputies.map((u) => [u.id, displayName(u)]));
  const departmentNames = new Map(departments.map((d) => [d.id, localName(d, locale)]));
  return {
    district: (id) => districtNames.get(id) ?? `#${id}`,
    category: (id) => (id === null ? t("stats-no-category") : (categoryNames.get(id) ?? `#${id}`)),
    deputy: (id) => deputyNames.get(id) ?? `#${id}`,
    department: (id) => departmentNames.get(id) ?? `#${id}`,
  };
}

/** A group's name: the category, district, status or month its key stands for. */
export function groupName(t: Translate, labels: StatsLabels, grouping: CaseGrouping, key: string): string {
  switch (grouping) {
    case "category":
      return labels.category(key === "" ? null : Number(key));
    case "district":
      return labels.district(Number(key));
    case "status":
      return t(`status-${key}`);
    default:
      return key;
  }
}

export interface SummaryHeading {
  from: string;
  to: string;
  /** Already escaped HTML. */
  scopeLine: string;
  asOf: string;
}

/** Groups listed in the chat; the CSV and XLSX have all of them. */
export const GROUPS_SHOWN = 8;
const MESSAGE_LIMIT = 4096;

/** Lines joined into as few messages as fit Telegram's 4096 characters, each in an expandable quote. */
export function quotedChunks(lines: string[], reserve = 0): string[] {
  const open = "<blockquote expandable>";
  const close = "</blockquote>";
  const limit = MESSAGE_LIMIT - open.length - close.length - reserve;
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (current.length > 0 && [...current, line].join("\n").length > limit) {
      chunks.push(current.join("\n"));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) chunks.push(current.join("\n"));
  return chunks.map((c) => `${open}${c}${close}`);
}

/**
 * The summary as HTML with the definitions of its figures; when they do not fit in one
 * Telegram message (4096 characters), the definitions follow as further messages.
 */
export function statsSummary(
  t: Translate,
  report: StatsReport,
  labels: StatsLabels,
  heading: SummaryHeading,
): { text: string; definitions: string[] } {
  const lines = [
    t("stats-title", { from: heading.from, to: heading.to }),
    heading.scopeLine,
    t("stats-as-of", { time: heading.asOf }),
    "",
  ];
  for (const value of report.total.values) {
    let line = escapeHtml(formatMetricLine(t, value));
    if (value.metric.id === "people-reached") {
      const unrecorded = report.total.tallies.activitiesHeld - report.total.tallies.attendanceRecorded;
      if (unrecorded > 0) line += t("stats-attendance-unrecorded", { count: unrecorded });
    }
    lines.push(line);
  }
  if (report.groups.length > 0) {
    const nameOf = (key: string) => escapeHtml(groupName(t, labels, report.grouping, key));
    lines.push("", t("stats-grouped-by", { grouping: t(`stats-grouping-${report.grouping}`) }));
    const rate = (group: StatsGroup, id: string) => {
      const value = findValue(group, id);
      return value ? escapeHtml(formatValue(t, value)) : "—";
    };
    for (const group of report.groups.slice(0, GROUPS_SHOWN)) {
      lines.push(
        t("stats-group-row", {
          name: nameOf(group.key),
          received: group.tallies.received,
          closed: rate(group, "closed-rate"),
          satisfied: rate(group, "satisfaction-rate"),
        }),
      );
    }
    if (report.groups.length > GROUPS_SHOWN)
      lines.push(t("stats-groups-more", { count: report.groups.length - GROUPS_SHOWN }));
    const rankings = formatRankings(t, report, nameOf);
    if (rankings.length > 0) lines.push("", ...rankings);
  }
  const text = lines.join("\n");
  const definitions = quotedChunks(formatDefinitions(t).split("\n"));
  const [first, ...rest] = definitions;
  if (first && rest.length === 0 && text.length + first.length + 2 <= MESSAGE_LIMIT)
    return { text: `${text}\n\n${first}`, definitions: [] };
  return { text, definitions };
}
