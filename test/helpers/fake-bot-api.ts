// The tests' Telegram: the embedded Bot API of the sandbox (src/sandbox/bot-api), on a free
// port of 127.0.0.1. One fake, used by the sandbox and by every test.
export {
  BotApiServer as FakeBotApi,
  type BotApiServerOptions as FakeBotApiOptions,
} from "../../src/sandbox/bot-api/server.js";
export type { FailureRule, RecordedCall, UploadedFile } from "../../src/sandbox/bot-api/types.js";
