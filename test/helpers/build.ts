// The compiled build that `npm start` runs (dist/, from `npm run build`, run on install).
// Tests of the entry point run the build; one older than the sources is rebuilt first, so that
// a test never passes or fails on stale JavaScript.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("../..", import.meta.url).pathname;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless it is newer than every file under src/. */
export function ensureBuilt(): void {
  const entry = join(root, "dist", "main.js");
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(root, "src"))) return;
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
}

/**
 * The command line of an npm script that runs `node …` or `exec node …` (package.json), with
 * this Node binary: what `npm start` or `npm run sandbox` runs, without npm in between. `env`
 * holds the variables the script sets before `exec` (`NAME=value exec node …`).
 */
export function nodeScript(name: string): { args: string[]; env: Record<string, string> } {
  const scripts = (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const words = scripts[name]!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [key, ...value] = words.shift()!.split("=");
    env[key!] = value.join("=");
  }
  if (words[0] === "exec") words.shift();
  const [command, ...args] = words;
  if (command !== "node") throw new Error(`npm run ${name} does not run node: ${scripts[name]}`);
  return { args, env };
}
