// A Bot API request's parameters, from the query string and a JSON, urlencoded or multipart
// body, the four ways Telegram accepts them.
import type { IncomingMessage } from "node:http";
import { parseMultipart } from "./multipart.js";
import { BotApiError, badRequest } from "./replies.js";
import type { Json } from "./types.js";

// Free-text fields stay strings even when they look like JSON ("123", "true").
const TEXT_FIELDS = new Set(["text", "caption", "description", "short_description", "url", "secret_token"]);

/** Telegram accepts uploads up to 50 MB; a larger body is refused before it is buffered whole. */
export const MAX_REQUEST_BYTES = 50 * 1024 * 1024 + 64 * 1024;

function parseField(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new BotApiError(413, "Request Entity Too Large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The parameters of one request. Throws BotApiError: 400 for a body that is not what its
 * content-type says, 413 for a body over MAX_REQUEST_BYTES.
 */
export async function readPayload(req: IncomingMessage, url: URL): Promise<Json> {
  const body = await readBody(req);
  const payload: Json = {};
  for (const [key, value] of url.searchParams) payload[key] = parseField(key, value);

  const header = req.headers["content-type"] ?? "";
  const type = header.toLowerCase();
  if (type.startsWith("multipart/form-data"))
    return { ...payload, ...parseMultipart(body, header, parseField) };
  if (body.length === 0) return payload;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8")))
      payload[key] = parseField(key, value);
    return payload;
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("can't parse JSON object");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw badRequest("parameters must be a JSON object");
  return { ...payload, ...(json as Json) };
}
