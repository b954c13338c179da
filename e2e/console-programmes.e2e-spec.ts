import type { Browser, Page } from 'playwright-core';
import { RunningSystem } from '@gonghui/infra';
import { login, ownDatabase, startE2ESystem } from './support/system';
import { seedConsoleFederation, type ConsoleSeed } from './support/console-seed';
import { BOARD_COLUMN_PAGE, chinaDate, FULL_SESSION_TITLE, seedProgrammes, type ProgrammesSeed } from './support/console-programmes-seed';
import { fieldError, launchChromium, logIn, newConsolePage, pickOption, screenshot } from './support/console-browser';

/**
 * The training and mediation pages of the console in a real browser (Debian's Chromium through
 * playwright-core) against the whole system: a full session's waiting list, the classroom QR code,
 * the public certificate check, the mediation board with each case's 15-day clock and its stage
 * columns paged from the server, a judge's score sheet and the ranking, and a childcare day's list.
 */
describe('the console: training and mediation in a browser', () => {
  let system: RunningSystem;
  let gw: string;
  let browser: Browser;
  let federation: ConsoleSeed;
  let seed: ProgrammesSeed;

  beforeAll(async () => {
    ({ system, gw } = await startE2ESystem(await ownDatabase('console_programmes')));
    const token = (await login(gw)).body.accessToken;
    federation = await seedConsoleFederation(gw, token);
    seed = await seedProgrammes(gw, token, federation.yubeiUnionId);
    browser = await launchChromium();
    // Two migrated databases and five services: on a loaded 2-core machine this outlasts the default hook timeout.
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** The OK button of the dialog on screen (antd spaces two-character Chinese labels: 确 定). */
  const okButton = (page: Page) => page.locator('.ant-modal:visible').getByRole('button', { name: /^(OK|确\s*定)$/ });

  async function signedIn(username: string, device: 'office' | 'phone' = 'office'): Promise<Page> {
    const { page } = await newConsolePage(browser, gw, device);
    await page.goto('/');
    await logIn(page, username);
    return page;
  }

  it('books a full session for a member, who lands on its waiting list; the classroom QR code shows a live code', async () => {
    const page = await signedIn('yubei.officer');
    await page.getByTestId('main-menu').getByText('技能培训').click();
    await page.getByTestId('main-menu').getByText('培训班次').click();
    const row = page.getByTestId('sessions').locator('tbody tr.ant-table-row', { hasText: FULL_SESSION_TITLE });
    await row.getByText('已满员').waitFor();
    await screenshot(page, 'training-session-list');
    // Members' names are asked of membership together: every member on the page in one request, not one each.
    const nameRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/membership\/members\?.*\bids=/.test(request.url())) nameRequests.push(request.url());
    });
    await row.click();
    await page.waitForURL(`**/training/sessions/${seed.fullSessionId}`);
    expect(await page.getByTestId('session-seats').textContent()).toContain('2/2');
    const booked = page.getByTestId('bookings').locator('tbody tr.ant-table-row');
    await booked.nth(1).waitFor();
    await page.getByTestId('bookings').locator('[data-member-loading]').first().waitFor({ state: 'detached' });
    expect(await booked.locator('[data-member-unknown]').count()).toBe(0);
    expect(nameRequests).toHaveLength(1);
    expect(new URL(nameRequests[0]).searchParams.getAll('ids').length).toBeGreaterThanOrEqual(2);

    await page.getByTestId('book').click();
    await page.locator('#book-memberId').click();
    await page.locator('#book-memberId').fill(seed.waitingMemberName);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${seed.waitingMemberName} ·` })
      .first()
      .click();
    await okButton(page).click();
    await page.getByTestId('waiting-tab').locator('.ant-badge', { hasText: '1' }).waitFor();
    await page.getByTestId('waiting-tab').click();
    const waiting = page.getByTestId('waiting-list').locator('tbody tr.ant-table-row');
    await waiting.first().getByText('#1').waitFor();
    expect(await waiting.count()).toBe(1);
    // the name comes from membership just after the row: wait for it rather than read the row at once
    await waiting.first().getByText(seed.waitingMemberName, { exact: true }).waitFor();
    expect(await waiting.first().textContent()).toContain('候补中');
    expect(await page.getByTestId('session-seats').textContent()).toContain('2/2');
    await screenshot(page, 'training-waiting-list');

    await page.getByTestId('open-qr').click();
    await page.getByTestId('qr-image').waitFor();
    expect(await page.getByTestId('qr-code').textContent()).toMatch(/^\d{6}$/);
    expect(await page.getByTestId('qr-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'training-sign-in-qr');
    await page.context().close();
  });

  it('shows the mediation board with each case’s clock, and opens a new case at 15 days left', async () => {
    const page = await signedIn('yubei.officer');
    await page.goto('/mediation/cases');
    const open = page.getByTestId('stage-open');
    await open.getByTestId('case-card').nth(2).waitFor();
    // Most urgent first: lapsed (20 days ago), 5 days left (orange), 13 days left (green).
    const stages = await open
      .getByTestId('case-clock')
      .evaluateAll((tags) => tags.map((t) => [t.getAttribute('data-stage'), t.textContent]));
    expect(stages).toEqual([
      ['lapsed', expect.stringContaining('已超 15 日期限')],
      ['nearing', expect.stringContaining('剩 5 天')],
      ['calm', expect.stringContaining('剩 13 天')],
    ]);
    await screenshot(page, 'mediation-board');
    // Every stage's column is the server's, paged: the declined column shows a page, then the rest on “load more”.
    const declined = page.getByTestId('stage-declined');
    await declined
      .getByTestId('case-card')
      .nth(BOARD_COLUMN_PAGE - 1)
      .waitFor();
    expect(await declined.getByTestId('case-card').count()).toBe(BOARD_COLUMN_PAGE);
    await declined.getByTestId('more-declined').click();
    await declined
      .getByTestId('case-card')
      .nth(seed.declinedCases - 1)
      .waitFor();
    expect(await declined.getByTestId('more-declined').count()).toBe(0);
    expect(await open.getByTestId('case-card').count()).toBe(3);

    await page.getByTestId('open-case').click();
    const intake = page.locator('.ant-modal:visible');
    await page.locator('#intake-summary').fill('外卖骑手被拖欠三个月劳务报酬');
    await intake.getByPlaceholder('姓名', { exact: true }).fill('赵师傅');
    await intake.getByPlaceholder('手机号', { exact: true }).fill('13987654321');
    await page.locator('#intake-employer').fill('重庆某即时配送服务有限公司');
    await intake.getByPlaceholder('金额（元）', { exact: true }).fill('12000');
    await okButton(page).click();
    await page.waitForURL(/\/mediation\/cases\/[0-9a-f-]{36}$/);
    const clock = page.getByTestId('clock-panel').getByTestId('case-clock');
    await clock.waitFor();
    expect(await clock.textContent()).toContain('剩 15 天');
    expect(await clock.getAttribute('data-stage')).toBe('calm');
    expect(await page.getByTestId('case-title').textContent()).toContain('调解中');
    expect(await page.getByText('¥12,000.00').count()).toBeGreaterThan(0);

    await page.getByTestId('assign-panel').click();
    await page.locator('#panel-lead').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '周建国' }).click();
    await okButton(page).click();
    // The panel shows its lead, or the dialog shows the API's problem (which the assertion then names).
    const problem = page.locator('.ant-modal:visible').locator('[data-testid=modal-problem], .ant-form-item-explain-error');
    await page.getByTestId('panel').locator('.ant-tag').or(problem).first().waitFor();
    expect(await problem.allTextContents()).toEqual([]);
    expect(await page.getByTestId('panel').textContent()).toContain('首席 · 周建国');
    await screenshot(page, 'mediation-case');
    await page.context().close();

    const phone = await signedIn('yubei.officer', 'phone');
    await phone.goto(`/mediation/cases/${seed.caseIds.nearing}`);
    expect(await phone.getByTestId('clock-panel').getByTestId('case-clock').textContent()).toContain('剩 5 天');
    await screenshot(phone, 'mediation-case-phone');
    await phone.context().close();
  });

  it('verifies a certificate on the public page without logging in', async () => {
    const { page, context } = await newConsolePage(browser, gw);
    await page.goto(`/verify/${seed.verificationCode}`);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('有效');
    expect(await result.textContent()).toContain('电工（中级）取证班');
    // The holder's name is masked; no login form anywhere.
    expect(await result.textContent()).toMatch(/[\u4e00-\u9fa5]\*/);
    expect(await page.locator('#password').count()).toBe(0);
    await screenshot(page, 'training-verify-certificate');

    await page.locator('#verify-code').fill('GH0000000000');
    await page.getByTestId('verify-submit').click();
    await page.getByTestId('verify-not-found').waitFor();
    await context.close();
  });

  it('shows every training and mediation page with its records or an empty state that says what to do', async () => {
    const page = await signedIn('admin');
    for (const [route, name, testId] of [
      ['/training/courses', 'training-courses', 'courses'],
      ['/training/certificates', 'training-certificates', 'certificates'],
      ['/training/orders', 'training-orders', 'training-orders'],
      ['/training/competitions', 'training-competitions', 'competitions'],
      ['/training/childcare', 'training-childcare', null],
      ['/training/job-fairs', 'training-job-fairs', 'job-fairs'],
      ['/mediation/mediators', 'mediation-mediators', 'mediators'],
      ['/mediation/hazard-reports', 'mediation-hazard-reports', 'hazard-reports'],
    ] as const) {
      await page.goto(route);
      const area = testId ? page.getByTestId(testId) : page.locator('.ant-card').first();
      await area.locator('tbody tr.ant-table-row, .ant-empty-description').first().waitFor();
      expect(await page.locator('.ant-alert-error').count()).toBe(0);
      await screenshot(page, name);
    }
    await page.goto('/training/courses');
    await page.getByTestId('courses').getByText('电工（中级）取证班').waitFor();
    await page.goto('/training/certificates');
    await page.getByTestId('certificates').getByText(seed.verificationCode).waitFor();
    await page.goto('/mediation/mediators');
    await page.getByTestId('mediators').getByText('周建国').waitFor();
    await page.context().close();
  });

  it('takes a judge’s score sheet with the API’s refusal on its field, and ranks the entrant; lists a chosen childcare day', async () => {
    const page = await signedIn('yubei.officer');
    await page.goto('/training/competitions');
    const event = page.getByTestId('competitions').locator('.ant-card', { hasText: '低压电工' });
    await event.getByTestId('score-sheet').click();
    await pickOption(page, 'sheet-judge', seed.competition.judge);
    await pickOption(page, 'sheet-entrant', seed.competition.entrantNames[0]);
    await page.locator('#sheet-score-theory').fill('120');
    await page.locator('#sheet-score-practice').fill('80');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /提交评分/ })
      .click();
    // Out of range: the API's message on the theory score, what was typed kept.
    await fieldError(page, 'sheet-score-theory').getByText('须在 0–100 之间', { exact: false }).waitFor();
    expect(await page.locator('#sheet-score-practice').inputValue()).toBe('80');
    await page.locator('#sheet-score-theory').fill('90');
    // 90 × 30 % + 80 × 70 % = 83.
    await page.getByTestId('sheet-total').getByText('83.00').waitFor();
    await screenshot(page, 'training-score-sheet');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /提交评分/ })
      .click();
    await page
      .getByTestId('judge-sheets')
      .getByText(`${seed.competition.entrantNames[0]} 83.00`)
      .waitFor();
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /^完\s*成$/ })
      .click();
    const ranked = event.getByTestId('ranking').locator('tbody tr.ant-table-row');
    await ranked.first().getByText('83.00').waitFor();
    // the entrant by name, where the console used to show the first 8 characters of the member id
    await ranked.first().getByText(seed.competition.entrantNames[0], { exact: true }).waitFor();
    expect(await ranked.first().textContent()).not.toContain(seed.competition.entrants[0].slice(0, 8));

    await page.goto('/training/childcare');
    const today = page.getByTestId('childcare-today').locator('tbody tr.ant-table-row', { hasText: seed.childcare.childName });
    await today
      .getByTestId('child-state')
      .getByText(/在班|未接走/)
      .waitFor();
    expect(await page.getByTestId('childcare-day-title').textContent()).toContain(chinaDate(0));
    await page.locator('#childcare-day').click();
    await page.locator('#childcare-day').fill(chinaDate(1));
    await page.locator('#childcare-day').press('Enter');
    await page.getByTestId('childcare-day-title').getByText(chinaDate(1)).waitFor();
    await today.getByTestId('child-state').getByText('未签到').waitFor();
    await screenshot(page, 'training-childcare-day');
    await page.context().close();
  });
});
