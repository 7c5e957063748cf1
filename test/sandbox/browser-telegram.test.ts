// What Telegram shows and lets a user do, in the sandbox's web chat, in a real browser: the
// bot's formatting and spoilers, URL buttons and deep links, reply keyboards and their
// removal, voice notes and documents, the command menu in the persona's language, alerts,
// a persona created in one click who opens an invite link, errors on the page, the "blocked
// the bot" and flood-limit switches, and resetting the demo. Where the bot itself never
// sends something (a reply keyboard, a voice note), the test sends it through the embedded
// Bot API as the bot would; everything else is the real bot answering. One sandbox and one
// Chromium for the whole file; the page is in English, driven by its visible labels.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, GrammyError, InputFile } from "grammy";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStartup } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/start.js";
import { TELEGRAM_RATE_LIMITS } from "../../src/sandbox/web-chat.js";
import { launchChromium, type TestBrowser } from "../helpers/browser.js";

const LI_MEI = 100_002;
const BOT = "liaison_sandbox_bot";

describe("Telegram's features in the sandbox's web chat (Chromium)", () => {
  let dataDir: string;
  let sandbox: Sandbox;
  let chromium: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  /** The bot's side of the embedded Bot API, for what the bot itself never sends. */
  let asBot: Api;
  const pageErrors: string[] = [];

  const log = () => page.getByRole("log");
  const composer = () => page.getByRole("textbox", { name: "Message…" });

  async function actAs(name: string): Promise<void> {
    const switcher = page.getByLabel("Persona", { exact: true });
    const value = await switcher.locator("option", { hasText: `${name} ·` }).getAttribute("value");
    await switcher.selectOption(value!);
    await page.getByRole("main", { name, exact: true }).waitFor();
  }

  async function botSays(text: string | RegExp): Promise<Locator> {
    const message = log().locator('article[data-from="bot"]', { hasText: text }).last();
    await message.waitFor();
    return message;
  }

  async function iSaid(text: string | RegExp): Promise<Locator> {
    const message = log().locator('article[data-from="me"]', { hasText: text }).last();
    await message.waitFor();
    return message;
  }

  async function say(text: string): Promise<void> {
    await composer().fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await iSaid(text);
  }

  /** Opens a section of the side panel (they start folded, but for the QR codes). */
  async function openSection(name: string): Promise<void> {
    const section = page.locator("details", { has: page.locator("summary", { hasText: name }) });
    if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "liaison-sandbox-telegram-"));
    const startup = parseStartup({ SANDBOX_DATA_DIR: dataDir, SANDBOX_PORT: "0", LOG_LEVEL: "silent" });
    if (startup.mode !== "sandbox") throw new Error("expected the sandbox");
    [sandbox, chromium] = await Promise.all([
      startSandbox(startup, createLogger("silent"), { limits: { photoBytes: 4096, fileBytes: 8192 } }),
      launchChromium(),
    ]);
    asBot = new Api(sandbox.api.token, { apiRoot: sandbox.api.apiRoot });
    context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript('localStorage.setItem("sandbox-locale", "en")');
    // URL buttons open outside sites in a new tab; there is no network here, so one answers locally.
    await context.route("https://example.org/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/plain", body: "outside" }),
    );
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(sandbox.url);
    await actAs("Li Mei");
    await say("/start");
    await page.getByRole("button", { name: "Agree and continue", exact: true }).click();
    await botSays("Please choose your district");
  });
  afterAll(async () => {
    await chromium?.close();
    await sandbox?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("renders the bot's formatting, reveals a spoiler when tapped, and opens URL buttons and deep links", async () => {
    await asBot.sendMessage(
      LI_MEI,
      `<b>Bold</b> <i>italic</i> <code>code</code> <a href="https://example.org/about">a site</a> ` +
        `<tg-spoiler>the secret</tg-spoiler>\nThe QR code of Shiqiao: https://t.me/${BOT}?start=d_QS-SQ-SQ`,
      {
        parse_mode: "HTML",
        reply_markup: {
          inline_keyboard: [
            [
              { text: "Open the site", url: "https://example.org/page" },
              { text: "Dongmen's QR code", url: `https://t.me/${BOT}?start=d_QS-CG-DM` },
            ],
          ],
        },
      },
    );
    const message = await botSays("the secret");
    expect(await message.locator("b").textContent()).toBe("Bold");
    expect(await message.locator("i").textContent()).toBe("italic");
    expect(await message.locator("code").textContent()).toBe("code");

    const spoiler = message.locator("tg-spoiler");
    const color = () =>
      spoiler.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).color);
    expect(await color()).toBe("rgba(0, 0, 0, 0)");
    await spoiler.click();
    // Revealed by the tap itself, not by a mouse hovering over it (phones have none).
    await page.mouse.move(0, 0);
    expect(await color()).not.toBe("rgba(0, 0, 0, 0)");

    const [tab] = await Promise.all([
      context.waitForEvent("page"),
      message.getByRole("button", { name: "Open the site ↗" }).click(),
    ]);
    await tab.waitForURL("https://example.org/page");
    await tab.close();

    await message.getByRole("button", { name: "Dongmen's QR code ↗" }).click();
    await iSaid("/start d_QS-CG-DM");
    await botSays("Your district is now Dongmen Community");

    await message.getByRole("link", { name: `https://t.me/${BOT}?start=d_QS-SQ-SQ` }).click();
    await iSaid("/start d_QS-SQ-SQ");
    await botSays("Your district is now Shiqiao Village");
  });

  it("shows a reply keyboard until the bot removes it; a location is sent typed or from the device", async () => {
    await asBot.sendMessage(LI_MEI, "Where is the problem?", {
      reply_markup: {
        keyboard: [[{ text: "Share my location", request_location: true }], [{ text: "Not now" }]],
        resize_keyboard: true,
      },
    });
    const keyboard = page.locator(".reply-keyboard");
    await keyboard.getByRole("button", { name: "Share my location" }).click();
    await page.getByLabel("Latitude").fill("30.27");
    await page.getByLabel("Longitude").fill("120.15");
    await page.getByRole("button", { name: "Send location", exact: true }).click();
    await iSaid("30.27000, 120.15000");
    const sent = [...(sandbox.api.state.chats.get(LI_MEI)?.messages.values() ?? [])].filter(
      (m) => !m.fromBot,
    );
    expect(sent.at(-1)?.message.location).toEqual({ latitude: 30.27, longitude: 120.15 });
    // Outside a concern, the bot says it cannot use a location: it received one.
    await botSays("This kind of message is not supported yet");

    // A point picked by this device's location, as a phone's Telegram app shares it.
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 30.2468, longitude: 120.1712 });
    await page.getByRole("button", { name: "Location", exact: true }).click();
    await page.getByRole("button", { name: "Use this device's location" }).click();
    await expect.poll(() => page.getByLabel("Latitude").inputValue()).toBe("30.2468");
    await page.getByRole("button", { name: "Send location", exact: true }).click();
    await iSaid("30.24680, 120.17120");

    await keyboard.getByRole("button", { name: "Not now" }).click();
    await iSaid("Not now");
    expect(await keyboard.count()).toBe(1);
    await asBot.sendMessage(LI_MEI, "Keyboard gone", { reply_markup: { remove_keyboard: true } });
    await botSays("Keyboard gone");
    await keyboard.waitFor({ state: "detached" });
  });

  it("plays a voice note and downloads a document the bot sends", async () => {
    const voice = Buffer.from("OggS a voice note");
    const report = Buffer.from("Minutes of the reception day\n");
    await asBot.sendVoice(LI_MEI, new InputFile(voice, "note.ogg"));
    await asBot.sendDocument(LI_MEI, new InputFile(report, "minutes.txt"), { caption: "The minutes" });

    const audio = log().locator('article[data-from="bot"] audio').last();
    await audio.waitFor({ state: "attached" });
    const played = await audio.evaluate(async (element) => {
      const response = await fetch((element as unknown as { src: string }).src);
      return Array.from(new Uint8Array(await response.arrayBuffer()));
    });
    expect(Buffer.from(played)).toEqual(voice);

    const document = await botSays("The minutes");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      document.getByRole("link", { name: /minutes\.txt/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("minutes.txt");
    expect(readFileSync(await download.path())).toEqual(report);
  });

  it("shows the command menu in the persona's language, and the alert the bot answers a stale button with", async () => {
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await page.getByRole("menuitem", { name: "/help" }).waitFor();
    // A citizen's menu has the citizens' commands only.
    expect(await page.getByRole("menuitem", { name: "/inbox" }).count()).toBe(0);
    await page.getByRole("menuitem", { name: "/help" }).click();
    await iSaid("/help");
    await botSays("/new");

    await actAs("张三");
    await say("/start");
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await page.getByRole("menuitem", { name: "/new 反映问题" }).waitFor();
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await actAs("Li Mei");

    await asBot.sendMessage(LI_MEI, "An old menu", {
      reply_markup: { inline_keyboard: [[{ text: "Old button", callback_data: "from-an-old-version" }]] },
    });
    await (await botSays("An old menu")).getByRole("button", { name: "Old button" }).click();
    const alert = page.getByRole("alertdialog");
    await alert.getByText("This button has expired").waitFor();
    await alert.getByRole("button", { name: "OK" }).click();
    await alert.waitFor({ state: "detached" });
  });

  it("creates a persona in one click, who opens the administrator's invite link and becomes a deputy", async () => {
    await actAs("管理员");
    await say("/invite representative QS-SQ-LJ");
    const invite = await botSays(`https://t.me/${BOT}?start=inv_`);
    const link = (await invite.getByRole("link").getAttribute("href"))!;

    await openSection("Persona");
    const form = page.getByRole("group", { name: "New persona" });
    await form.getByLabel("Name", { exact: true }).fill("Chen Jing");
    await form.getByRole("combobox").selectOption("en");
    await form.getByRole("button", { name: "Create", exact: true }).click();
    await page.getByRole("main", { name: "Chen Jing", exact: true }).waitFor();

    await page.getByRole("textbox", { name: "Open link" }).fill("https://example.org/not-a-bot");
    await page.getByRole("button", { name: "Open link", exact: true }).click();
    await page.getByRole("alert").getByText("That is not a link to this bot").waitFor();

    await page.getByRole("textbox", { name: "Open link" }).fill(link);
    await page.getByRole("button", { name: "Open link", exact: true }).click();
    await iSaid(/^\/start inv_/);
    await botSays("You are now registered as a people's congress deputy for Liujia Village");
    await page.getByRole("button", { name: "Agree and continue", exact: true }).click();
    await botSays("You can start handling cases now");
    // Now a deputy: their menu has the deputies' commands too, in their language.
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await page.getByRole("menuitem", { name: "/inbox Open cases (deputies)" }).waitFor();
    await page.getByRole("button", { name: "☰ Menu" }).click();

    const persona = sandbox.api.state.chats.all().find((c) => c.user?.first_name === "Chen Jing")!;
    const user = await sandbox
      .bot()
      .app.db.prisma.user.findUnique({ where: { telegramId: BigInt(Number(persona.chat.id)) } });
    expect(user?.role).toBe("representative");
  });

  it("says on the page what is wrong with an upload, and the bot goes on answering", async () => {
    await actAs("Li Mei");
    await page
      .getByLabel("Photo", { exact: true })
      .setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not an image") });
    await page.getByRole("alert").getByText("This file is not an image").waitFor();

    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "big.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.alloc(9000, 1),
    });
    await page.getByRole("alert").getByText("The file is over the 0.01 MB limit").waitFor();

    await say("/privacy");
    await botSays("Your rights");
  });

  it("blocks the bot from a switch: the bot's messages then fail with 403 until it is unblocked", async () => {
    await openSection("Persona");
    await page.getByLabel("Block the bot").check();
    await page.getByText("You have blocked this bot").waitFor();
    await expect.poll(() => sandbox.api.state.chats.get(LI_MEI)?.blocked).toBe(true);
    expect(await composer().count()).toBe(0);

    const refused = await asBot.sendMessage(LI_MEI, "Are you there?").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).error_code).toBe(403);
    expect((refused as GrammyError).description).toBe("Forbidden: bot was blocked by the user");

    await page.getByRole("button", { name: "Unblock", exact: true }).click();
    await composer().waitFor();
    await expect.poll(() => sandbox.api.state.chats.get(LI_MEI)?.blocked).toBe(false);
    await asBot.sendMessage(LI_MEI, "Welcome back");
    await botSays("Welcome back");
  });

  it("turns Telegram's flood limits on from the settings: a burst to one chat gets 429 with retry_after", async () => {
    await openSection("Settings");
    const floodLimits = page.getByLabel("Telegram's flood limits");
    await floodLimits.check();
    await expect.poll(() => sandbox.api.rateLimit).toEqual(TELEGRAM_RATE_LIMITS);

    const burst = await Promise.allSettled([1, 2, 3].map((n) => asBot.sendMessage(LI_MEI, `burst ${n}`)));
    const limited = burst.flatMap((r) => (r.status === "rejected" ? [r.reason as GrammyError] : []));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.error_code).toBe(429);
    expect(limited[0]?.parameters.retry_after).toBeGreaterThanOrEqual(1);

    await floodLimits.uncheck();
    await expect.poll(() => sandbox.api.rateLimit).toBeUndefined();
  });

  it("resets the demo: the chats are empty and the persona made here is gone", async () => {
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset demo", exact: true }).click();
    await page.getByText("No messages yet").waitFor();
    const options = page.getByLabel("Persona", { exact: true }).locator("option");
    await expect.poll(() => options.count()).toBe(6);
    expect(await options.filter({ hasText: "Chen Jing" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
