import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where a test run leaves its screenshots for review (ignored by git). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../../test-results/screenshots/', import.meta.url),
);

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) in the page and returns the serious and critical
 * violations. Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (options: unknown) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // Only the violations are read: axe skips gathering the nodes that pass (most of its time on long pages).
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await fullPageScreenshot(page, `${SCREENSHOT_DIR}${name}.png`);
}

const devTools = new WeakMap<Page, Promise<CDPSession>>();

/**
 * The whole page as a PNG at `path`, once its fonts are in. Asked of Chromium directly, for its fast PNG
 * encoding (Playwright's `fullPage` asks for the smallest file): a screenshot is kept for review, never
 * compared, and the slow encoding took half the CPU of a page's checks (the API reference's, seconds).
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  let session = devTools.get(page);
  if (session === undefined) {
    session = page.context().newCDPSession(page);
    devTools.set(page, session);
  }
  const cdp = await session;
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    optimizeForSpeed: true,
    clip: { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 },
  });
  // A name may hold folders (`wallet/…`), which Playwright's own screenshot used to create.
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}
