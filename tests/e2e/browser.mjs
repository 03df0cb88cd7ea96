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
