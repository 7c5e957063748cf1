// activities-notices (./activities-notices-suite.ts) on sqlite: one file per dialect, so that they run side by side.
import { describeActivitiesNotices } from "./activities-notices-suite.js";

describeActivitiesNotices("sqlite");
