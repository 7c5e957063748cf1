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
import type { BotContext } from "./context.js";

export type CaseAccess =
  | { as: "citizen"; concern: ConcernDetails }
  | { as: "handler"; concern: ConcernDetails; scope: HandlerScope }
  | { as: "none" };

export async function accessCase(ctx: BotContext, concernId: number): Promise<CaseAccess> {
  const concern = await findConcern(ctx.deps.db.prisma, concernId);
  if (!concern) return { as: "none" };
  if (concern.citizenId === ctx.user.id) return { as: "citizen", concern };
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
