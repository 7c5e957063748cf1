// The authorization matrix (test/bot/authorization-matrix.ts) on sqlite, half 1 of its cells:
// split so that the halves run side by side.
import { describeMatrix } from "./authorization-matrix.js";

describeMatrix("sqlite", 0, 2);
