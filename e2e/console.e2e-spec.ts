import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningSystem } from '@gonghui/infra';
import { http } from '@gonghui/testing';
import { makeNationalId } from '../infra/src/demo-people';
import { login, ownDatabase, startE2ESystem } from './support/system';
import { seedConsoleFederation, type ConsoleSeed } from './support/console-seed';
import { fieldError, launchChromium, logIn, newConsolePage, pickOption, pickUnit, screenshot } from './support/console-browser';

/**
 * The staff console in a real browser (Debian's Chromium through playwright-core) against the
 * whole system, served by the gateway at /. Each test also leaves a screenshot of its page in
 * docs/screenshots/.
 */
describe('the staff console (工会工作台) in a browser', () => {
  let system: RunningSystem;
  let gw: string;
  let browser: Browser;
  let seed: ConsoleSeed;

  beforeAll(async () => {
    // Its own database: the assertions count the federation it seeds, and other suites build theirs first.
    ({ system, gw } = await startE2ESystem(await ownDatabase('console')));
    seed = await seedConsoleFederation(gw, (await login(gw)).body.accessToken);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function signedIn(username: string, device: 'office' | 'phone' = 'office'): Promise<Page> {
    const { page } = await newConsolePage(browser, gw, device);
    await page.goto('/');
    await logIn(page, username);
    return page;
  }

  it('the gateway serves the console at / and falls back to index.html for its routes, leaving /api and /health alone', async () => {
    const home = await fetch(`${gw}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${gw}/membership/members/some-id`)).text()).toContain('<div id="root">');
    expect((await fetch(`${gw}/assets/missing.js`)).status).toBe(404);
    const api404 = await fetch(`${gw}/api/v1/auth/nothing-here`);
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${gw}/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('the city admin logs in, sees name, unit and role, and the dashboard of the whole federation', async () => {
    const page = await signedIn('admin');
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('示范市总工会');
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('市总工会管理员');
    await page.getByTestId('chart-members').locator('canvas').waitFor();
    const active = Number((await page.getByTestId('stat-activeMembers').locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    expect(active).toBe(12);
    await screenshot(page, 'dashboard');

    await page.goto('/membership/org-units');
    await page.getByTestId('org-tree').getByText('渝北区总工会').waitFor();
    await page.locator('.ant-badge').first().waitFor();
    await screenshot(page, 'org-tree');

    await page.goto('/membership/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').nth(11).waitFor();
    await screenshot(page, 'members');
    await page.context().close();
  });

  it('the 渝北区 officer sees only 渝北区, and cannot reach a 江北区 member by URL', async () => {
    const page = await signedIn('yubei.officer');
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('渝北区总工会');
    // No administration of the whole city in the officer's menus, and no other district in the tree.
    await page.goto('/membership/org-units');
    await page.getByTestId('org-tree').getByText('渝北区总工会').waitFor();
    expect(await page.getByTestId('org-tree').getByText('江北区总工会').count()).toBe(0);
    await page.goto('/membership/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').nth(5).waitFor();
    expect(await page.getByTestId('member-table').locator('tbody tr.ant-table-row').count()).toBe(6);
    expect(await page.getByTestId('member-table').getByText('观音桥街道').count()).toBe(0);

    await page.goto(`/membership/members/${seed.jiangbeiMemberId}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('member-title').count()).toBe(0);
    await page.context().close();
  });

  it('enrols a member: a wrong resident ID is shown on its field in Chinese, the corrected one enrols', async () => {
    const page = await signedIn('admin');
    await page.goto('/membership/members/new');
    const good = makeNationalId({ region: '500112', born: '1990-05-17', sex: 'f' });
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await page.locator('#enrol-name').fill('王晓燕');
    await page.locator('#enrol-nationalId').fill(wrong);
    await page.locator('#enrol-mobile').fill('13912345678');
    await pickUnit(page, 'enrol-orgUnitId', '龙溪街道物流有限公司工会');
    await pickOption(page, 'enrol-employmentForm', '外卖配送员');
    await page.getByTestId('enrol-submit').click();
    const error = fieldError(page, 'enrol-nationalId');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/[\u4e00-\u9fa5]/);
    await screenshot(page, 'enrol-error');

    await page.locator('#enrol-nationalId').fill(good);
    await page.getByTestId('enrol-submit').click();
    await page.waitForURL(/\/membership\/members\/[0-9a-f-]{36}$/);
    await page.getByTestId('member-title').filter({ hasText: '王晓燕' }).waitFor();
    expect(await page.getByTestId('national-id').first().textContent()).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    await screenshot(page, 'member');
    await page.context().close();
  });

  it('keeps what the officer typed when the session ends, and brings it back after logging in again', async () => {
    const page = await signedIn('admin');
    await page.goto('/membership/members/new');
    await page.locator('#enrol-name').fill('赵小川');
    await page.locator('#enrol-mobile').fill('13700001111');
    // The session ends elsewhere (logged out, expired): the next call answers 401.
    const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('gonghui.token'));
    expect((await http('POST', `${gw}/api/v1/auth/logout`, { token: token! })).status).toBe(204);
    await page.locator('#enrol-nationalId').fill('500112199001010000');
    await pickUnit(page, 'enrol-orgUnitId', '龙溪街道物流有限公司工会');
    await pickOption(page, 'enrol-employmentForm', '快递员');
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('session-ended').waitFor();
    await logIn(page, 'admin');
    await page.locator('#enrol-name').waitFor();
    expect(await page.locator('#enrol-name').inputValue()).toBe('赵小川');
    expect(await page.locator('#enrol-mobile').inputValue()).toBe('13700001111');
    await page.context().close();
  });

  it('uploads a roster (集中入会), watches the progress bar finish, and downloads the rejected rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i},${makeNationalId({ region: '500105', sex: i % 2 ? 'm' : 'f' })},139${String(20_000_000 + i).padStart(8, '0')}`);
    rows.push('坏行,500105199001011234,13900000000');
    const file = path.join(os.tmpdir(), `roster-${process.pid}.csv`);
    fs.writeFileSync(file, `姓名,身份证号,手机号\n${rows.join('\n')}\n`);

    const page = await signedIn('admin');
    await page.goto('/membership/rosters');
    await pickUnit(page, 'roster-orgUnitId', '观音桥街道物流有限公司工会');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('roster-submit').click();
    await page.getByTestId('roster-progress').waitFor();
    await page.locator('[data-testid=roster-progress].ant-progress-status-success').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('roster-rows').textContent()).toBe('31 / 31');
    expect(await page.getByTestId('roster-enrolled').locator('.ant-statistic-content-value').textContent()).toBe('30');
    await screenshot(page, 'roster');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
    const rejected = fs.readFileSync((await download.path())!, 'utf8');
    expect(rejected).toContain('行号');
    expect(rejected).toContain('"32"');
    fs.rmSync(file, { force: true });
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await signedIn('admin');
    await page.getByTestId('language').click();
    await page.getByTestId('main-menu').getByText('Members', { exact: true }).waitFor();
    await page.goto('/membership/members');
    await page.getByRole('columnheader', { name: 'Name' }).waitFor();
    await screenshot(page, 'members-en');
    // The choice stays, and the API answers in English too.
    await page.goto('/membership/members/new');
    await page.locator('#enrol-name').fill('Li Na');
    await page.locator('#enrol-nationalId').fill('123');
    await page.locator('#enrol-mobile').fill('13912345678');
    await pickUnit(page, 'enrol-orgUnitId', '龙溪街道物流有限公司工会');
    await pickOption(page, 'enrol-employmentForm', 'Courier');
    await page.getByTestId('enrol-submit').click();
    const error = fieldError(page, 'enrol-nationalId');
    await error.waitFor();
    expect(await error.textContent()).not.toMatch(/[\u4e00-\u9fa5]/);
    await page.context().close();
  });

  it('shows the programme pages, and works on a phone', async () => {
    const page = await signedIn('admin');
    for (const [route, name, testId] of [
      ['/membership/prospects', 'prospects', null],
      ['/aid/hardship-files', 'aid-hardship-files', 'hardship-files'],
      ['/training/sessions', 'training-sessions', 'sessions'],
      ['/mediation/cases', 'mediation-cases', 'cases'],
    ] as const) {
      await page.goto(route);
      // Rows when the programme has records, else the empty state that says what to do; never an error.
      const table = testId ? page.getByTestId(testId) : page.locator('.ant-table');
      await table.locator('tbody tr.ant-table-row, .ant-empty-description').first().waitFor();
      expect(await page.locator('.ant-alert-error').count()).toBe(0);
      await screenshot(page, name);
    }
    await page.context().close();

    const phone = await signedIn('yubei.officer', 'phone');
    await phone.getByTestId('menu-button').click();
    await phone.getByTestId('main-menu').getByText('会员查询').click();
    await phone.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(phone, 'phone-members');
    await phone.context().close();
  });

  it('loads a programme’s pages on demand, and says so when its code cannot be fetched instead of showing a blank page', async () => {
    const page = await signedIn('admin');
    // the member search needs no programme chunk; the aid pages come in their own, once
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/(aid|training|mediation)-[\w-]+\.js$/.test(request.url())) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/membership/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(fetched).toEqual([]);
    // the network fails for the training chunk: after its one reload the page says so, menu and header still there
    await page.route(/\/assets\/training-[\w-]+\.js$/, (route) => route.abort());
    await page.goto('/training/sessions');
    await page.getByTestId('page-load-failed').getByText('页面加载失败，请检查网络后刷新').waitFor();
    await page.getByTestId('main-menu').waitFor();
    await page.unroute(/\/assets\/training-[\w-]+\.js$/);
    await page.getByTestId('page-load-failed').getByRole('button', { name: /刷\s*新/ }).click();
    await page.getByTestId('sessions').waitFor();
    await page.context().close();
  });
});
