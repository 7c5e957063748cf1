// The outcome a case gets from its departments' answers (closeCaseWhenAnswered): one line per
// answered referral, the department, what it did and its contact person. Stored on the case in
// the primary language (zh-CN, for the timeline), rendered again in each citizen's language.

/** One accepted, rated answer of a department, as the outcome shows it. */
export interface ReferralAnswerLine {
  department: { nameZh: string; nameEn: string };
  answer: string;
  contactPerson: string | null;
}

/** How a line reads in one language: the department's name, and the words around the answer. */
export interface ReferralOutcomeWords {
  name: (department: ReferralAnswerLine["department"]) => string;
  line: (department: string, answer: string) => string;
  contact: (contactPerson: string) => string;
}

/** The words of the stored outcome (zh-CN, as the locale's referral-outcome-* keys read). */
export const storedOutcomeWords: ReferralOutcomeWords = {
  name: (department) => department.nameZh,
  line: (department, answer) => `${department}:${answer}`,
  contact: (contactPerson) => `(${contactPerson})`,
};

/** The outcome text: one line per answer, in the order given, joined by newlines. */
export function referralOutcome(lines: readonly ReferralAnswerLine[], words: ReferralOutcomeWords): string {
  return lines
    .map(
      (l) =>
        `${words.line(words.name(l.department), l.answer)}${l.contactPerson ? words.contact(l.contactPerson) : ""}`,
    )
    .join("\n");
}
