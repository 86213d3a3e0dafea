/**
 * A real browser for the built site: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), a watcher that records what a page asks for and logs, and axe-core's
 * accessibility check with its findings written out for a person to read.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The WCAG 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What one page did while it was watched. */
export interface PageRecord {
  /** Every URL requested, in order. */
  requests: string[];
  /** Requests that got no answer, or an answer of 400 and up: "STATUS URL" or "failed URL (reason)". */
  failures: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Forgets everything recorded so far. */
  reset(): void;
}

/** Records every request, failed request and console error of a page from now on. */
export function watch(page: Page): PageRecord {
  const record: PageRecord = {
    requests: [],
    failures: [],
    errors: [],
    reset() {
      record.requests.length = 0;
      record.failures.length = 0;
      record.errors.length = 0;
    },
  };
  page.on('request', (req) => record.requests.push(req.url()));
  page.on('requestfailed', (req) => record.failures.push(`failed ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) record.failures.push(`${res.status()} ${res.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => record.errors.push(`exception: ${err.message}`));
  return record;
}

/** Requested URLs that leave the given origin (data: and about: are not requests to anyone). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !/^(data|about|blob):/.test(url) && new URL(url).origin !== origin);
}

/**
 * axe's WCAG 2.1 A/AA violations on the page as loaded, one readable block per violation. Needs
 * JavaScript on in the page's context (axe waits on timers). Legacy mode runs axe in the page
 * itself instead of finishing in an extra blank tab: the same rules and results for pages without
 * frames, as Bulletin's are, in about half the time.
 */
export async function axeViolations(page: Page, label = page.url()): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
      return `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n      ${summary}`;
    });
    return `${label}: [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  });
}
