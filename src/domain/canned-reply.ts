// Canned replies (常用答复) that staff keep per category, with variables filled in when a reply
// is offered: {caseNo}, {dueDate}, {department}.

export const cannedReplyVariables = ["caseNo", "dueDate", "department"] as const;
export type CannedReplyVariable = (typeof cannedReplyVariables)[number];

/** Longest body, in characters (a Telegram message holds 4096; room is left for the rest). */
export const maxCannedReplyLength = 2000;

/** A template that cannot be saved; `code` names the localized message. */
export class CannedReplyError extends Error {
  override name = "CannedReplyError";
  constructor(
    readonly code: "unknown_variable" | "empty" | "too_long",
    /** The unknown variable's name, or the length in characters. */
    readonly detail: string | number | null = null,
  ) {
    super(code === "unknown_variable" ? `unknown variable {${detail}}` : `canned reply ${code}`);
  }
}

const placeholder = /\{([^{}\s]*)\}/g;

/** The variables a template uses, in order of first use. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(placeholder)].map((m) => m[1]!))];
}

/**
 * Checks a template before it is saved: not empty, at most `maxCannedReplyLength` characters,
 * and every {name} one of `cannedReplyVariables`. Returns the trimmed body; throws CannedReplyError.
 */
export function checkCannedReply(body: string): string {
  const text = body.trim();
  if (text === "") throw new CannedReplyError("empty");
  const length = [...text].length;
  if (length > maxCannedReplyLength) throw new CannedReplyError("too_long", length);
  for (const name of templateVariables(text))
    if (!(cannedReplyVariables as readonly string[]).includes(name))
      throw new CannedReplyError("unknown_variable", name);
  return text;
}

/**
 * Fills a template's variables; a value that is null (a case not yet referred has no department)
 * becomes `missing` (the caller's localized dash). Unknown names stay as written.
 */
export function renderCannedReply(
  body: string,
  values: Readonly<Record<CannedReplyVariable, string | null>>,
  missing = "—",
): string {
  return body.replace(placeholder, (whole, name: string) =>
    (cannedReplyVariables as readonly string[]).includes(name)
      ? (values[name as CannedReplyVariable] ?? missing)
      : whole,
  );
}
