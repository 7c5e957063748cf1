// Talking to the sandbox server: JSON requests whose errors carry a message already in the
// page's language, and the stream of server-sent events.

export class SandboxError extends Error {}

/**
 * Sends a request and returns the answer's JSON. Throws SandboxError with the server's
 * localized message, or `offline` when the server cannot be reached.
 */
export async function request(method, path, { body, locale, offline }) {
  const isForm = body instanceof FormData;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        "x-sandbox-locale": locale,
        ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new SandboxError(offline);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new SandboxError(data.error ?? `HTTP ${response.status}`);
  return data;
}

/** Listens to the server's events; `onEvent(type, data)` for each, `onStatus(connected)` as the connection comes and goes. */
export function listen(onEvent, onStatus) {
  const source = new EventSource("/api/events");
  const types = [
    "ready",
    "message",
    "edit",
    "delete",
    "callbackAnswer",
    "replyKeyboard",
    "chatAction",
    "commands",
    "personas",
    "blocked",
    "settings",
    "reset",
  ];
  for (const type of types) source.addEventListener(type, (event) => onEvent(type, JSON.parse(event.data)));
  source.addEventListener("open", () => onStatus(true));
  source.addEventListener("error", () => onStatus(false));
  return () => source.close();
}
