// Case numbers quoted to citizens (受理编号): the year in the station's time zone and a
// per-year sequence, e.g. "2026-00042". Short enough to read out on the phone.

export function caseYear(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now);
}

export function formatCaseNumber(year: string, sequence: number): string {
  return `${year}-${String(sequence).padStart(5, "0")}`;
}

export function dueDate(createdAt: Date, days: number): Date {
  return new Date(createdAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/**
 * The case number in what someone typed ("2026-00042", "2026-42", " 2026－00042 "), in the
 * stored form; undefined when it is not one.
 */
export function parseCaseNumber(input: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-－—–]\s*(\d{1,9})\s*$/.exec(input.normalize("NFKC"));
  if (!match) return undefined;
  const sequence = Number(match[2]);
  return sequence > 0 ? formatCaseNumber(match[1]!, sequence) : undefined;
}

/**
 * The distinct case numbers quoted in a text (a message the bot sent: "诉求 2026-00042 …"), in
 * the order they first appear. A message about one case quotes one; lists and digests quote many.
 */
export function caseNumbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\d-])(\d{4})-(\d{5,9})(?![\d-])/g))
    found.add(formatCaseNumber(match[1]!, Number(match[2])));
  return [...found];
}
