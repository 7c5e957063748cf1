// The Chinese font every chart and report page is drawn with: Noto Sans SC (SIL Open Font
// License 1.1), shipped as TTF files inside the npm package @expo-google-fonts/noto-sans-sc,
// so that a fresh machine renders Chinese without any system font. Registered once, lazily:
// the files are 10 MB each and most processes never draw a chart.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

export const CHART_FONT_FAMILY = "Noto Sans SC";

let registered = false;

export class FontMissingError extends Error {
  constructor(readonly path: string) {
    super(`the chart font is missing: ${path} (is @expo-google-fonts/noto-sans-sc installed?)`);
    this.name = "FontMissingError";
  }
}

/** Registers the regular and bold faces with the canvas (idempotent); throws FontMissingError. */
export function registerChartFonts(): void {
  if (registered) return;
  const packageDir = dirname(
    createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/package.json"),
  );
  for (const face of ["400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"]) {
    const path = join(packageDir, face);
    if (!GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) throw new FontMissingError(path);
  }
  registered = true;
}
