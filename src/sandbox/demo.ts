// The demo county the sandbox opens on: the example seed (districts, stations, departments,
// categories) and ready personas. Deputies and staff join the way real ones do, through a
// single-use invite link and the privacy notice, driven through the embedded Bot API.
import { join } from "node:path";
import { consentData } from "../bot/callback-data.js";
import type { Database } from "../db/client.js";
import { createInvite, type InviteRole } from "../db/queries/invites.js";
import { readSeedFile, type SeedFile, seedDirectory } from "../db/queries/seed.js";
import type { TelegramClient } from "./bot-api/client.js";
import type { BotApiState } from "./bot-api/state.js";
import type { Json } from "./bot-api/types.js";
import { packageRoot } from "./paths.js";
import { FIRST_PERSONA_ID, type Persona, type PersonaStore, telegramUserOf } from "./personas.js";

export const demoSeedPath = join(packageRoot(), "prisma", "seeds", "example-county.json");

/** The demo's personas, in this order, with ids from FIRST_PERSONA_ID: the administrator's id is known before the bot starts (ADMIN_IDS). */
const DEMO_PERSONAS: Omit<Persona, "id">[] = [
  { name: "张三", locale: "zh-CN", role: "citizen" },
  { name: "Li Mei", locale: "en", role: "citizen" },
  { name: "王代表", locale: "zh-CN", role: "representative", districtCode: "QS-CG-DM" },
  { name: "李代表", locale: "zh-CN", role: "representative", districtCode: "QS-SQ-SQ" },
  { name: "赵干事", locale: "zh-CN", role: "staff", districtCode: "QS-CG" },
  { name: "管理员", locale: "zh-CN", role: "admin" },
];

export const DEMO_ADMIN_ID = FIRST_PERSONA_ID + DEMO_PERSONAS.findIndex((p) => p.role === "admin");

/** A district of the demo county with its station deep link payload (d_<code>), for the posters on station doors. */
export interface DistrictPoster {
  code: string;
  nameZh: string;
  nameEn: string;
  startPayload: string;
}

/** Every district below the county, in the seed's order. */
export function demoPosters(seed: SeedFile = readSeedFile(demoSeedPath)): DistrictPoster[] {
  const posters: DistrictPoster[] = [];
  const walk = (districts: SeedFile["districts"], depth: number) => {
    for (const d of districts) {
      if (depth > 0)
        posters.push({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, startPayload: `d_${d.code}` });
      walk(d.children ?? [], depth + 1);
    }
  };
  walk(seed.districts, 0);
  return posters;
}

/**
 * Seeds the demo county into `db` and creates the demo personas; deputies and staff redeem
 * an invite and accept the privacy notice, the administrator accepts it. Citizens are left
 * as newcomers who have not opened the bot yet. Resolves when the bot has handled it all.
 */
export async function seedDemo(deps: {
  db: Database;
  state: BotApiState;
  client: TelegramClient;
  personas: PersonaStore;
  now: () => Date;
}): Promise<void> {
  const { db, state, client, personas, now } = deps;
  await seedDirectory(db.prisma, readSeedFile(demoSeedPath), now());
  const created = DEMO_PERSONAS.map((p) => personas.create(p));
  await Promise.all(
    created.map(async (persona) => {
      if (persona.role === "citizen") return;
      let payload = "";
      if (persona.role === "representative" || persona.role === "staff") {
        const invite = await createInvite(db.prisma, {
          role: persona.role satisfies InviteRole,
          districtCode: persona.districtCode!,
          ttlHours: 1,
          now: now(),
        });
        payload = ` inv_${invite.token}`;
      }
      await joinWithConsent(state, client, persona, `/start${payload}`);
    }),
  );
}

/** Sends `/start …` as the persona, then taps the privacy notice's consent button. */
async function joinWithConsent(state: BotApiState, client: TelegramClient, persona: Persona, start: string) {
  const user = telegramUserOf(persona);
  const started = client.send(user, { text: start });
  await state.updates.handled(started.updateId);
  const consent = consentData.pack({ answer: "yes" });
  const notice = [...(state.chats.get(user.id)?.messages.values() ?? [])].find((m) =>
    (((m.message.reply_markup as Json | undefined)?.inline_keyboard ?? []) as Json[][]).some((row) =>
      row.some((b) => b.callback_data === consent),
    ),
  );
  if (!notice) throw new Error(`the bot did not show ${persona.name} the privacy notice`);
  const pressed = client.press(user, Number(notice.message.message_id), consent);
  await state.updates.handled(pressed.updateId);
}
