// Opens the Microsoft 365 Agents Playground web UI, sends a message through its compose box and checks
// that the bot's reply renders as an Adaptive Card (the UI's own renderer). Prints one JSON line.
//
// node tests/e2e/playground-ui.mjs --url http://127.0.0.1:<port>/ --text help
//   --heading "Welkom bij GuidanceBot" --screenshot artifacts/e2e/playground-ui.png [--timeout-ms 30000]
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openPage, openPlaygroundChat, parseArgs, writeResult } from './browser.mjs';

const args = parseArgs(process.argv.slice(2));
const timeoutMs = Number(args['timeout-ms'] ?? 30000);
const started = Date.now();
const timings = {};
const mark = (name) => { timings[name] = Date.now() - started; };
const result = { ok: false, step: 'launch', timings };

// Card classes come from the adaptivecards renderer inside the playground UI.
const cardClass = "contains(concat(' ', normalize-space(@class), ' '), ' ac-adaptiveCard ')";
const xpathLiteral = (text) => (text.includes("'") ? `concat('${text.split("'").join(`', "'", '`)}')` : `'${text}'`);

let session;
try {
  session = await openPage({ timeoutMs });
  const { page } = session;
  mark('launched');

  result.step = 'open';
  const { installationStatus, compose } = await openPlaygroundChat(page, args.url);
  result.installationStatus = installationStatus;
  result.cardsBeforeMessage = await page.locator('.ac-adaptiveCard').count();
  mark('ready');

  result.step = 'send';
  await compose.click();
  await page.keyboard.type(args.text);
  await page.keyboard.press('Enter');
  // The user's bubble: the first span with the text after the installation's card, outside any card and
  // outside the compose box (which may still hold the text for a moment after Enter).
  const bubble = `(//*[${cardClass}])[1]/following::span[normalize-space(.)=${xpathLiteral(args.text)}]`
    + `[not(ancestor::*[${cardClass}])][not(ancestor::*[@contenteditable])][1]`;
  await page.locator(`xpath=${bubble}`).waitFor({ state: 'visible' });
  mark('sent');

  result.step = 'reply';
  const card = page.locator(`xpath=${bubble}/following::*[${cardClass}][1]`);
  await card.waitFor({ state: 'visible' });
  const heading = card.locator('.ac-textBlock', { hasText: args.heading }).first();
  await heading.waitFor({ state: 'visible' });
  // Not scrollIntoViewIfNeeded: it waits for the element to be "stable", which the chat's animations
  // (their worklet is blocked with the CDN) can keep from happening.
  await card.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  mark('rendered');

  result.step = 'inspect';
  result.headingVisible = await heading.isVisible();
  result.headingText = (await heading.innerText()).trim();
  result.containers = await card.locator('.ac-container').count();
  result.textBlocks = await card.locator('.ac-textBlock').count();
  // The playground renders card actions as Fluent UI buttons, not the renderer's .ac-pushButton.
  result.buttons = (await card.getByRole('button').allInnerTexts()).map((t) => t.trim());
  result.cardsAfterReply = await page.locator('.ac-adaptiveCard').count();
  result.ok = true;
  result.step = 'done';
} catch (error) {
  result.error = String(error?.message ?? error).split('\n').slice(0, 6).join('\n');
} finally {
  if (session) {
    try {
      mkdirSync(dirname(args.screenshot), { recursive: true });
      await session.page.screenshot({ path: args.screenshot });
      result.screenshot = args.screenshot;
    } catch (error) {
      result.screenshotError = String(error?.message ?? error);
    }

    result.blockedRequests = session.blocked;
    result.consoleErrors = session.consoleErrors;
    await session.browser.close();
  }

  mark('closed');
  writeResult(result);
}
