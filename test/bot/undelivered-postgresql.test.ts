// undelivered (./undelivered-suite.ts) on postgresql: one file per dialect, so that they run side by side.
import { describeUndelivered } from "./undelivered-suite.js";

describeUndelivered("postgresql");
