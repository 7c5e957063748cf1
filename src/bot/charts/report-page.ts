// The one-page image of a report to the voters (述职): an A4 page at 150 dpi drawn on a
// server-side canvas with the bundled Chinese font: title, the figures, the deputy's own
// words (wrapped, cut with "……" if they overflow the page: the text version has them whole),
// and the definitions with the pointer to the case list.
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.js";

/** A4 at 150 dpi, in pixels. */
export const REPORT_PAGE_SIZE = { width: 1240, height: 1754 } as const;

const MARGIN = 100;
const RED = "#b03a2e";

export interface ReportPageContent {
  title: string;
  sections: { heading: string; lines: string[] }[];
  /** Small print at the bottom. */
  footer: string[];
}

/** Breaks text into lines that fit `width` pixels, character by character (Chinese has no spaces). */
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const char of paragraph) {
      if (ctx.measureText(line + char).width > width && line !== "") {
        lines.push(line);
        line = char;
      } else line += char;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws the page and returns it as a PNG of REPORT_PAGE_SIZE. */
export function renderReportPage(content: ReportPageContent): Buffer {
  registerChartFonts();
  const { width, height } = REPORT_PAGE_SIZE;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  const textWidth = width - 2 * MARGIN;

  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, width, 24);
  ctx.font = `bold 44px "${CHART_FONT_FAMILY}"`;
  ctx.fillStyle = "#222222";
  let y = 130;
  for (const line of wrap(ctx, content.title, textWidth)) {
    ctx.fillText(line, MARGIN, y);
    y += 60;
  }
  ctx.fillStyle = RED;
  ctx.fillRect(MARGIN, y - 20, textWidth, 3);
  y += 40;

  ctx.font = `12px "${CHART_FONT_FAMILY}"`;
  const footerLines = content.footer.flatMap((f) => {
    ctx.font = `22px "${CHART_FONT_FAMILY}"`;
    return wrap(ctx, f, textWidth);
  });
  const footerTop = height - MARGIN - footerLines.length * 32;

  for (const section of content.sections) {
    ctx.font = `bold 34px "${CHART_FONT_FAMILY}"`;
    ctx.fillStyle = RED;
    if (y + 50 > footerTop) break;
    ctx.fillText(section.heading, MARGIN, y);
    y += 56;
    ctx.font = `28px "${CHART_FONT_FAMILY}"`;
    ctx.fillStyle = "#222222";
    const lines = section.lines.flatMap((l) => wrap(ctx, l, textWidth));
    for (const [i, line] of lines.entries()) {
      if (y + 42 > footerTop - 20) {
        ctx.fillText("……", MARGIN, y);
        y += 42;
        break;
      }
      ctx.fillText(line, MARGIN, y);
      y += i === lines.length - 1 ? 60 : 42;
    }
  }

  ctx.font = `22px "${CHART_FONT_FAMILY}"`;
  ctx.fillStyle = "#555555";
  let fy = footerTop;
  for (const line of footerLines) {
    ctx.fillText(line, MARGIN, fy);
    fy += 32;
  }
  return canvas.toBuffer("image/png");
}
