// A small RFC 5545 reader for tests: unfolds lines, splits name, parameters and value, and
// unescapes text, the way a calendar reads an .ics file.

export interface IcsProperty {
  name: string;
  params: string[];
  value: string;
}

/** A small RFC 5545 reader: CRLF lines, folding, NAME;PARAMS:VALUE. */
export function parseIcs(text: string): IcsProperty[] {
  if (!text.endsWith("\r\n")) throw new Error("an iCalendar stream ends with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error("bare CR or LF inside a line");
    if (Buffer.byteLength(line, "utf8") > 75) throw new Error(`line longer than 75 octets: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical.map((line) => {
    const colon = line.indexOf(":");
    const [name, ...params] = line.slice(0, colon).split(";");
    return { name: name!, params, value: line.slice(colon + 1) };
  });
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** 20261205T010000Z → Date */
export function parseUtc(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** The value of the first property with this name. */
export function propertyValue(properties: IcsProperty[], name: string): string {
  const found = properties.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} property`);
  return found.value;
}
