import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface SpecContext {
  page: Page;
  context: BrowserContext;
  baseURL: string;
  /** Passwords the server was started with. */
  adminPassword: string;
  demoPassword: string;
  /** Folder for files a spec wants to keep (downloads, screenshots). */
  artifactsDir: string;
}

export interface Spec {
  name: string;
  run: (ctx: SpecContext) => Promise<void>;
}

export function defineSpec(name: string, run: Spec['run']): Spec {
  return { name, run };
}

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries `check` until it returns true or the timeout passes, then fails with `describe()`. */
export async function eventually(
  check: () => Promise<boolean>,
  describe: () => Promise<string> | string,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ok = await check().catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new AssertionError(await describe());
    await sleep(100);
  }
}

export async function expectCount(locator: Locator, expected: number, timeout?: number): Promise<void> {
  let last = -1;
  await eventually(
    async () => (last = await locator.count()) === expected,
    () => `expected ${expected} elements for ${String(locator)}, found ${last}`,
    timeout,
  );
}

export async function expectAtLeast(locator: Locator, min: number, timeout?: number): Promise<void> {
  let last = -1;
  await eventually(
    async () => (last = await locator.count()) >= min,
    () => `expected at least ${min} elements for ${String(locator)}, found ${last}`,
    timeout,
  );
}

export async function expectText(locator: Locator, expected: string | RegExp, timeout?: number): Promise<void> {
  let last = '';
  await eventually(
    async () => {
      last = (await locator.first().innerText()).trim();
      return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
    },
    () => `expected ${String(locator)} to contain ${String(expected)}, got ${JSON.stringify(last)}`,
    timeout,
  );
}

export async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new AssertionError(`expected ${String(locator)} to be visible`);
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD. */
export function todayHcm(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD → dd/MM/yyyy as the app shows it. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export async function login(page: Page, baseURL: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expectVisible(page.getByTestId('navbar'), 15_000);
}

/** Registers an incoming document through the API with the browser's session (cookie + CSRF token); answers its id. */
export async function registerViaApi(page: Page, baseURL: string, body: Record<string, unknown>): Promise<string> {
  const me = await page.request.get(`${baseURL}/api/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post(`${baseURL}/api/incoming`, {
    data: body,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status() === 201, `registration via API answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
