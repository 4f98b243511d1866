import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';
import { startTandem, type TandemServer } from './tandem-server';

// What every browser test shares: the server and Chromium around a test file, fresh browser
// contexts, signing in, and the checks of a page (axe, sideways scrolling, screenshots).

/** The password of every demo account. */
export const PASSWORD = 'Tandem-demo-2026';
export const DESKTOP = { width: 1280, height: 900 };
/** A common phone (the passport and IPS screens are designed for it). */
export const PHONE = { width: 390, height: 844 };
/** The narrowest phone the staff screens are checked at. */
export const SMALL_PHONE = { width: 360, height: 780 };

/** Headless Chromium quietly: no sandbox (containers), GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE = require.resolve('axe-core/axe.min.js');

/** Starts the system Chromium (see global-setup.ts) headless. */
export function launchChromium(args: string[] = CHROMIUM_ARGS): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/**
 * The options of a test's browser context: Dutch, desktop size, and the CSP bypassed because axe
 * is injected as a script tag, which the app's CSP (rightly) forbids. Overrides win.
 */
export function contextOptions(overrides: BrowserContextOptions = {}): BrowserContextOptions {
  return { locale: 'nl-NL', viewport: DESKTOP, bypassCSP: true, ...overrides };
}

export interface ChromiumSuite {
  /** The running Tandem (set in beforeAll). */
  readonly server: TandemServer;
  /** The running Chromium (set in beforeAll). */
  readonly browser: Browser;
  /** A fresh browser context (own cookies) with contextOptions(), closed after all tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the beforeAll and afterAll of a browser test file: starts Tandem (fresh database with
 * the demo data) and Chromium, and afterwards closes the contexts made with newContext, Chromium
 * and the server. Call it at the top of the describe block, before hooks that use the server.
 */
export function useTandemInChromium(options: { chromiumArgs?: string[] } = {}): ChromiumSuite {
  let server: TandemServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running (yet): use it inside a test.`);
    return value;
  };
  // What went wrong in this file's pages (server errors, failed requests, exceptions), printed
  // after the file when there was any: a failing step then comes with the server's side of it.
  const trouble: string[] = [];
  const note = (text: string) => trouble.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
  // API requests in flight, to report any that took (or are still taking) more than 5 s.
  const pending = new Map<Request, number>();
  const requestName = (request: Request) =>
    `${request.method()} ${new URL(request.url()).pathname}`;
  const done = (request: Request) => {
    const sent = pending.get(request);
    pending.delete(request);
    if (sent !== undefined && Date.now() - sent > 5000)
      note(`${requestName(request)} took ${Date.now() - sent} ms`);
  };
  const watch = (page: Page) => {
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) pending.set(request, Date.now());
    });
    page.on('requestfinished', done);
    page.on('requestfailed', (request) => {
      done(request);
      const reason = request.failure()?.errorText ?? '';
      if (!reason.includes('ERR_ABORTED')) note(`${requestName(request)} failed: ${reason}`);
    });
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      // Every refused or failed API call (a page restoring its session without one gets 401).
      if (
        response.status() >= 400 &&
        !(path === '/api/v1/auth/refresh' && response.status() === 401)
      )
        note(
          `${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()}`,
        );
    });
  };
  const suite: ChromiumSuite = {
    get server() {
      return started(server, 'Tandem');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async newContext(overrides) {
      const context = await suite.browser.newContext(contextOptions(overrides));
      context.on('page', watch);
      contexts.push(context);
      return context;
    },
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTandem();
    browser = await launchChromium(options.chromiumArgs);
  }, 120_000);

  afterAll(async () => {
    for (const [request, sent] of pending)
      if (Date.now() - sent > 5000)
        note(`${requestName(request)}: no answer after ${Date.now() - sent} ms`);
    const serverProblems = (server?.output() ?? '')
      .split('\n')
      .filter((line) => /"level":"(warn|error)"/.test(line));
    if (trouble.length || serverProblems.length)
      console.warn(
        `[e2e] problems seen in this file's browsers and server:\n${[...trouble, ...serverProblems]
          .slice(-60)
          .join('\n')}`,
      );
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  }, 60_000);

  return suite;
}

/**
 * Collects console errors and page errors (CSP violations, failed requests, exceptions) of a page,
 * into `into` when given (one list for several pages), each prefixed with `label` when given.
 * Console errors matching `ignore` (expected failed requests) are left out.
 */
export function collectErrors(
  page: Page,
  options: { into?: string[]; label?: string; ignore?: RegExp } = {},
): string[] {
  const errors = options.into ?? [];
  const prefix = options.label ? `${options.label} ` : '';
  page.on('console', (message) => {
    if (message.type() === 'error' && !options.ignore?.test(message.text()))
      errors.push(`${prefix}console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${prefix}pageerror: ${error.message}`));
  return errors;
}

/** Fills in the sign-in form (staff or client) on the current page and submits it. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Signs a staff member in through the staff sign-in at the start page and waits until the app has
 * moved on; by default to any page but the sign-in, or to `landing` (for example '**\/caseload').
 */
export async function signInAsStaff(
  page: Page,
  serverUrl: string,
  email: string,
  landing: string | RegExp | ((url: URL) => boolean) = (url) =>
    url.pathname !== '/sign-in' && url.pathname !== '/',
): Promise<void> {
  await page.goto(serverUrl);
  await submitSignIn(page, email);
  await page.waitForURL(landing);
}

/**
 * A page in a fresh browser context of the suite (own cookies; contextOptions() with `options`),
 * signed in as a staff member; its errors go into `errors`, labelled with the e-mail address.
 */
export async function signedInStaffPage(
  tandem: ChromiumSuite,
  email: string,
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await tandem.newContext(options)).newPage();
  collectErrors(page, { into: errors, label: email });
  await signInAsStaff(page, tandem.server.url, email);
  return page;
}

/**
 * Signs a client in through the passport: opening `passportPath` without a session sends her to
 * the client sign-in, and after it to that page (or her team).
 */
export async function signInAsClient(
  page: Page,
  serverUrl: string,
  email: string,
  passportPath = 'passport/team',
): Promise<void> {
  await page.goto(`${serverUrl}${passportPath}`);
  await page.waitForURL(/\/passport\/sign-in/);
  await submitSignIn(page, email);
  await page.waitForURL(/\/passport\/(consents|team)/);
}

/** Signs in to the API as a demo user, as the product's own client does; returns the access token. */
export async function apiToken(serverUrl: string, email: string): Promise<string> {
  const login = await fetch(new URL('/api/v1/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Parsed JSON of an API answer: the tests read into it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** One API call with a token; the body is parsed JSON, or null when there is none. */
export async function apiRequest(
  serverUrl: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(new URL(`/api/v1${route}`, serverUrl), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

export interface AxeOptions {
  /** Only the part of the page matching this selector (default: the whole page). */
  include?: string;
  /** Only serious and critical violations count (default: every violation counts). */
  seriousOnly?: boolean;
}

/** Runs axe-core in the page (it needs the CSP bypass); returns the violations, readable. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  // Contrast is judged on what the user ends up seeing: let running transitions (e.g. a table
  // fading back in after loading) finish first, or axe measures a half-faded colour.
  await page.waitForFunction(
    () =>
      document.getAnimations().every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity, // spinners never end
      ),
    undefined,
    { timeout: 5_000 },
  );
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate((include) => {
    const axe = (window as unknown as { axe: { run(context?: string): Promise<AxeResults> } }).axe;
    return include ? axe.run(include) : axe.run();
  }, options.include ?? null);
  return results.violations
    .filter((v) => !options.seriousOnly || v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  expect(await axeViolations(page, options)).toEqual([]);
}

/**
 * Whether the page scrolls sideways (it must not, least of all on a phone): empty when it does
 * not; when it does, the width and the elements that stick out (outside sideways-scrolling boxes
 * such as wide tables) are named.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return [];
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
        }
        return true;
      })
      .slice(-8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
    return [`page is ${scroll} px wide in a ${width} px viewport`, ...culprits];
  });
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toEqual([]);
}

/** Saves a screenshot under tmp/e2e (kept by CI as an artefact); the whole page unless told. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: options.fullPage ?? true });
}

/** Waits until no loading spinner is left in a status region. */
export async function spinnersGone(page: Page): Promise<void> {
  await page.locator('[role="status"] .t-spinner').first().waitFor({ state: 'detached' });
}

/** The full check of a page: no axe violations at all, no sideways scrolling, a screenshot. */
export async function checkPage(page: Page, screenshotName: string): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await screenshot(page, screenshotName);
}

/**
 * Searches the caseload in a client search ("Zoek een cliënt van het team") the way a user does,
 * once the page has finished loading, and waits for the API's answer. When the search does not
 * come back with the client, the error says what happened (no request, no answer, a refusal, no
 * match) and what the page showed, instead of a bare timeout on the next click. A click that sent
 * no request at all is reported as a warning and tried once more, as a user would click again
 * (seen once in CI, not reproduced since; the warning keeps it visible).
 */
export async function searchTeamClient(
  page: Page,
  query: string,
  expectName: string,
  label = 'Zoek een cliënt van het team',
) {
  await spinnersGone(page);
  const field = page.getByLabel(label);
  const isSearch = (r: Request) =>
    new URL(r.url()).pathname === '/api/v1/caseload' && r.method() === 'GET';
  const search = async () => {
    await field.fill(query);
    const sent = page.waitForRequest(isSearch, { timeout: 10_000 }).catch(() => null);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    return sent;
  };
  let request = await search();
  if (!request) {
    console.warn(
      `[e2e] clicking "Zoeken" sent no caseload search (the field held "${await field.inputValue()}"); clicking again`,
    );
    request = await search();
  }
  const response = request
    ? await Promise.race([request.response(), sleep(20_000).then(() => undefined)])
    : undefined;
  const problem = !request
    ? `no caseload search was sent, twice (the field held "${await field.inputValue()}")`
    : response === undefined
      ? 'the caseload search got no answer within 20 s'
      : !response
        ? `the caseload search failed: ${request.failure()?.errorText ?? 'no response'}`
        : response.status() !== 200
          ? `the caseload search answered ${response.status()}: ${await response.text()}`
          : !(await response.text()).includes(expectName)
            ? `the caseload search did not find ${expectName}`
            : null;
  if (problem) {
    await screenshot(page, 'failed-client-search.png');
    const shown = await page.getByRole('main').innerText();
    throw new Error(`Searching "${query}": ${problem}. The page showed:\n${shown}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for `locator`; when it does not appear, the error also says what `around` showed. */
export async function waitForIn(locator: Locator, around: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (error) {
    const shown = await around.innerText({ timeout: 2000 }).catch(() => '(not on the page)');
    throw new Error(`${(error as Error).message}\nWhat was there instead:\n${shown}`);
  }
}
