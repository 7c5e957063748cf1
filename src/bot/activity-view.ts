// How an activity reads: the card in notices, lists and the creator's confirmation, the
// record staff keep afterwards, and its calendar file. Used by replies and queued notices.
import type { ActivityCard, ActivityDetails } from "../db/queries/activities.js";
import { effectiveEnd } from "../domain/activity.js";
import { buildIcs } from "../domain/ics.js";
import type { NameParts } from "../domain/person-name.js";
import { localName } from "./case-view.js";
import { displayName, escapeHtml, type Translate } from "./format.js";
import type { ViewOptions } from "./view-options.js";

export type ActivityViewOptions = ViewOptions;

/** What a card shows; built from a stored activity or from a draft not yet saved. */
export interface ActivityCardFields {
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  district: string;
  station: string | null;
  deputies: string[];
  capacity: number | null;
  /** How many said they will come; omitted on a draft. */
  going?: number;
}

function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : "zh-CN";
}

// Building an Intl.DateTimeFormat costs about a millisecond: one per locale, zone and shape.
const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(locale: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withDate}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      ...(withDate ? { year: "numeric", month: "long", day: "numeric", weekday: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    formats.set(key, format);
  }
  return format;
}

/** "2026年12月5日周六 09:00–11:00" / "Sat, 5 December 2026 at 09:00–11:00", in the station's zone. */
export function formatActivityTime(
  activity: { startsAt: Date; endsAt: Date | null },
  locale: string,
  timeZone: string,
): string {
  const start = cachedFormat(locale, timeZone, true).format(activity.startsAt);
  if (!activity.endsAt) return start;
  const end = cachedFormat(locale, timeZone, false).format(activity.endsAt);
  return `${start}–${end}`;
}

/** "12/05" / "05/12": the short date in list buttons. */
export function formatShortDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, month: "2-digit", day: "2-digit" }).format(
    date,
  );
}

export function activityKindLabel(t: Translate, kind: string): string {
  return t(`activity-kind-${kind}`);
}

export function activityStatusLabel(t: Translate, status: string): string {
  return t(`activity-status-${status}`);
}

/** A station's address or reception days in the reader's language, falling back to Chinese. */
export function localText(zh: string, en: string, locale: string): string {
  return locale === "en" && en ? en : zh;
}

/** What a card needs of an activity: findActivity's details, or a tap's lighter findActivityCard. */
export type CardSource = Pick<
  ActivityCard,
  "kind" | "title" | "startsAt" | "endsAt" | "place" | "capacity" | "district" | "station"
> & { deputies: { user: NameParts }[] };

/** A card's fields; `going` is the count of "going" answers to show. */
export function cardFields(activity: CardSource, locale: string, going: number): ActivityCardFields {
  return {
    kind: activity.kind,
    title: activity.title,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    place: activity.place,
    district: localName(activity.district, locale),
    station: activity.station ? localName(activity.station, locale) : null,
    deputies: activity.deputies.map((d) => displayName(d.user)),
    capacity: activity.capacity,
    going,
  };
}

export function activityCard(
  fields: ActivityCardFields,
  { t, locale, timeZone }: ActivityViewOptions,
): string {
  const lines = [
    `<b>${escapeHtml(fields.title)}</b>`,
    t("activity-card-kind", { kind: activityKindLabel(t, fields.kind) }),
    t("activity-card-time", { time: formatActivityTime(fields, locale, timeZone) }),
    t("activity-card-place", { place: escapeHtml(fields.place) }),
  ];
  if (fields.station) lines.push(t("activity-card-station", { station: escapeHtml(fields.station) }));
  lines.push(t("activity-card-district", { district: escapeHtml(fields.district) }));
  if (fields.deputies.length > 0)
    lines.push(
      t("activity-card-deputies", {
        deputies: escapeHtml(fields.deputies.join(t("activity-list-separator"))),
      }),
    );
  if (fields.capacity !== null) {
    lines.push(
      fields.going === undefined
        ? t("activity-card-capacity", { capacity: fields.capacity })
        : t("activity-card-places-left", {
            left: Math.max(0, fields.capacity - fields.going),
            capacity: fields.capacity,
          }),
    );
  } else if (fields.going !== undefined) {
    lines.push(t("activity-card-going", { going: fields.going }));
  }
  return lines.join("\n");
}

/** The record staff keep: the card, its state, and after the activity what came of it. */
export function activityRecord(activity: ActivityDetails, view: ActivityViewOptions): string {
  const { t, locale, timeZone } = view;
  const lines = [
    activityCard(cardFields(activity, locale, activity._count.rsvps), view),
    "",
    t("activity-record-status", { status: activityStatusLabel(t, activity.status) }),
  ];
  if (activity.createdBy)
    lines.push(t("activity-record-created-by", { name: escapeHtml(displayName(activity.createdBy)) }));
  if (activity.publishAt && (activity.status === "approved" || activity.status === "published"))
    lines.push(
      t("activity-record-publish-at", {
        time: formatActivityTime({ startsAt: activity.publishAt, endsAt: null }, locale, timeZone),
      }),
    );
  if (activity.attendance !== null)
    lines.push(t("activity-record-attendance", { count: activity.attendance }));
  if (activity.notes) lines.push(t("activity-record-notes", { notes: escapeHtml(activity.notes) }));
  if (activity.concerns.length > 0) {
    lines.push(t("activity-record-concerns-title"));
    for (const { concern } of activity.concerns)
      lines.push(
        t("activity-record-concern", { caseNo: concern.caseNo, status: t(`status-${concern.status}`) }),
      );
  }
  return lines.join("\n");
}

/** The activity as an .ics calendar file (UTC times, so no time-zone block is needed). */
export function activityIcs(activity: ActivityDetails, view: ActivityViewOptions, now: Date): Buffer {
  const { t, locale } = view;
  const fields = cardFields(activity, locale, activity._count.rsvps);
  const description = [
    t("activity-card-kind", { kind: activityKindLabel(t, activity.kind) }),
    t("activity-card-district", { district: fields.district }),
    ...(fields.station ? [t("activity-card-station", { station: fields.station })] : []),
    ...(fields.deputies.length > 0
      ? [t("activity-card-deputies", { deputies: fields.deputies.join(t("activity-list-separator")) })]
      : []),
  ].join("\n");
  const ics = buildIcs({
    uid: `activity-${activity.id}@liaison-station`,
    stamp: now,
    start: activity.startsAt,
    end: effectiveEnd(activity),
    summary: activity.title,
    location: activity.place,
    description,
    status: activity.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: activity.sequence ?? 0,
  });
  return Buffer.from(ics, "utf8");
}
