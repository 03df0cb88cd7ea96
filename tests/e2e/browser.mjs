// Shared by the browser scripts that the C# end-to-end tests run: headless Debian chromium with the
// flags from DEPENDENCIES.md, every non-loopback request aborted (the network is closed, and the
// playground UI tries to fetch fonts and an animation worklet from a CDN; it renders fine without).
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Launches chromium and opens a page that may reach only loopback and local files. */
export async function openPage({ viewport = { width: 1280, height: 900 }, timeoutMs = 30000 } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs, timeout: timeoutMs });
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  context.setDefaultTimeout(timeoutMs);
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'file:' || url.protocol === 'data:' || url.protocol === 'blob:'
      || loopbackHosts.has(url.hostname);
    if (local) {
      return route.continue();
    }

    blocked.push(url.origin + url.pathname);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  return { browser, page, blocked, consoleErrors };
}

/**
 * Opens the playground UI at <url> and waits until it is ready to chat: the UI installs the app in the
 * personal chat when it loads and the bot answers with its welcome card, so once that card is there,
 * any later card is a reply to what the test sends. Returns the installation's HTTP status and the
 * compose box.
 */
export async function openPlaygroundChat(page, url) {
  const installation = page.waitForResponse((r) => /\/_debug\/conversation\/[^/]+\/installation$/.test(new URL(r.url()).pathname));
  await page.goto(url);
  const installationStatus = (await installation).status();
  const compose = page.locator('[data-lexical-editor="true"]');
  await compose.waitFor({ state: 'visible' });
  await page.locator('.ac-adaptiveCard').first().waitFor({ state: 'visible' });
  return { installationStatus, compose };
}

/** Parses `--name value` pairs. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`Expected --name value pairs, got: ${argv.join(' ')}`);
    }

    args[argv[i].slice(2)] = argv[i + 1];
  }

  return args;
}

/** The one line of JSON the C# side parses: always the last line of stdout. */
export function writeResult(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
