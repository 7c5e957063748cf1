// /people, for administrators (ADMIN_IDS): who holds which role, by district (paged, filtered
// by role); per person, remove the role or suspend / resume it (removal and suspension asked
// first); the unused invites, each with a revoke button (asked first); and the access history
// (src/db/queries/access-audit.ts), of everyone or of one person. "/people <Telegram id or
// @username>" opens one person's card. Every tap is checked here,
// not by hiding buttons: anyone else's tap, forged or old, is refused in one line and changes
// nothing. The changes themselves are src/db/queries/people.ts, the same as the command line's.
import { InlineKeyboard } from "grammy";
import { countAccessAudit, listAccessAudit, parseAuditDetail } from "../../db/queries/access-audit.js";
import {
  findPerson,
  listPeopleWithRoles,
  listUnusedInvites,
  NotSuspendableError,
  type PersonWithRole,
  parsePersonHandle,
  removeRole,
  resumePerson,
  revokeInvite,
  SuspensionStateError,
  suspendPerson,
  UnknownPersonError,
} from "../../db/queries/people.js";
import { personName } from "../../domain/person-name.js";
import { removableRoles } from "../../domain/roles.js";
import { type PeopleData, peopleData } from "../callback-data.js";
import { localName } from "../case-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { escapeHtml, formatDateTime, truncate } from "../format.js";

export const peopleFeature = new Composer<BotContext>();
const feature = peopleFeature.chatType("private");

/** People per page of the list, invites and history entries per page. */
const PEOPLE_PAGE = 8;
const INVITES_PAGE = 8;
const HISTORY_PAGE = 10;

type Filter = PeopleData["filter"];
const filters: readonly Filter[] = ["all", "representative", "staff", "department"];

const pack = (action: PeopleData["action"], filter: Filter, page: number, id: number) =>
  peopleData.pack({ action, filter, page, id });

/** A message and its keyboard, sent fresh (/people) or in place of the tapped message. */
interface View {
  text: string;
  keyboard: InlineKeyboard;
}

async function show(ctx: BotContext, view: View): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: view.keyboard };
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(view.text, options);
      return;
    } catch {
      // An old message that can no longer be edited: the view comes as a new one.
    }
  }
  await ctx.reply(view.text, options);
}

const isAdmin = (ctx: BotContext) => ctx.user?.role === "admin";

function roleName(ctx: BotContext, role: string): string {
  return ctx.t(
    `people-role-${role === "representative" || role === "staff" || role === "department" || role === "admin" ? role : "other"}`,
  );
}

async function placesOf(ctx: BotContext, person: PersonWithRole): Promise<string> {
  const locale = await ctx.i18n.getLocale();
  return person.places.length > 0
    ? person.places
        .map((d) => `${escapeHtml(localName(d, locale))} <code>${escapeHtml(d.code)}</code>`)
        .join("、")
    : "—";
}

async function listView(ctx: BotContext, filter: Filter, page: number): Promise<View> {
  const all = await listPeopleWithRoles(ctx.deps.db.prisma, filter === "all" ? {} : { role: filter });
  const pages = Math.max(1, Math.ceil(all.length / PEOPLE_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = all.slice(current * PEOPLE_PAGE, (current + 1) * PEOPLE_PAGE);
  const locale = await ctx.i18n.getLocale();
  const lines = [
    ctx.t("people-title", {
      filter: ctx.t(`people-filter-${filter}`),
      total: all.length,
      page: current + 1,
      pages,
    }),
  ];
  if (all.length === 0) lines.push(ctx.t("people-none"));
  let group = "";
  const keyboard = new InlineKeyboard();
  for (const person of shown) {
    const first = person.places[0];
    const heading = first
      ? `${escapeHtml(localName(first, locale))} <code>${escapeHtml(first.code)}</code>`
      : ctx.t("people-no-district");
    if (heading !== group) {
      lines.push("", `<b>${heading}</b>`);
      group = heading;
    }
    lines.push(
      ctx.t("people-line", {
        name: escapeHtml(person.name),
        role: roleName(ctx, person.role),
        open: person.openCases,
        suspended: person.suspended ? "yes" : "no",
      }),
    );
    keyboard
      .text(
        `${person.suspended ? "⏸ " : ""}${truncate(person.name, 20)} · ${roleName(ctx, person.role)}`,
        pack("person", filter, current, person.id),
      )
      .row();
  }
  for (const f of filters)
    keyboard.text(`${f === filter ? "✓ " : ""}${ctx.t(`people-filter-${f}`)}`, pack("list", f, 0, 0));
  keyboard.row();
  if (current > 0) keyboard.text(ctx.t("button-previous"), pack("list", filter, current - 1, 0));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), pack("list", filter, current + 1, 0));
  if (pages > 1) keyboard.row();
  keyboard.text(ctx.t("people-button-invites"), pack("invites", filter, 0, 0));
  keyboard.text(ctx.t("people-button-history"), pack("history", filter, 0, 0));
  return { text: lines.join("\n"), keyboard };
}

async function findListed(ctx: BotContext, userId: number): Promise<PersonWithRole | undefined> {
  return (await listPeopleWithRoles(ctx.deps.db.prisma, { id: userId }))[0];
}

const goneView = (ctx: BotContext, filter: Filter, page: number): View => ({
  text: ctx.t("people-person-gone"),
  keyboard: new InlineKeyboard().text(ctx.t("button-back"), pack("list", filter, page, 0)),
});

async function personView(ctx: BotContext, data: PeopleData): Promise<View> {
  const person = await findListed(ctx, data.id);
  if (!person) return goneView(ctx, data.filter, data.page);
  const { filter, page, id } = data;
  const locale = await ctx.i18n.getLocale();
  const lines = [
    ctx.t("people-card", {
      name: escapeHtml(person.name),
      username: person.username ? `@${escapeHtml(person.username)}` : "—",
      id: String(person.telegramId),
      role: roleName(ctx, person.role),
      places: await placesOf(ctx, person),
      open: person.openCases,
    }),
    person.suspendedAt
      ? ctx.t("people-card-suspended", {
          since: formatDateTime(person.suspendedAt, locale, ctx.deps.config.TIME_ZONE),
        })
      : ctx.t("people-card-active"),
  ];
  const keyboard = new InlineKeyboard();
  if ((removableRoles as readonly string[]).includes(person.role)) {
    if (person.suspended) keyboard.text(ctx.t("people-button-resume"), pack("resume", filter, page, id));
    else keyboard.text(ctx.t("people-button-suspend"), pack("suspend", filter, page, id));
    keyboard.text(ctx.t("people-button-remove"), pack("remove", filter, page, id)).row();
  } else {
    lines.push(ctx.t(person.role === "admin" ? "people-card-admin" : "people-card-fixed"));
  }
  keyboard.text(ctx.t("people-button-person-history"), pack("history", filter, page, id)).row();
  keyboard.text(ctx.t("button-back"), pack("list", filter, page, 0));
  return { text: lines.join("\n"), keyboard };
}

async function confirmView(ctx: BotContext, data: PeopleData, what: "remove" | "suspend"): Promise<View> {
  const person = await findListed(ctx, data.id);
  if (!person || !(removableRoles as readonly string[]).includes(person.role))
    return goneView(ctx, data.filter, data.page);
  if (what === "suspend" && person.suspended) return personView(ctx, data);
  const text = ctx.t(`people-confirm-${what}`, {
    name: escapeHtml(person.name),
    role: roleName(ctx, person.role),
    open: person.openCases,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t(`people-button-${what}-ok`), pack(`${what}_ok`, data.filter, data.page, data.id))
    .text(ctx.t("button-cancel"), pack("person", data.filter, data.page, data.id));
  return { text, keyboard };
}

async function invitesView(ctx: BotContext, data: PeopleData, note?: string): Promise<View> {
  const locale = await ctx.i18n.getLocale();
  const invites = await listUnusedInvites(ctx.deps.db.prisma, ctx.deps.now());
  const pages = Math.max(1, Math.ceil(invites.length / INVITES_PAGE));
  const current = Math.min(data.page, pages - 1);
  const shown = invites.slice(current * INVITES_PAGE, (current + 1) * INVITES_PAGE);
  const lines = [
    ...(note ? [note, ""] : []),
    ctx.t("people-invites-title", { total: invites.length, page: current + 1, pages }),
  ];
  if (invites.length === 0) lines.push(ctx.t("people-invites-none"));
  const keyboard = new InlineKeyboard();
  for (const invite of shown) {
    lines.push(
      ctx.t("people-invite-line", {
        id: invite.id,
        role: roleName(ctx, invite.role),
        target: escapeHtml(invite.target),
        expires: formatDateTime(invite.expiresAt, locale, ctx.deps.config.TIME_ZONE),
      }),
    );
    keyboard
      .text(ctx.t("people-button-revoke", { id: invite.id }), pack("revoke", data.filter, current, invite.id))
      .row();
  }
  if (current > 0) keyboard.text(ctx.t("button-previous"), pack("invites", data.filter, current - 1, 0));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), pack("invites", data.filter, current + 1, 0));
  if (pages > 1) keyboard.row();
  keyboard.text(ctx.t("button-back"), pack("list", data.filter, 0, 0));
  return { text: lines.join("\n"), keyboard };
}

async function revokeConfirmView(ctx: BotContext, data: PeopleData): Promise<View> {
  const invite = (await listUnusedInvites(ctx.deps.db.prisma, ctx.deps.now())).find((i) => i.id === data.id);
  if (!invite) return invitesView(ctx, data, ctx.t("people-invite-gone"));
  return {
    text: ctx.t("people-confirm-revoke", {
      id: invite.id,
      role: roleName(ctx, invite.role),
      target: escapeHtml(invite.target),
    }),
    keyboard: new InlineKeyboard()
      .text(ctx.t("people-button-revoke-ok"), pack("revoke_ok", data.filter, data.page, data.id))
      .text(ctx.t("button-cancel"), pack("invites", data.filter, data.page, 0)),
  };
}

async function historyView(ctx: BotContext, data: PeopleData): Promise<View> {
  const locale = await ctx.i18n.getLocale();
  const prisma = ctx.deps.db.prisma;
  const subjectId = data.id === 0 ? undefined : data.id;
  const total = await countAccessAudit(prisma, { subjectId });
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE));
  const current = Math.min(data.page, pages - 1);
  const entries = await listAccessAudit(prisma, {
    subjectId,
    skip: current * HISTORY_PAGE,
    take: HISTORY_PAGE,
  });
  const lines = [ctx.t("people-history-title", { total, page: current + 1, pages })];
  if (total === 0) lines.push(ctx.t("people-history-none"));
  for (const entry of entries) {
    const detail = parseAuditDetail(entry.detail);
    const parts = [
      entry.role ? roleName(ctx, entry.role) : undefined,
      detail.codes ? escapeHtml(detail.codes) : undefined,
      detail.handedOver === undefined
        ? undefined
        : ctx.t("people-history-handed", { count: detail.handedOver }),
      detail.inviteId === undefined ? undefined : ctx.t("people-history-invite", { id: detail.inviteId }),
    ].filter(Boolean);
    lines.push(
      ctx.t("people-history-line", {
        when: formatDateTime(entry.createdAt, locale, ctx.deps.config.TIME_ZONE),
        action: ctx.t(`people-action-${entry.action}`),
        subject: escapeHtml(entry.subjectLabel),
        what: parts.join(" · "),
        actor: escapeHtml(entry.actorLabel === "cli" ? ctx.t("people-actor-cli") : entry.actorLabel),
      }),
    );
  }
  const keyboard = new InlineKeyboard();
  if (current > 0)
    keyboard.text(ctx.t("button-previous"), pack("history", data.filter, current - 1, data.id));
  if (current < pages - 1)
    keyboard.text(ctx.t("button-next"), pack("history", data.filter, current + 1, data.id));
  if (pages > 1) keyboard.row();
  keyboard.text(
    ctx.t("button-back"),
    subjectId === undefined ? pack("list", data.filter, 0, 0) : pack("person", data.filter, 0, data.id),
  );
  return { text: lines.join("\n"), keyboard };
}

/** What the admin sees after a change: a toast, and the person's card (or the list, once removed). */
async function act(ctx: BotContext, data: PeopleData): Promise<void> {
  const db = ctx.deps.db;
  const now = ctx.deps.now();
  const actor = { kind: "user" as const, user: ctx.user };
  const person = { userId: data.id };
  try {
    switch (data.action) {
      case "suspend_ok": {
        const { handedOver } = await suspendPerson(db, { person, actor, now });
        await ctx.answerCallbackQuery({ text: ctx.t("people-done-suspend", { count: handedOver }) });
        await show(ctx, await personView(ctx, data));
        return;
      }
      case "resume": {
        await resumePerson(db, { person, actor, now });
        await ctx.answerCallbackQuery({ text: ctx.t("people-done-resume") });
        await show(ctx, await personView(ctx, data));
        return;
      }
      case "remove_ok": {
        const { handedOver, person: removed } = await removeRole(db, { person, actor, now });
        await ctx.answerCallbackQuery({ text: ctx.t("people-done-remove", { count: handedOver }) });
        const view = await listView(ctx, data.filter, data.page);
        const note = ctx.t("people-removed-note", {
          name: escapeHtml(personName(removed)),
          count: handedOver,
        });
        await show(ctx, { ...view, text: `${note}\n\n${view.text}` });
        return;
      }
      case "revoke_ok": {
        const revoked = await revokeInvite(db.prisma, { inviteId: data.id, actor, now });
        await ctx.answerCallbackQuery({ text: ctx.t(revoked ? "people-done-revoke" : "people-invite-gone") });
        await show(ctx, await invitesView(ctx, { ...data, page: 0 }));
        return;
      }
    }
  } catch (error) {
    // Someone else changed it meanwhile, or an old button: say so, show how things are now.
    if (error instanceof UnknownPersonError) {
      await ctx.answerCallbackQuery({ text: ctx.t("people-person-gone"), show_alert: true });
      await show(ctx, await listView(ctx, data.filter, data.page));
      return;
    }
    if (error instanceof SuspensionStateError || error instanceof NotSuspendableError) {
      await ctx.answerCallbackQuery({ text: ctx.t("people-changed-meanwhile"), show_alert: true });
      await show(ctx, await personView(ctx, data));
      return;
    }
    throw error;
  }
}

feature.command("people", async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.t("people-admins-only"));
    return;
  }
  // "/people 2601" or "/people @name": that person's card at once.
  const wanted = ctx.match.trim();
  if (wanted) {
    const handle = parsePersonHandle(wanted);
    const person = handle ? await findPerson(ctx.deps.db.prisma, handle) : null;
    if (!person || person.role === "citizen") {
      await ctx.reply(ctx.t("people-not-found", { who: escapeHtml(wanted) }), { parse_mode: "HTML" });
      return;
    }
    await show(ctx, await personView(ctx, { action: "person", filter: "all", page: 0, id: person.id }));
    return;
  }
  await show(ctx, await listView(ctx, "all", 0));
});

feature.callbackQuery(peopleData.filter, async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.answerCallbackQuery({ text: ctx.t("people-admins-only"), show_alert: true });
    return;
  }
  const data = peopleData.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  switch (data.action) {
    case "suspend_ok":
    case "resume":
    case "remove_ok":
    case "revoke_ok":
      await act(ctx, data);
      return;
  }
  await ctx.answerCallbackQuery();
  switch (data.action) {
    case "list":
      await show(ctx, await listView(ctx, data.filter, data.page));
      return;
    case "person":
      await show(ctx, await personView(ctx, data));
      return;
    case "remove":
    case "suspend":
      await show(ctx, await confirmView(ctx, data, data.action));
      return;
    case "invites":
      await show(ctx, await invitesView(ctx, data));
      return;
    case "revoke":
      await show(ctx, await revokeConfirmView(ctx, data));
      return;
    case "history":
      await show(ctx, await historyView(ctx, data));
      return;
  }
});
