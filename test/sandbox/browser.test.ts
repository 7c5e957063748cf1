// The whole concern loop in the sandbox's web chat, in a real browser: a citizen joins through
// a station's deep link, accepts the privacy notice, raises a concern with a photo and gets a
// case number; the deputy accepts (a toast), replies and resolves; the citizen reads the reply
// and rates 不满意; the deputy sees the case reopened. The page is driven by visible labels
// through the small helpers below, so a changed flow is a one-line change here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStartup } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/start.js";
import { launchChromium, type TestBrowser } from "../helpers/browser.js";
import { TINY_PNG } from "../helpers/images.js";

/** The bot's words and buttons this test goes by (zh-CN), in one place. */
const bot = {
  agree: "同意并继续",
  districtSet: "您的选区已设为 东门社区",
  describe: "请描述您要反映的问题",
  recordedWithPhoto: "1 个附件",
  describeDone: "描述完成",
  category: "道路交通",
  submit: "提交",
  caseNumber: /您的诉求编号是 (\d{4}-\d{5})/,
  newConcern: "本选区有新的群众诉求",
  accept: "受理",
  accepted: (caseNo: string) => `已受理 ${caseNo}`,
  reply: "回复",
  writeReply: "请输入给群众的回复",
  checkReply: "请确认发给群众的回复",
  checkOutcome: "请确认办理结果",
  send: "发送",
  replySent: "您的回复已送达群众",
  resolve: "办结",
  writeOutcome: "请输入办理结果",
  resolved: "已办结,办理结果正在发给群众",
  deputyReplied: "人大代表 王代表回复了您的诉求",
  outcome: "办理结果:",
  unsatisfied: "不满意",
  reopenedForCitizen: "已重新进入办理",
  reopenedForDeputy: "对办理结果不满意,诉求已重新进入办理",
};

const log = (page: Page) => page.getByRole("log");

/** Switches to the persona whose name the switcher shows, and waits for their chat. */
async function actAs(page: Page, name: string): Promise<void> {
  const switcher = page.getByLabel("身份", { exact: true });
  const value = await switcher.locator("option", { hasText: `${name} ·` }).getAttribute("value");
  await switcher.selectOption(value!);
  await page.getByRole("main", { name, exact: true }).waitFor();
}

/** The newest message from the bot that contains `text`, once it is on screen. */
async function botSays(page: Page, text: string | RegExp): Promise<Locator> {
  const message = log(page).locator('article[data-from="bot"]', { hasText: text }).last();
  await message.waitFor();
  return message;
}

/** Taps the newest inline button with this label. */
async function tap(page: Page, label: string): Promise<void> {
  await log(page).getByRole("button", { name: label, exact: true }).last().click();
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "输入消息…" }).fill(text);
  await page.getByRole("button", { name: "发送", exact: true }).click();
  await log(page).locator('article[data-from="me"]', { hasText: text }).last().waitFor();
}

async function sendPhoto(page: Page): Promise<void> {
  await page
    .getByLabel("照片", { exact: true })
    .setInputFiles({ name: "路灯.png", mimeType: "image/png", buffer: TINY_PNG });
  await log(page).locator('article[data-from="me"] img').last().waitFor();
}

/** The deputy's reply to the citizen, shown back for a check before it is sent. */
async function deputyReplies(page: Page, text: string): Promise<void> {
  await tap(page, bot.reply);
  await botSays(page, bot.writeReply);
  await say(page, text);
  await botSays(page, bot.checkReply);
  await tap(page, bot.send);
  await botSays(page, bot.replySent);
}

async function deputyResolves(page: Page, outcome: string): Promise<void> {
  await tap(page, bot.resolve);
  await botSays(page, bot.writeOutcome);
  await say(page, outcome);
  await botSays(page, bot.checkOutcome);
  await tap(page, bot.send);
  await botSays(page, bot.resolved);
}

describe("the sandbox's web chat in Chromium", () => {
  let dataDir: string;
  let sandbox: Sandbox;
  let chromium: TestBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "liaison-sandbox-e2e-"));
    const startup = parseStartup({ SANDBOX_DATA_DIR: dataDir, SANDBOX_PORT: "0", LOG_LEVEL: "silent" });
    if (startup.mode !== "sandbox") throw new Error("expected the sandbox");
    [sandbox, chromium] = await Promise.all([
      startSandbox(startup, createLogger("silent")),
      launchChromium(),
    ]);
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(sandbox.url);
  });
  afterAll(async () => {
    await chromium?.close();
    await sandbox?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("goes through the concern loop from a station's deep link to a reopened case", async () => {
    await actAs(page, "张三");
    await page.getByRole("link", { name: "东门社区" }).click();
    await botSays(page, "跨境提示");
    await tap(page, bot.agree);
    await botSays(page, bot.districtSet);

    await say(page, "/new");
    await botSays(page, bot.describe);
    await say(page, "东门社区3号楼前的路灯坏了一个星期,晚上很黑。");
    await sendPhoto(page);
    const draft = await botSays(page, bot.recordedWithPhoto);
    const draftId = await draft.getAttribute("data-message-id");
    await tap(page, bot.describeDone);
    await tap(page, bot.category);
    await tap(page, bot.submit);
    const receipt = await botSays(page, bot.caseNumber);
    const caseNo = bot.caseNumber.exec((await receipt.textContent()) ?? "")![1]!;

    // The draft was edited into the receipt: the same message, replaced in place.
    expect(await receipt.getAttribute("data-message-id")).toBe(draftId);
    expect(await log(page).locator(`article[data-message-id="${draftId}"]`).count()).toBe(1);
    expect(await receipt.textContent()).not.toContain(bot.recordedWithPhoto);
    await receipt.getByText("已编辑").waitFor();

    await actAs(page, "王代表");
    await botSays(page, new RegExp(`${bot.newConcern}[\\s\\S]*${caseNo}`));
    await tap(page, bot.accept);
    await page
      .getByRole("status")
      .filter({ hasText: bot.accepted(caseNo) })
      .waitFor();
    await deputyReplies(page, "已联系街道办,明天派人维修。");
    await deputyResolves(page, "路灯已修复。");

    await actAs(page, "张三");
    const reply = await botSays(page, bot.deputyReplied);
    expect(await reply.textContent()).toContain("已联系街道办,明天派人维修。");
    await botSays(page, `${bot.outcome}路灯已修复。`);
    await tap(page, bot.unsatisfied);
    await botSays(page, bot.reopenedForCitizen);

    await actAs(page, "王代表");
    await botSays(page, new RegExp(`${caseNo}[\\s\\S]*${bot.reopenedForDeputy}`));
    expect(pageErrors).toEqual([]);
  });

  it("fits a phone's screen: switcher, chat and message box without sideways scrolling", async () => {
    const phone = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
    phone.setDefaultTimeout(15_000);
    await phone.goto(sandbox.url);
    await actAs(phone, "王代表");

    // Measured against the width left beside the vertical scroll bar, not the window's.
    const [scrollWidth, clientWidth] = await phone
      .locator("html")
      .evaluate((root) => [root.scrollWidth, root.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
    for (const part of [
      phone.getByLabel("身份", { exact: true }),
      phone.getByRole("textbox", { name: "输入消息…" }),
      phone.getByRole("button", { name: "发送", exact: true }),
    ]) {
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= clientWidth!).toBe(true);
    }
    // The switcher's label on one line beside it, not squeezed into a column of characters.
    const label = await phone.getByRole("banner").getByText("身份", { exact: true }).boundingBox();
    expect(label!.height).toBeLessThan(30);
    // Chinese is drawn with a Chinese font even on a machine without one (the page serves Noto Sans SC).
    const chinese = await phone.locator("html").evaluate(async (root) => {
      const fonts = root.ownerDocument.fonts;
      await fonts.ready;
      return [...fonts].filter((f) => f.family === "Sandbox Chinese").map((f) => f.status);
    });
    expect(chinese).toContain("loaded");
    await phone.close();
  });
});
