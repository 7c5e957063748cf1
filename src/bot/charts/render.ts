// Draws a Chart.js chart on a server-side canvas (@napi-rs/canvas, whose Skia binary ships in
// its npm package) and returns it as a PNG. No animation, no responsiveness, a white
// background: the picture is for a chat, not a page.
import { createCanvas } from "@napi-rs/canvas";
import {
  Chart,
  type ChartConfiguration,
  type ChartItem,
  type ChartType,
  type Plugin,
  registerables,
} from "chart.js";
import { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.js";

let ready = false;

function prepare(): void {
  if (ready) return;
  registerChartFonts();
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.font.size = 16;
  Chart.defaults.color = "#333333";
  ready = true;
}

const whiteBackground: Plugin = {
  id: "white-background",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export interface ChartSize {
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
}

/** Renders `config` to a PNG of exactly `size` pixels. */
export function renderChartPng<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Buffer {
  prepare();
  const canvas = createCanvas(size.width, size.height);
  const chart = new Chart(
    canvas.getContext("2d") as unknown as ChartItem,
    {
      ...config,
      options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 },
      plugins: [...(config.plugins ?? []), whiteBackground],
    } as ChartConfiguration<T>,
  );
  try {
    return canvas.toBuffer("image/png");
  } finally {
    chart.destroy();
  }
}
