// The suite-wide proof that no internal note reaches a citizen (issue 8): when a test app
// stops, every Bot API call it recorded that delivered something to a citizen's chat — the
// case's filer or co-signer, or anyone whose role is citizen — is searched for the text of
// every internal note written in that database. So is every department contact's chat, for
// each note not written on a referral of one of their departments: a department reads the
// notes of its own referral only. A test app that finds one fails its suite.
import type { Database } from "../../src/db/client.js";
import type { FakeBotApi, RecordedCall } from "./fake-bot-api.js";

/** Notes shorter than this are not searched for (two characters are found everywhere). */
const MIN_NOTE_LENGTH = 4;

export interface NoteLeak {
  concernId: number;
  note: string;
  chatId: string;
  method: string;
}

function textsOf(call: RecordedCall): string[] {
  const { text, caption } = call.payload as { text?: unknown; caption?: unknown };
  return [text, caption].filter((t): t is string => typeof t === "string");
}

/**
 * Every delivery of an internal note's text to a citizen's chat, or to a department contact whose
 * department the note's referral is not, among `calls` (default: all
 * that the fake recorded as delivered). Empty when none: what the suite asserts.
 */
export async function findNoteLeaks(db: Database, fake: FakeBotApi, calls = fake.sent): Promise<NoteLeak[]> {
  const prisma = db.prisma;
  const notes = await prisma.concernEvent.findMany({
    where: { internal: true },
    select: {
      concernId: true,
      text: true,
      referralId: true,
      concern: { select: { citizenId: true, parties: true } },
    },
  });
  const searched = notes.filter((n) => [...(n.text ?? "").trim()].length >= MIN_NOTE_LENGTH);
  if (searched.length === 0) return [];
  const [users, contacts, referrals] = await Promise.all([
    prisma.user.findMany({ select: { id: true, telegramId: true, role: true } }),
    prisma.departmentContact.findMany({ select: { userId: true, departmentId: true } }),
    prisma.referral.findMany({ select: { id: true, departmentId: true } }),
  ]);
  const chatOf = new Map(users.map((u) => [u.id, String(u.telegramId)]));
  const citizenChats = new Set(users.filter((u) => u.role === "citizen").map((u) => String(u.telegramId)));
  const departmentOf = new Map(referrals.map((r) => [r.id, r.departmentId]));
  const leaks: NoteLeak[] = [];
  for (const note of searched) {
    const chats = new Set(citizenChats);
    for (const id of [note.concern.citizenId, ...note.concern.parties.map((p) => p.userId)]) {
      const chat = chatOf.get(id);
      if (chat) chats.add(chat);
    }
    // Every department contact's chat, but those of the note's own referral's department.
    const own = note.referralId === null ? undefined : departmentOf.get(note.referralId);
    const ownContacts = new Set(contacts.filter((c) => c.departmentId === own).map((c) => c.userId));
    for (const contact of contacts) {
      const chat = chatOf.get(contact.userId);
      if (chat && !ownContacts.has(contact.userId)) chats.add(chat);
    }
    const text = note.text!.trim();
    for (const call of calls) {
      const chatId = String(call.payload.chat_id ?? "");
      if (chats.has(chatId) && textsOf(call).some((t) => t.includes(text)))
        leaks.push({ concernId: note.concernId, note: text, chatId, method: call.method });
    }
  }
  return leaks;
}
