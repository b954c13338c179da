import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (infra/scripts/lib.sh installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The README names this folder: one PNG per main page, refreshed by every run. */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
export const CONSOLE_DIST = path.join(__dirname, '..', '..', 'console', 'dist');

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('no console build: run `npm run build -w console` (npm test does)');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** An office screen (1366×768) or a phone (390×844), in zh-CN like the officers' browsers. */
export async function newConsolePage(browser: Browser, gw: string, device: 'office' | 'phone' = 'office'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: gw,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(device === 'office' ? { viewport: { width: 1366, height: 768 } } : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

export async function logIn(page: Page, username: string, password = 'Gonghui@2026'): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('whoami').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let charts and fonts settle.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Pick a union in an Ant Design TreeSelect by typing part of its name. */
export async function pickUnit(page: Page, selectId: string, name: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.locator(`#${selectId}`).fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
}

/** Pick an option of an Ant Design Select by its label. */
export async function pickOption(page: Page, selectId: string, label: string): Promise<void> {
  // The select shows the chosen label once the pick took. On a loaded machine a click can land
  // while the dropdown is still sliding open (and hit what is behind it, closing it): wait for the
  // dropdown to stand still, and if the pick still did not take, try again from a closed dropdown.
  const chosen = page.locator('.ant-select', { has: page.locator(`#${selectId}`) }).filter({ hasText: label });
  const option = page.locator('.ant-select-dropdown:visible:not([class*="-slide-"]) .ant-select-item-option', { hasText: label }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(`#${selectId}`).click();
      await option.click({ timeout: 8000 });
      await chosen.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // Close a dropdown left open (a click on the select toggles it; Escape could close a dialog instead).
      if ((await page.locator('.ant-select-dropdown:visible').count()) > 0) await page.locator(`#${selectId}`).click();
    }
  }
}

/**
 * Confirm an Ant Design Popconfirm that is open. Like a select's dropdown, it zooms in: a click before it stands
 * still can miss its button (in CI nothing was sent). Wait for it to settle, confirm, and confirm again if it is
 * still open.
 */
export async function confirmPopconfirm(page: Page): Promise<void> {
  const settled = page.locator('.ant-popover:visible:not([class*="-zoom-"])');
  for (let attempt = 1; ; attempt++) {
    await settled.locator('.ant-btn-primary').click();
    try {
      await page.locator('.ant-popover:visible').waitFor({ state: 'hidden', timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** The error Ant Design shows under a form field. */
export function fieldError(page: Page, inputId: string) {
  return page.locator('.ant-form-item', { has: page.locator(`#${inputId}`) }).locator('.ant-form-item-explain-error');
}
