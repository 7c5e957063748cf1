// Every message kind's renderer, for the delivery engine (src/jobs/delivery.ts). The type
// asks for one per kind in src/domain/messages.ts: a new kind does not compile without one.
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { Renderers } from "../../jobs/delivery.js";
import { createAccessChangeRenderer } from "./access-change.js";
import { createActivityChangeRenderer, createActivityNoticeRenderers } from "./activity-notices.js";
import { createBroadcastRenderer } from "./broadcast.js";
import { createBulletinRenderer } from "./bulletin.js";
import { createCaseRenderers } from "./case-messages.js";
import { createReferralRenderers } from "./referral-messages.js";
import { createReminderRenderers } from "./reminders.js";
import { createPauseReportRenderer, renderReply } from "./sending-pause.js";
import { createTriageRenderers } from "./triage-messages.js";

export function createRenderers({ db, config }: { db: Database; config: Config }): Renderers {
  return {
    ...createCaseRenderers({ db, config }),
    ...createTriageRenderers({ db, config }),
    ...createReminderRenderers({
      db,
      timeZone: config.TIME_ZONE,
      remindAfterHours: config.REMIND_UNACCEPTED_HOURS,
    }),
    ...createActivityNoticeRenderers({ db, timeZone: config.TIME_ZONE }),
    activity_changed: createActivityChangeRenderer({ db, timeZone: config.TIME_ZONE }),
    broadcast: createBroadcastRenderer({ db }),
    bulletin: createBulletinRenderer({ db, timeZone: config.TIME_ZONE }),
    ...createReferralRenderers({ db, timeZone: config.TIME_ZONE }),
    reply: renderReply,
    pause_report: createPauseReportRenderer(config.TIME_ZONE),
    access_changed: createAccessChangeRenderer({ db }),
  };
}
