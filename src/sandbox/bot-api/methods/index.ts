// Every method the embedded Bot API implements, by name.
import { botMethods } from "./bot.js";
import type { Method } from "./common.js";
import { editingMethods } from "./editing.js";
import { sendingMethods } from "./sending.js";

export type { Method };

export const methods: Record<string, Method> = { ...botMethods, ...sendingMethods, ...editingMethods };
