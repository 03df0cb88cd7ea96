// Completes one guided flow in the Microsoft 365 Agents Playground web UI by clicking card buttons, the
// way a professional would in Teams: types the start command into the compose box, then for each step
// waits for the newest card with the step's heading, ticks its toggles, takes a screenshot and clicks the
// button. At the end it checks the final card (heading, a text it must contain). Prints one JSON line.
//
// node tests/e2e/playground-flow.mjs --url http://127.0.0.1:<port>/ --text risico
//   --steps '[{"name":"acuteDanger","heading":"Is de jongere…","toggles":[],"button":"Nee"},…]'
//   --heading "Risico-inschatting" --contains "Dit is geen gevalideerd…" [--then "Wat wil je nu doen?"]
//   --screenshot-dir artifacts/e2e/<test> [--timeout-ms 30000]
//
// Every wait is bounded by --timeout-ms and waits for a real condition (a card, a checked box); no sleeps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, openPlaygroundChat, parseArgs, writeResult } from './browser.mjs';

const args = parseArgs(process.argv.slice(2));
const timeoutMs = Number(args['timeout-ms'] ?? 30000);
const steps = JSON.parse(args.steps);
const started = Date.now();
const timings = {};
const mark = (name) => { timings[name] = Date.now() - started; };
const result = { ok: false, step: 'launch', timings, steps: [], screenshots: [] };

mkdirSync(args['screenshot-dir'], { recursive: true });

let session;
let shot = 0;

/** A full-page screenshot numbered in the order taken: 01-<name>.png, 02-… */
async function screenshot(name) {
  shot += 1;
  const path = join(args['screenshot-dir'], `${String(shot).padStart(2, '0')}-${name}.png`);
  await session.page.screenshot({ path });
  result.screenshots.push(path);
}

/**
 * The newest rendered card whose TextBlocks include <heading>. Cards of earlier steps stay in the chat
 * (and keep their buttons), so acting on the newest one is acting on the card the bot just sent.
 */
function newestCard(page, heading) {
  return page.locator('.ac-adaptiveCard')
    .filter({ has: page.locator('.ac-textBlock', { hasText: heading }) })
    .last();
}

/** Waits for the newest card with <heading> and brings it into view (into the screenshot). */
async function waitForCard(page, heading) {
  const card = newestCard(page, heading);
  await card.locator('.ac-textBlock', { hasText: heading }).first().waitFor({ state: 'visible' });
  // Not scrollIntoViewIfNeeded: it waits for the element to be "stable", which the chat's animations
  // (their worklet is blocked with the CDN) can keep from happening.
  await card.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  return card;
}

try {
  session = await openPage({ timeoutMs });
  const { page } = session;
  mark('launched');

  result.step = 'open';
  const { installationStatus, compose } = await openPlaygroundChat(page, args.url);
  result.installationStatus = installationStatus;
  mark('ready');

  result.step = 'send';
  await compose.click();
  await page.keyboard.type(args.text);
  await page.keyboard.press('Enter');
  mark('sent');

  for (const step of steps) {
    result.step = `${step.name}: card`;
    const card = await waitForCard(page, step.heading);
    const done = { name: step.name, ticked: [], button: step.button };
    mark(`${step.name}:card`);

    for (const label of step.toggles ?? []) {
      result.step = `${step.name}: tick '${label}'`;
      // Input.Toggle renders as a checkbox labelled with its title.
      const box = card.getByRole('checkbox', { name: label, exact: true });
      await box.check({ force: true });
      await box.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      if (!(await box.isChecked())) {
        throw new Error(`The toggle '${label}' is not checked after the click.`);
      }

      done.ticked.push(label);
    }

    result.step = `${step.name}: screenshot`;
    await screenshot(step.name);

    result.step = `${step.name}: click '${step.button}'`;
    // The playground renders card actions as Fluent UI buttons, not the renderer's .ac-pushButton.
    const button = card.getByRole('button', { name: step.button, exact: true });
    await button.click({ force: true });
    mark(`${step.name}:clicked`);
    result.steps.push(done);
  }

  result.step = 'final card';
  const final = await waitForCard(page, args.heading);
  const heading = final.locator('.ac-textBlock', { hasText: args.heading }).first();
  const contains = final.locator('.ac-textBlock', { hasText: args.contains }).first();
  await contains.waitFor({ state: 'visible' });
  mark('final');

  result.step = 'inspect';
  result.headingText = (await heading.innerText()).trim();
  result.headingVisible = await heading.isVisible();
  result.containsVisible = await contains.isVisible();
  result.finalTexts = (await final.locator('.ac-textBlock').allInnerTexts()).map((t) => t.trim());
  // The summary is taller than the viewport: show it from its heading (and the not-validated note).
  await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot('summary');

  if (args.then) {
    // The card the bot sends after the final one: it must follow the final card in the chat.
    result.step = 'card after the final one';
    const then = final.locator('xpath=following::*[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")]')
      .filter({ has: page.locator('.ac-textBlock', { hasText: args.then }) })
      .first();
    await then.waitFor({ state: 'visible' });
    await then.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    result.thenVisible = await then.isVisible();
    result.thenButtons = (await then.getByRole('button').allInnerTexts()).map((t) => t.trim());
    await screenshot('next-card');
  }

  result.cards = await page.locator('.ac-adaptiveCard').count();
  result.ok = true;
  result.step = 'done';
} catch (error) {
  result.error = String(error?.message ?? error).split('\n').slice(0, 6).join('\n');
  if (session) {
    try {
      await screenshot('failed');
    } catch (screenshotError) {
      result.screenshotError = String(screenshotError?.message ?? screenshotError);
    }
  }
} finally {
  if (session) {
    result.blockedRequests = session.blocked;
    result.consoleErrors = session.consoleErrors;
    await session.browser.close();
  }

  mark('closed');
  writeResult(result);
}
