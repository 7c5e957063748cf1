// The flat Composer (src/bot/composer.ts) keeps grammY's behaviour: the same order, filters,
// branches, nesting and errors, driven through a real grammY Bot's handleUpdate.
import { Bot, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Composer } from "../../src/bot/composer.js";

const botInfo = {
  id: 1,
  is_bot: true,
  first_name: "Bot",
  username: "test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as UserFromGetMe;

let nextUpdateId = 1;
function textUpdate(text: string, chatType: "private" | "group" = "private"): Update {
  const chat =
    chatType === "private"
      ? { id: 7, type: "private" as const, first_name: "A" }
      : { id: -7, type: "group" as const, title: "G" };
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: 1,
      date: 0,
      chat,
      from: { id: 7, is_bot: false, first_name: "A" },
      text,
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] }
        : {}),
    },
  };
}

function botWith(composer: Composer<Context>): Bot {
  const bot = new Bot("1:x", { botInfo });
  bot.use(composer);
  return bot;
}

describe("the flat Composer", () => {
  it("runs middleware in order, stops where next is not called, and continues after a composer that passes", async () => {
    const seen: string[] = [];
    const root = new Composer<Context>();
    root.use(async (_ctx, next) => {
      seen.push("a:before");
      await next();
      seen.push("a:after");
    });
    const inner = new Composer<Context>();
    inner.use((_ctx, next) => {
      seen.push("inner");
      return next();
    });
    root.use(inner);
    root.use((ctx, next) => (ctx.message?.text === "stop" ? seen.push("stopped") : next()));
    root.use(() => {
      seen.push("last");
    });
    const bot = botWith(root);
    await bot.handleUpdate(textUpdate("go"));
    expect(seen).toEqual(["a:before", "inner", "last", "a:after"]);
    seen.length = 0;
    await bot.handleUpdate(textUpdate("stop"));
    expect(seen).toEqual(["a:before", "inner", "stopped", "a:after"]);
  });

  it("routes commands, filter queries and chat types through nested composers, middleware added later included", async () => {
    const seen: string[] = [];
    const root = new Composer<Context>();
    const privateChats = root.chatType("private");
    privateChats.command("start", (ctx) => {
      seen.push(`start:${ctx.match}`);
    });
    root.on("message:text", (ctx) => {
      seen.push(`text:${ctx.message.text}`);
    });
    // Registered after the bot was built: a composer's chain is read at each update, as in grammY.
    const bot = botWith(root);
    privateChats.hears(/^hello/, () => {
      seen.push("hello");
    });
    await bot.handleUpdate(textUpdate("/start abc"));
    await bot.handleUpdate(textUpdate("/start abc", "group"));
    await bot.handleUpdate(textUpdate("hello there"));
    await bot.handleUpdate(textUpdate("other"));
    expect(seen).toEqual(["start:abc", "text:/start abc", "hello", "text:other"]);
  });

  it("takes asynchronous predicates and arrays in branch, and drop", async () => {
    const seen: string[] = [];
    const root = new Composer<Context>();
    root.branch(
      async (ctx) => ctx.message?.text === "yes",
      [
        (_ctx, next) => {
          seen.push("yes:1");
          return next();
        },
        () => {
          seen.push("yes:2");
        },
      ],
      () => {
        seen.push("no");
      },
    );
    root.drop(
      (ctx) => ctx.message?.text === "x",
      () => {
        seen.push("not dropped");
      },
    );
    const bot = botWith(root);
    await bot.handleUpdate(textUpdate("yes"));
    await bot.handleUpdate(textUpdate("no"));
    expect(seen).toEqual(["yes:1", "yes:2", "no"]);
  });

  it("steps over filters that do not match, asynchronous ones too, and runs what follows a branch", async () => {
    const seen: string[] = [];
    const root = new Composer<Context>();
    for (let i = 0; i < 300; i++)
      root.filter(
        (ctx) => ctx.message?.text === `never ${i}`,
        () => {
          seen.push(`wrong ${i}`);
        },
      );
    root.filter(
      async (ctx) => ctx.message?.text === "later",
      () => {
        seen.push("async filter");
      },
    );
    const after = root.branch(
      (ctx) => ctx.message?.text === "yes",
      (_ctx, next) => {
        seen.push("branch:yes");
        return next();
      },
      (_ctx, next) => {
        seen.push("branch:no");
        return next();
      },
    );
    after.use((ctx) => {
      seen.push(`after:${ctx.message?.text}`);
    });
    root.use(() => {
      seen.push("not reached: `after` ends the chain");
    });
    const bot = botWith(root);
    await bot.handleUpdate(textUpdate("yes"));
    await bot.handleUpdate(textUpdate("no"));
    await bot.handleUpdate(textUpdate("later"));
    expect(seen).toEqual(["branch:yes", "after:yes", "branch:no", "after:no", "async filter"]);
  });

  it("turns a predicate that throws into the update's rejection", async () => {
    const root = new Composer<Context>();
    root.filter(
      () => {
        throw new Error("predicate");
      },
      () => undefined,
    );
    await expect(botWith(root).handleUpdate(textUpdate("x"))).rejects.toThrow("predicate");
  });

  it("refuses a second call of next, and turns a synchronous throw into the update's rejection", async () => {
    const root = new Composer<Context>();
    root.command("twice", async (_ctx, next) => {
      await next();
      await next();
    });
    root.command("throw", () => {
      throw new Error("boom");
    });
    const bot = botWith(root);
    await expect(bot.handleUpdate(textUpdate("/twice"))).rejects.toThrow("`next` already called before!");
    await expect(bot.handleUpdate(textUpdate("/throw"))).rejects.toThrow("boom");
  });

  it("keeps grammY's errorBoundary and lazy, which it inherits", async () => {
    const seen: string[] = [];
    const root = new Composer<Context>();
    root
      .errorBoundary((error, next) => {
        seen.push(`caught:${(error.error as Error).message}`);
        return next();
      })
      .command("fail", () => {
        throw new Error("inner");
      });
    root.lazy((ctx) => (ctx.message?.text === "/fail" ? [() => void seen.push("after")] : []));
    const bot = botWith(root);
    await bot.handleUpdate(textUpdate("/fail"));
    expect(seen).toEqual(["caught:inner", "after"]);
  });
});
