// The authorization matrix (test/bot/authorization-matrix.ts) on sqlite, half 2 of its cells:
// split so that the halves run side by side.
import { describeMatrix } from "./authorization-matrix.js";

describeMatrix("sqlite", 1, 2);
