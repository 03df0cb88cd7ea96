// Renders Adaptive Cards with the official adaptivecards renderer (the version pinned in package.json)
// in headless chromium, one screenshot per card. Prints one JSON line.
//
// node tests/e2e/render-cards.mjs --input cards.json --out artifacts/cards [--timeout-ms 30000]
// cards.json: [{ "name": "welcome", "card": { ...Adaptive Card JSON... } }, ...]
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, parseArgs, writeResult } from './browser.mjs';

const args = parseArgs(process.argv.slice(2));
const timeoutMs = Number(args['timeout-ms'] ?? 30000);
const cards = JSON.parse(readFileSync(args.input, 'utf8'));
const rendererVersion = createRequire(import.meta.url)('adaptivecards/package.json').version;
const result = { ok: false, rendererVersion, cards: [] };

let session;
try {
  mkdirSync(args.out, { recursive: true });
  session = await openPage({ viewport: { width: 500, height: 800 }, timeoutMs });
  const { page } = session;
  await page.goto(pathToFileURL(join(import.meta.dirname, 'render-cards.html')).href);
  await page.waitForFunction(() => typeof window.renderCard === 'function' && typeof window.AdaptiveCards === 'object');

  for (const [index, { name, card }] of cards.entries()) {
    const rendered = await page.evaluate(([i, json]) => window.renderCard(i, json), [index, card]);
    const screenshot = join(args.out, `${name}.png`);
    await page.locator(`#card-${index}`).screenshot({ path: screenshot });
    result.cards.push({ name, ...rendered, screenshot });
  }

  result.consoleErrors = session.consoleErrors;
  result.blockedRequests = session.blocked;
  result.ok = true;
} catch (error) {
  result.error = String(error?.message ?? error).split('\n').slice(0, 6).join('\n');
} finally {
  await session?.browser.close();
  writeResult(result);
}
