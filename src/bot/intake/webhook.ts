// Webhook mode: Telegram POSTs each update with our secret in a header. Requests without
// the right secret are rejected; an update is acknowledged (200) only once handled, so a
// crash or a 5xx makes Telegram deliver it again.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { ProcessUpdate } from "./process-update.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServerOptions {
  process: ProcessUpdate;
  secret: string;
  path: string;
  logger: Logger;
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createWebhookServer({ process, secret, path, logger }: WebhookServerOptions): Server {
  return createServer(async (req, res) => {
    const send = (status: number, body = "") => {
      res.writeHead(status, { "content-type": "text/plain" }).end(body);
    };
    if (req.method === "GET" && req.url === "/healthz") return send(200, "ok");
    if (req.method !== "POST" || req.url !== path) return send(404);
    if (!secretMatches(req.headers[SECRET_HEADER], secret)) return send(401, "secret token mismatch");
    const body = await readBody(req);
    if (body === undefined) return send(413);
    let update: Update;
    try {
      update = JSON.parse(body) as Update;
    } catch {
      return send(400);
    }
    if (typeof update?.update_id !== "number") return send(400);
    try {
      const claim = await process(update);
      // Another instance is handling it right now: let Telegram retry later.
      if (claim === "busy") return send(503);
      send(200);
    } catch (error) {
      logger.error({ err: error, updateId: update.update_id }, "webhook update failed");
      send(500);
    }
  });
}
