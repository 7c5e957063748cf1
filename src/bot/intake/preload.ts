// What the intake loaded for an update before handling it (src/bot/intake/process-update.ts),
// and what the session middleware leaves to be written when it is done: kept beside the
// update object, which grammY hands to the context unchanged (ctx.update).
import type { Update } from "grammy/types";
import type { User } from "../../db/queries/users.js";

export interface UpdateState {
  /** The sender's user, loaded (or created) with the claim; absent: the middleware loads it. */
  user?: User;
  /** The sender's session as stored (JSON, undefined when none), read with the claim. */
  session?: { key: string; stored: string | undefined };
  /** Set by the session middleware when the session changed: written with "done". */
  sessionWrite?: { key: string; value: string | null };
}

const states = new WeakMap<Update, UpdateState>();

/** The state of an update the intake is handling; undefined for one fed to the bot directly. */
export function updateState(update: Update): UpdateState | undefined {
  return states.get(update);
}

export function setUpdateState(update: Update, state: UpdateState): void {
  states.set(update, state);
}
