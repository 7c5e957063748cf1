// Checks that a picture the bot sent is a real PNG by decoding it whole (with the same canvas
// library that drew it), and reports its size in pixels.
import { loadImage } from "@napi-rs/canvas";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height of a decodable PNG; throws when `png` is not one. */
export async function pngSize(png: Buffer): Promise<{ width: number; height: number }> {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG: wrong signature");
  const image = await loadImage(png);
  return { width: image.width, height: image.height };
}
