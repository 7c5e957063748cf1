// undelivered (./undelivered-suite.ts) on sqlite: one file per dialect, so that they run side by side.
import { describeUndelivered } from "./undelivered-suite.js";

describeUndelivered("sqlite");
