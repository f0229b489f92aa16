/**
 * The browser the page tests drive: Debian's Chromium (`/usr/bin/chromium`, or PERFSEC_CHROMIUM) through
 * playwright-core, never a downloaded browser. Headless, no sandbox (CI runs as root), and no background
 * networking: the pages under test are self-contained files and must not reach the network.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Chromium is looked for. */
export const CHROMIUM = process.env.PERFSEC_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or null when they can. In CI (`CI` set) a missing browser is a
 * failure, not a skip: `.ci/run` installs it.
 */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set PERFSEC_CHROMIUM)`;
  if (process.env.CI) throw new Error(`browser tests: ${why}`);
  return why;
}

/** Chromium's flags: headless, as root, with nothing reaching out to the network on its own. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the browser (one per test file: close it in afterAll). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A page opened on a local file, with every console error, page error and network request it made. */
export interface OpenedPage {
  readonly page: Page;
  /** console messages of type error, and uncaught page errors, in order */
  readonly errors: string[];
  /** URLs of requests to anything but file: and data: (a self-contained page makes none) */
  readonly remote: string[];
}

/** Opens `file` (an absolute path) in a new page and waits for it to load. */
export async function openFile(browser: Browser, file: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const remote: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) remote.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, remote };
}
