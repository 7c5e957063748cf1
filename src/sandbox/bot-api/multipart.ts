// multipart/form-data as grammY writes it. Parsed here rather than by a library because
// grammY writes compact part headers with an unquoted filename
// (`content-disposition:form-data;name="x";filename=my photo.jpg`): Node 20's
// `Request.formData()` rejects them and busboy silently drops such a part, while Telegram
// accepts them. Files are referenced from fields as `attach://<part name>`; those references
// are replaced by the file record.
import { badRequest } from "./replies.js";
import type { Json, UploadedFile } from "./types.js";

/** Parses one multipart body. Throws BotApiError (400) when it has no boundary. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
  parseField: (key: string, value: string) => unknown,
): Json {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary) throw badRequest("multipart body without boundary");

  const fields: Json = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // Prefixing CRLF lets the first delimiter be found like all the others.
  const data = Buffer.concat([Buffer.from("\r\n"), body]);
  let pos = data.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (data.subarray(start, start + 2).toString() === "--") break; // closing delimiter
    const end = data.indexOf(delimiter, start);
    if (end === -1) break;
    const part = data.subarray(start + 2, end); // skip the CRLF after the delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const disposition = /^content-disposition\s*:(.*)$/im.exec(headers)?.[1] ?? "";
    const name = /;\s*name=(?:"([^"]*)"|([^;\s]*))/i.exec(disposition);
    const filename = /;\s*filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(disposition);
    const mimeType = /^content-type\s*:\s*([^\r\n;]+)/im.exec(headers)?.[1]?.trim();
    const key = name?.[1] ?? name?.[2] ?? "";
    if (filename) {
      files.set(key, {
        filename: filename[1] ?? filename[2] ?? "",
        size: content.length,
        content: Buffer.from(content),
        ...(mimeType && mimeType !== "application/octet-stream" ? { mimeType } : {}),
      });
    } else {
      fields[key] = parseField(key, content.toString("utf8"));
    }
    pos = end;
  }

  const used = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const file = files.get(value.slice("attach://".length));
      if (file) used.add(value.slice("attach://".length));
      return file ?? value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const payload = resolve(fields) as Json;
  // Files nobody referenced stay visible under their part name.
  for (const [key, file] of files) if (!used.has(key)) payload[key] = file;
  return payload;
}
