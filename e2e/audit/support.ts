/**
 * Shared plumbing of the audit specs: which project runs what, how to open the simulated app
 * deterministically, a fetch gate that holds chosen REST requests, and waits that poll every frame.
 * The simulator itself is reached through `window.__lookoutSim` (typed by e2e/support/sim.ts).
 */
import type { Page, TestInfo } from '@playwright/test';
import { SIM_NOW, type Scenario } from '../support/sim';

export { SIM_NOW, type Scenario } from '../support/sim';

declare global {
  interface Window {
    __auditGate?: GateState;
    __auditConnection?: string[];
  }
}

export function viewportWidth(testInfo: TestInfo): number {
  return testInfo.project.use.viewport?.width ?? 1280;
}

/** Touch-sized targets are required up to and including the tablet width. */
export function isTouch(testInfo: TestInfo): boolean {
  return viewportWidth(testInfo) <= 768;
}

/** Under 768 px the sessions list is a drawer over the chat (ProjectView's `WIDE` query). */
export function isNarrow(testInfo: TestInfo): boolean {
  return viewportWidth(testInfo) < 768;
}

/**
 * Traces roughly double the time of these walks on a 2-core machine, and the audit failures name
 * what is wrong, so they are off; `AUDIT_TRACE=1 npx playwright test e2e/audit` records them (for
 * failures) when a walk itself breaks. (A file's `test.use` wins over `--trace` on the command line.)
 */
export const AUDIT_TRACE = process.env.AUDIT_TRACE ? 'retain-on-failure' : 'off';

/** Screenshot baselines: phone and desktop, each in both themes. */
export const VISUAL_PROJECTS: ReadonlySet<string> = new Set(['mobile-375-light', 'mobile-375-dark', 'desktop-1280-light', 'desktop-1280-dark']);

/** Behavioural specs (faults, hostile input): one phone and one desktop, one in each theme. */
export const BEHAVIOUR_PROJECTS: ReadonlySet<string> = new Set(['mobile-375-light', 'desktop-1280-dark']);

/** What the fetch gate holds: requests matching `match` ("METHOD /path"), `count` times. */
export interface HoldRule {
  match: string;
  count: number;
  /**
   * `request`: held before the simulator sees it (a loading state; a fault armed meanwhile applies).
   * `response`: the simulator answers at once, the answer is held (a stale page that lands late).
   */
  phase: 'request' | 'response';
}

interface GateState {
  rules: Array<HoldRule & { re: RegExp }>;
  held: Array<{ target: string; release: () => void }>;
  /** Held requests whose caller gave up (aborted) before they were released. */
  aborted: string[];
  /** Held answers that were handed to the app after release. */
  delivered: string[];
}

/**
 * Wraps `window.fetch` before the app starts, so a test can hold chosen REST requests (or their
 * answers) and let them go later: a loading state that stays put for a screenshot, or a stale REST
 * page that lands after a newer live event. Holds nothing until `holdRequests` is called.
 */
export async function installFetchGate(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const gate: GateState = { rules: [], held: [], aborted: [], delivered: [] };
    window.__auditGate = gate;
    const realFetch = window.fetch.bind(window);
    const abortError = () => new DOMException('The operation was aborted.', 'AbortError');
    const wait = (target: string, signal: AbortSignal | null | undefined) =>
      new Promise<void>((resolve, reject) => {
        const entry = { target, release: resolve };
        gate.held.push(entry);
        signal?.addEventListener('abort', () => {
          gate.held = gate.held.filter((e) => e !== entry);
          gate.aborted.push(target);
          reject(abortError());
        });
      });
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : null;
      const url = new URL(request ? request.url : String(input), location.href);
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const target = `${method} ${url.pathname}`;
      const signal = init?.signal ?? request?.signal;
      const rule = gate.rules.find((r) => r.count > 0 && r.re.test(target));
      if (!rule) return realFetch(input, init);
      rule.count -= 1;
      if (rule.phase === 'request') {
        await wait(target, signal);
        return realFetch(input, init);
      }
      const response = await realFetch(input, init);
      await wait(target, signal);
      gate.delivered.push(target);
      return response;
    };
  });
}

/** Like `holdRequests`, from the first request of every page load (call before `page.goto`). */
export async function holdRequestsFromStart(page: Page, rule: HoldRule): Promise<void> {
  await page.addInitScript((r) => window.__auditGate?.rules.push({ ...r, re: new RegExp(r.match) }), rule);
}

/** Holds the next `count` requests matching `match` (a RegExp source over "METHOD /path"). */
export async function holdRequests(page: Page, rule: HoldRule): Promise<void> {
  await page.evaluate((r) => {
    const gate = window.__auditGate;
    if (!gate) throw new Error('installFetchGate(page) first');
    gate.rules.push({ ...r, re: new RegExp(r.match) });
  }, rule);
}

/** How many requests the gate holds right now. */
export async function heldCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__auditGate?.held.length ?? 0);
}

/** Lets every held request (or answer) go, and drops the remaining hold rules. */
export async function releaseRequests(page: Page): Promise<{ released: number; aborted: string[] }> {
  return page.evaluate(() => {
    const gate = window.__auditGate;
    if (!gate) return { released: 0, aborted: [] };
    const held = gate.held;
    gate.held = [];
    gate.rules = [];
    for (const entry of held) entry.release();
    return { released: held.length, aborted: [...gate.aborted] };
  });
}

/** `?scenario=…&seed=1&clock=frozen&now=SIM_NOW`: a seeded world on a clock that moves only when told. */
export function simQuery(scenario: Scenario): string {
  return `?scenario=${scenario}&seed=1&clock=frozen&now=${SIM_NOW}`;
}

/**
 * Opens a path of the app on a scenario and waits until the simulator is up and the header's stream
 * is Live (signed-out never is). Waits poll every animation frame: these run hundreds of times.
 */
export async function openScenario(page: Page, scenario: Scenario, path = '/'): Promise<void> {
  await page.goto(`${path}${simQuery(scenario)}`);
  await page.waitForFunction(() => window.__lookoutSim !== undefined, undefined, { polling: 'raf' });
  await page.locator('header').first().waitFor();
  if (scenario !== 'signed-out') await expectLive(page);
}

/** The connection indicator says Live (its accessible name carries the state at every width). */
export async function expectLive(page: Page, timeout = 15_000): Promise<void> {
  await expectConnection(page, 'Live', timeout);
}

/** Waits for the connection indicator to say `label`: Live, Catching up, Reconnecting, Connecting, Offline. */
export async function expectConnection(page: Page, label: string, timeout = 15_000): Promise<void> {
  await page.locator(`button[aria-label^="Connection: ${label}."]`).waitFor({ timeout });
}

/** The bundled font and every image are loaded (text metrics and screenshots depend on it). */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** The connection indicator's button, named "Connection: Live. Show diagnostics" and so on. */
export function connectionButton(page: Page) {
  return page.getByRole('button', { name: /^Connection: / });
}

/** Moves the simulator's frozen clock (agents stream, fail, finish on it). */
export async function advanceSim(page: Page, ms: number): Promise<void> {
  await page.evaluate((step) => window.__lookoutSim?.clock.advance(step), ms);
}

/**
 * Waits until the page stops changing: the DOM (text and structure) and every scroll position are the
 * same for 100 ms. Rows of the virtual list are measured after they mount, so a screen
 * is read only once its layout has come to rest.
 */
export async function settle(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __auditSettle?: { sig: string; at: number } };
      const scrolls = [...document.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.scrollTop !== 0 || el.scrollLeft !== 0)
        .map((el) => `${el.scrollTop},${el.scrollLeft}`)
        .join(';');
      const sig = `${document.body.innerHTML.length}|${document.body.innerText.length}|${scrolls}|${document.documentElement.scrollWidth}`;
      const now = performance.now();
      const last = w.__auditSettle;
      if (!last || last.sig !== sig) {
        w.__auditSettle = { sig, at: now };
        return false;
      }
      return now - last.at >= 100;
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

/**
 * Records every state the connection indicator shows ("Live", "Reconnecting", …), in order, from the
 * first paint: a state that lasts half a second is easy to miss by polling, never by an observer.
 */
export async function recordConnectionStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.__auditConnection = seen;
    const read = () => {
      const label = document.querySelector('button[aria-label^="Connection: "]')?.getAttribute('aria-label');
      const state = label?.match(/^Connection: ([^.]+)\./)?.[1];
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    };
    new MutationObserver(read).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  });
}

/** The states recorded since `recordConnectionStates`, or since the last `clearConnectionStates`. */
export async function connectionStates(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__auditConnection ?? [])]);
}

export async function clearConnectionStates(page: Page): Promise<void> {
  await page.evaluate(() => window.__auditConnection?.splice(0));
}
