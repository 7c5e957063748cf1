// Loading a case for the person in front of the bot, with the permission check every
// action goes through: the case's own citizen, or a handler whose scope covers its district.

import { loadHandlerScope } from "../db/queries/access.js";
import {
  AlreadyRatedError,
  CaseClosedError,
  type ConcernDetails,
  ConcernNotFoundError,
  ConcurrentChangeError,
  findConcern,
} from "../db/queries/concerns.js";
import { canHandleDistrict, type HandlerScope } from "../domain/access.js";
import { InvalidTransitionError } from "../domain/concern-status.js";
import { isSuspended } from "../domain/roles.js";
import type { BotContext } from "./context.js";

export type CaseAccess =
  | { as: "citizen"; concern: ConcernDetails }
  | { as: "handler"; concern: ConcernDetails; scope: HandlerScope }
  | { as: "none" };

/**
 * Thrown where a suspended deputy or staff member reaches for a case or a handler's list; the
 * middleware src/bot/middlewares/suspended.ts answers it with one localized line.
 */
export class SuspendedError extends Error {
  override name = "SuspendedError";
  constructor() {
    super("the person is suspended");
  }
}

/** Throws SuspendedError when the user is a suspended deputy or staff member (src/domain/roles.ts isSuspended). */
export function refuseIfSuspended(ctx: BotContext): void {
  if (isSuspended(ctx.user)) throw new SuspendedError();
}

/** The user's handler scope for a handler's command or list; throws SuspendedError when suspended. */
export async function handlerScopeOf(ctx: BotContext): Promise<HandlerScope> {
  refuseIfSuspended(ctx);
  return loadHandlerScope(ctx.deps.db.prisma, ctx.user);
}

/**
 * The case and the capacity in which the user may see it: its own citizen, or a handler whose
 * scope covers its district; none otherwise. Throws SuspendedError when a suspended deputy or
 * staff member reaches for a case that is not their own as a citizen.
 */
export async function accessCase(ctx: BotContext, concernId: number): Promise<CaseAccess> {
  const concern = await findConcern(ctx.deps.db.prisma, concernId);
  if (concern?.citizenId === ctx.user.id) return { as: "citizen", concern };
  refuseIfSuspended(ctx);
  if (!concern) return { as: "none" };
  const scope = await loadHandlerScope(ctx.deps.db.prisma, ctx.user);
  if (canHandleDistrict(scope, concern.districtId)) return { as: "handler", concern, scope };
  return { as: "none" };
}

/** A handler-only load: citizens and out-of-scope deputies get undefined. */
export async function accessCaseAsHandler(
  ctx: BotContext,
  concernId: number,
): Promise<ConcernDetails | undefined> {
  const access = await accessCase(ctx, concernId);
  return access.as === "handler" ? access.concern : undefined;
}

/** Turns the expected failures of a case action into a short answer in the user's language. */
export function caseErrorMessage(ctx: BotContext, error: unknown): string | undefined {
  if (error instanceof InvalidTransitionError || error instanceof CaseClosedError) {
    const status = error instanceof InvalidTransitionError ? error.from : error.status;
    return ctx.t("case-action-not-allowed", { status: ctx.t(`status-${status}`) });
  }
  if (error instanceof ConcurrentChangeError) return ctx.t("case-changed-meanwhile");
  if (error instanceof AlreadyRatedError) return ctx.t("rating-not-open");
  if (error instanceof ConcernNotFoundError) return ctx.t("case-not-found");
  return undefined;
}
