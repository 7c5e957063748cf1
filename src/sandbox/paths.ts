// Where the sandbox's page and the browser libraries are on disk. Computed from the package
// root, not from this module's folder, so the same code finds them when it runs from src/
// (tsx) and from a compiled build elsewhere: src/sandbox/web/ is served as it is (no build
// step), so nothing has to be copied into the build output.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "liaison-station";

/** The folder holding this project's package.json, found by walking up from this module. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${from}`);
  }
}

/** The web chat's own files (index.html, scripts, styles). */
export function webDirectory(): string {
  return join(packageRoot(), "src", "sandbox", "web");
}

/** The folder of an installed npm package, found through Node's resolution from the package root. */
function packageDirectory(name: string): string {
  const entry = createRequire(join(packageRoot(), "package.json")).resolve(name);
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name
    )
      return dir;
  }
  throw new Error(`cannot find the folder of npm package ${name}`);
}

/**
 * The browser builds (ES modules) of the page's libraries, by the URL the page's import map
 * gives them: preact and htm for the components, DOMPurify for the bot's HTML.
 */
export function vendorFiles(): Record<string, string> {
  const preact = packageDirectory("preact");
  return {
    "preact.js": join(preact, "dist", "preact.module.js"),
    "preact-hooks.js": join(preact, "hooks", "dist", "hooks.module.js"),
    "htm.js": join(packageDirectory("htm"), "dist", "htm.module.js"),
    "htm-preact.js": join(packageDirectory("htm"), "preact", "index.module.js"),
    "purify.js": join(packageDirectory("dompurify"), "dist", "purify.es.mjs"),
  };
}

/**
 * The page's Chinese font, by the URL the style sheet gives it: Noto Sans SC from the npm
 * package the charts use (SIL Open Font License 1.1). A browser loads it only for Chinese
 * characters that none of the system fonts named before it has (a machine without a Chinese
 * font), so the page reads the same everywhere.
 */
export function fontFiles(): Record<string, string> {
  const noto = packageDirectory("@expo-google-fonts/noto-sans-sc");
  return {
    "noto-sans-sc-400.ttf": join(noto, "400Regular", "NotoSansSC_400Regular.ttf"),
    "noto-sans-sc-700.ttf": join(noto, "700Bold", "NotoSansSC_700Bold.ttf"),
  };
}
