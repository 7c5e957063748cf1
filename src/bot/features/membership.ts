// Telegram tells the bot when a user blocks it (my_chat_member "kicked") or starts it again:
// a blocked user is marked inactive at once, so nothing is queued for them in vain.

import { markUserInactive } from "../../db/queries/users.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const membershipFeature = new Composer<BotContext>();

membershipFeature.on("my_chat_member", async (ctx) => {
  if (ctx.myChatMember.chat.type !== "private") return;
  if (ctx.myChatMember.new_chat_member.status === "kicked") {
    await markUserInactive(ctx.deps.db.prisma, ctx.user.id, "blocked the bot", ctx.deps.now());
  }
  // Any other status ("member": started again) was already handled by the user middleware,
  // which clears the inactive mark of whoever sends an update.
});
