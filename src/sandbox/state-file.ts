// What the sandbox keeps between runs besides its database: the personas and the embedded
// Bot API's chats, files index and update ids (the bot's de-duplication remembers update
// ids, so they must go on increasing). One JSON file, replaced atomically.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { BotApiSnapshot } from "./bot-api/state.js";
import type { Persona } from "./personas.js";

export interface SandboxState {
  version: 1;
  personas: Persona[];
  api: BotApiSnapshot;
}

/** The saved state, or undefined when there is none or it cannot be read (then the demo starts afresh). */
export function readSandboxState(path: string): SandboxState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as SandboxState;
    return state.version === 1 && Array.isArray(state.personas) ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeSandboxState(path: string, state: SandboxState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}
