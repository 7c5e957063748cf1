// The reference for the bot's memory (bench/processes.ts): a bare grammY bot that answers
// /start with the privacy notice's length of text, polling TELEGRAM_API_ROOT, storing nothing.
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
const text = "欢迎使用人大代表联络站机器人。".repeat(40);
bot.command("start", (ctx) => ctx.reply(text));
process.once("SIGTERM", () => bot.stop().then(() => process.exit(0)));
await bot.start();
