// The authorization matrix (test/bot/authorization-matrix.ts) on postgresql, half 2 of its cells:
// split so that the halves run side by side.
import { describeMatrix } from "./authorization-matrix.js";

describeMatrix("postgresql", 1, 2);
