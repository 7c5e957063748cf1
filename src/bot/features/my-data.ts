// My data (PIPL, issue 11), under /privacy: export everything held about me as a file (JSON
// and a readable summary), and delete my account. Each is asked first and done on a second
// tap, recorded (PrivacyRequest) and logged. What deletion erases and keeps is decided in
// src/domain/personal-data.ts and carried out by src/db/queries/personal-data.ts.
import { InputFile } from "grammy";
import {
  AccountDeletionNotAllowedError,
  AccountNotFoundError,
  deleteAccount,
  exportPersonalData,
  recordPrivacyRequest,
} from "../../db/queries/personal-data.js";
import { deletionSummary, personalDataSummary } from "../../domain/personal-data.js";
import { myDataData } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { formatDateTime } from "../format.js";
import { myDataConfirmKeyboard } from "../keyboards/privacy.js";

export const myDataFeature = new Composer<BotContext>();
const feature = myDataFeature.chatType("private");

feature.callbackQuery(myDataData.filter, async (ctx) => {
  const data = myDataData.unpack(ctx.callbackQuery.data);
  if (!data) {
    await ctx.answerCallbackQuery({ text: ctx.t("error-stale-button"), show_alert: true });
    return;
  }
  switch (data.action) {
    case "export":
    case "delete": {
      await ctx.answerCallbackQuery();
      const ask = data.action === "export" ? "mydata-export-confirm" : "mydata-delete-confirm";
      await ctx.reply(ctx.t(ask), {
        parse_mode: "HTML",
        reply_markup: myDataConfirmKeyboard(ctx.t, `${data.action}_yes`),
      });
      return;
    }
    case "cancel":
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("mydata-cancelled"));
      return;
    case "export_yes":
      return exportMyData(ctx);
    case "delete_yes":
      return deleteMyAccount(ctx);
  }
});

async function exportMyData(ctx: BotContext): Promise<void> {
  const { db, now: clock, config } = ctx.deps;
  const now = clock();
  let data: Awaited<ReturnType<typeof exportPersonalData>>;
  try {
    data = await exportPersonalData(db.prisma, ctx.user.id, now);
  } catch (error) {
    if (!(error instanceof AccountNotFoundError)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t("mydata-no-account"), show_alert: true });
    return;
  }
  await recordPrivacyRequest(db.prisma, { userId: ctx.user.id, kind: "export", now });
  ctx.logger.info(
    { userId: ctx.user.id, cases: data.cases.length },
    "personal data exported at the person's request",
  );
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const locale = await ctx.i18n.getLocale();
  const summary = personalDataSummary(data, ctx.t, (iso) =>
    formatDateTime(new Date(iso), locale, config.TIME_ZONE),
  )
    // The file is plain text: the summary's few HTML marks are for chat messages.
    .replace(/<\/?b>/g, "");
  const stem = `my-data-${now.toISOString().slice(0, 10)}`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(JSON.stringify(data, null, 2)), `${stem}.json`), {
    caption: ctx.t("mydata-export-json-caption"),
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(summary), `${stem}.txt`), {
    caption: ctx.t("mydata-export-summary-caption"),
  });
}

async function deleteMyAccount(ctx: BotContext): Promise<void> {
  const { db, now } = ctx.deps;
  let result: Awaited<ReturnType<typeof deleteAccount>>;
  try {
    result = await deleteAccount(db, { userId: ctx.user.id, now: now() });
  } catch (error) {
    const key =
      error instanceof AccountDeletionNotAllowedError
        ? "mydata-delete-not-citizen"
        : error instanceof AccountNotFoundError
          ? "mydata-no-account"
          : undefined;
    if (!key) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return;
  }
  ctx.logger.info(
    { userId: ctx.user.id, withdrawn: result.withdrawn.length, kept: result.remains.cases.length },
    "account deleted at the person's request",
  );
  // The session was deleted with the account; null keeps grammY from writing it back.
  (ctx as { session: unknown }).session = null;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(deletionSummary(result.remains, ctx.t), { parse_mode: "HTML" });
}
