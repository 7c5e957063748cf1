// The authorization matrix (test/bot/authorization-matrix.ts) on postgresql, half 1 of its cells:
// split so that the halves run side by side.
import { describeMatrix } from "./authorization-matrix.js";

describeMatrix("postgresql", 0, 2);
