// The composition root of the bot: plugins and features in one fixed order. It builds the
// bot and returns it without starting it; src/main.ts starts it, tests drive it directly.
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { Composer } from "./composer.js";
import type { BotContext, BotDeps } from "./context.js";
import { handleBotError } from "./error-handler.js";
import { activitiesFeature } from "./features/activities.js";
import { activitiesManageFeature } from "./features/activities-manage.js";
import { activityCreateFeature } from "./features/activity-create.js";
import { adminFeature } from "./features/admin.js";
import { broadcastFeature } from "./features/broadcast.js";
import { broadcastListFeature } from "./features/broadcast-list.js";
import { cannedRepliesFeature } from "./features/canned-replies.js";
import { caseClockFeature } from "./features/case-clock.js";
import { caseEditsFeature } from "./features/case-edits.js";
import { caseInputFeature } from "./features/case-input.js";
import { caseRepliesFeature } from "./features/case-replies.js";
import { casesFeature } from "./features/cases.js";
import { concernIntakeFeature } from "./features/concern-intake.js";
import { deputiesFeature } from "./features/deputies.js";
import { districtFeature } from "./features/district.js";
import { fallbackFeature } from "./features/fallback.js";
import { inboxFeature } from "./features/inbox.js";
import { inboxDeskFeature } from "./features/inbox-desk.js";
import { intakeFeature } from "./features/intake.js";
import { languageFeature } from "./features/language.js";
import { meTooFeature } from "./features/me-too.js";
import { membershipFeature } from "./features/membership.js";
import { menuFeature } from "./features/menu.js";
import { moderationFeature } from "./features/moderation.js";
import { myDataFeature } from "./features/my-data.js";
import { noticesFeature } from "./features/notices.js";
import { peopleFeature } from "./features/people.js";
import { ratingFeature } from "./features/rating.js";
import { referralActionsFeature } from "./features/referral-actions.js";
import { referralInputFeature } from "./features/referral-input.js";
import { referralReferFeature } from "./features/referral-refer.js";
import { reportFeature } from "./features/report.js";
import { startFeature } from "./features/start.js";
import { statsFeature } from "./features/stats.js";
import { triageFeature } from "./features/triage.js";
import { whoamiFeature } from "./features/whoami.js";
import { dropEmptyKeyboardRows } from "./keyboards/empty-rows.js";
import { bestEffort } from "./middlewares/best-effort.js";
import { promptGuard } from "./middlewares/prompt-guard.js";
import { rejectBanned } from "./middlewares/reject-banned.js";
import { requireConsent } from "./middlewares/require-consent.js";
import { keepRoleMenu } from "./middlewares/role-menu.js";
import { databaseSession } from "./middlewares/session.js";
import { answerSuspended } from "./middlewares/suspended.js";
import { attachUser } from "./middlewares/user.js";

export interface CreateBotOptions {
  botInfo?: UserFromGetMe;
}

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const { config } = deps;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    botInfo: options.botInfo,
    client: { apiRoot: config.TELEGRAM_API_ROOT ?? "https://api.telegram.org", timeoutSeconds: 60 },
  });
  // No inline keyboard goes out with an empty row, whichever builder made it.
  bot.api.config.use(dropEmptyKeyboardRows);
  // Every middleware goes in one flat chain (src/bot/composer.ts), not grammY's nested one.
  const chain = new Composer<BotContext>();
  bot.use(chain);

  // 1. Dependencies and a logger per update, before anything that might log.
  chain.use((ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id });
    return next();
  });
  // Answering a button and editing a message never stop the action (src/bot/middlewares/best-effort.ts).
  chain.use(bestEffort);
  // 2. The bot serves people in private chats; groups and channels are ignored.
  // (A middleware that does not call next: grammY's bot.drop() without middleware drops nothing.)
  chain.use((ctx, next) => (ctx.chat !== undefined && ctx.chat.type !== "private" ? undefined : next()));
  // 3. Who is writing (the locale negotiator below reads the stored locale).
  chain.use(attachUser);
  // 4. Sessions in the database, keyed by the user, so flows survive restarts.
  chain.use(databaseSession(() => ({})));
  // 5. Translations; then, once the update is handled, the user's command menu for their role.
  chain.use(deps.i18n);
  chain.use(keepRoleMenu);
  // 6. Moderation; a suspended deputy's or staff member's case actions get one line (inside the session, so it is saved).
  chain.use(rejectBanned);
  chain.use(answerSuspended);
  // 6b. A prompt waiting for one text ends on any command, other button or its time limit,
  // before any feature could take a stale prompt's text as its answer.
  chain.use(promptGuard);
  // 7. Membership changes (the user blocked or restarted the bot) need no consent or reply.
  chain.use(membershipFeature);
  // 8. What works before consent: /start and the privacy notice, language, help, admin.
  chain.use(whoamiFeature, startFeature, myDataFeature, languageFeature, menuFeature, adminFeature);
  // 9. Everything else needs the citizen's consent to the privacy notice.
  chain.use(requireConsent);
  chain.use(
    // A reply to the bot's message about a case goes to that case, whatever else is open.
    caseRepliesFeature,
    districtFeature,
    concernIntakeFeature,
    meTooFeature,
    casesFeature,
    inboxFeature,
    ratingFeature,
    caseInputFeature,
    caseEditsFeature,
    moderationFeature,
    intakeFeature,
  );
  chain.use(triageFeature, inboxDeskFeature, cannedRepliesFeature);
  chain.use(referralReferFeature, referralActionsFeature, referralInputFeature, caseClockFeature);
  chain.use(broadcastListFeature, broadcastFeature, noticesFeature);
  chain.use(activityCreateFeature, activitiesManageFeature, activitiesFeature, deputiesFeature);
  chain.use(statsFeature, reportFeature, peopleFeature);
  // 10. What nobody took gets a clear answer.
  chain.use(fallbackFeature);

  bot.catch(handleBotError);
  return bot;
}
