import type { Page } from 'playwright-core';
import { http } from '@gonghui/testing';
import { confirmPopconfirm, fieldError, pickOption, screenshot } from '../support/console-browser';
import type { AidProgrammesContext } from './context';
import { seedBenefits, type BenefitsSeed } from './benefits.seed';

const modal = (page: Page) => page.locator('.ant-modal-wrap:visible');
const sendModal = (page: Page) => modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Benefit packages (常态化帮扶) and medical mutual aid (职工医疗互助) in the browser: a package set up
 * for a hardship file, its one-time code redeemed at the counter (accepted, then refused as used);
 * a medical claim typed in yuan, approved, with its reimbursement worked out.
 */
export function benefitAndMedicalFlows(context: AidProgrammesContext): void {
  describe('benefit packages and medical mutual aid (常态化帮扶, 职工医疗互助)', () => {
    let seed: BenefitsSeed;

    beforeAll(async () => {
      seed = await seedBenefits(context.gw, context.adminToken, context.federation.yubeiUnionId);
    }, 120_000);

    it('sets up a package for a hardship file, issues a code, and redeems it at the counter: accepted once, then refused as used', async () => {
      const page = await context.signedIn('yubei.officer');
      await page.goto('/aid/benefit-packages');
      await page.getByTestId('packages').locator('.ant-empty-description').waitFor();

      // Set up: an end before the start comes back from the API on the end date's field, with what was typed kept.
      await page.getByTestId('new-package').click();
      await modal(page).waitFor();
      await pickOption(page, 'package-file', seed.packageMemberName);
      await page.locator('#package-name').fill('单亲父亲常态化帮扶包');
      await page.locator('#package-endsOn').fill(chinaDay(-1));
      await page.locator('#ent-0-quantity').fill('3');
      await page.locator('#ent-0-servicePoint').fill('龙溪街道爱心超市');
      await page.getByTestId('add-entitlement').click();
      await pickOption(page, 'ent-1-itemKind', '免费洗衣');
      await page.locator('#ent-1-servicePoint').fill('龙溪街道职工之家');
      await sendModal(page);
      await fieldError(page, 'package-endsOn').filter({ hasText: '结束日期早于开始日期' }).waitFor();
      expect(await page.locator('#ent-0-servicePoint').inputValue()).toBe('龙溪街道爱心超市');
      await page.locator('#package-endsOn').fill(chinaDay(365));
      await sendModal(page);
      await page.waitForURL(/\/aid\/benefit-packages\/[0-9a-f-]{36}$/);
      const packageUrl = new URL(page.url()).pathname;
      await page.getByTestId('usage-charity-shop-item').filter({ hasText: '已用 0 · 剩余 3' }).waitFor();

      // A one-time code for the member, shown once.
      await page.getByTestId('issue-code').click();
      await modal(page).waitFor();
      await sendModal(page);
      const code = (await page.getByTestId('issued-code').textContent())!;
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await page.getByTestId('code-close').click();

      // At the counter, typed without hyphens and in lower case: accepted, with what is left of the month's 3.
      await page.goto('/aid/benefit-counter');
      await page.locator('#counter-servicePoint').fill('龙溪街道爱心超市');
      await page.locator('#counter-code').fill(code.replaceAll('-', '').toLowerCase());
      await page.getByTestId('counter-redeem').click();
      await page.getByTestId('redemption-accepted').waitFor();
      expect(await page.getByTestId('redemption-what').textContent()).toContain('爱心超市物品 × 1');
      expect(await page.getByTestId('redemption-remaining').locator('.ant-statistic-content-value').textContent()).toBe('2');
      await screenshot(page, 'aid-benefit-counter');

      // The same code again: refused, with the API's reason on the page and on the code's field.
      await page.locator('#counter-code').fill(code);
      await page.getByTestId('counter-redeem').click();
      await page.getByTestId('redemption-refused').filter({ hasText: '核销码已使用' }).waitFor();
      expect(await page.getByTestId('redemption-reason').textContent()).toContain('只能使用一次');
      await fieldError(page, 'counter-code').filter({ hasText: '已使用' }).waitFor();
      await screenshot(page, 'aid-benefit-counter-refused');

      // The package counts the one redemption; the list shows this month's use.
      await page.goto(packageUrl);
      await page.getByTestId('usage-charity-shop-item').filter({ hasText: '已用 1 · 剩余 2' }).waitFor();
      await page.getByTestId('redemptions').getByText('龙溪街道爱心超市').waitFor();
      await screenshot(page, 'aid-benefit-package');
      await page.goto('/aid/benefit-packages');
      await page.getByTestId('packages').getByText('爱心超市物品 1/3').waitFor();
      await screenshot(page, 'aid-benefit-packages');
      await page.context().close();

      // On a phone, as at a service point: the month's one laundry redeemed by a second code, nothing left.
      const second = await http('POST', `${context.gw}/api/v1/aid/benefit-packages/${packageUrl.split('/').pop()}/codes`, {
        token: context.adminToken,
        body: {},
      });
      expect(second.status).toBe(201);
      const phone = await context.signedIn('yubei.officer', 'phone');
      await phone.goto('/aid/benefit-counter');
      await phone.locator('#counter-servicePoint').fill('龙溪街道职工之家');
      await pickOption(phone, 'counter-itemKind', '免费洗衣');
      await phone.locator('#counter-code').fill(second.body.code);
      await phone.getByTestId('counter-redeem').click();
      await phone.getByTestId('redemption-accepted').waitFor();
      expect(await phone.getByTestId('redemption-remaining').locator('.ant-statistic-content-value').textContent()).toBe('0');
      await phone.getByTestId('counter-outcome').scrollIntoViewIfNeeded();
      await screenshot(phone, 'aid-benefit-counter-phone');
      await phone.context().close();
    }, 240_000);

    it('files a medical claim typed in yuan and approves it: the reimbursement worked out as (self-paid − deductible) × ratio', async () => {
      const page = await context.signedIn('yubei.officer');
      await page.goto('/aid/medical-plans');
      await page.getByTestId('plans').getByText(seed.planName).click();
      await page.waitForURL(`**/aid/medical-plans/${seed.planId}`);
      expect(await page.getByTestId('plan-rules').textContent()).toContain('每次起付线 ¥1,000.00，起付线以上的个人自付部分按 50% 报销');
      await page.getByTestId('plan-member-list').getByText(seed.claimMemberName, { exact: true }).waitFor();
      await screenshot(page, 'aid-medical-plan');

      // More paid by insurance than the bill: the API's error on the yuan field, the rest kept.
      await page.getByTestId('plan-new-claim').click();
      await modal(page).waitFor();
      await page.locator('#claim-memberId').fill(seed.claimMemberId);
      await page.locator('#claim-bill').fill('10000');
      await page.locator('#claim-insurance').fill('12000');
      await page.locator('#claim-selfPaid').fill('0');
      await sendModal(page);
      await fieldError(page, 'claim-insurance').filter({ hasText: '不能超过医疗费用总额' }).waitFor();
      expect(await page.locator('#claim-bill').inputValue()).toBe('10000.00');
      // The self-paid part follows the bill and the insurance share: 10,000 − 7,300 = 2,700 yuan.
      await page.locator('#claim-insurance').fill('7300');
      await page.locator('#claim-insurance').blur();
      expect(await page.locator('#claim-selfPaid').inputValue()).toBe('2700.00');
      await sendModal(page);
      await page.waitForURL(/\/aid\/medical-claims\/[0-9a-f-]{36}$/);
      await page.getByTestId('claim-status').getByText('待审核').waitFor();
      // Before approval the rules give (2,700 − 1,000) × 50 % = 850 yuan, the cap still to apply.
      await page.getByTestId('claim-computation').getByText('¥850.00').waitFor();

      await page.getByTestId('claim-approve').click();
      await confirmPopconfirm(page);
      await page.getByTestId('claim-status').getByText('已核准待支付').waitFor();
      expect(await page.getByTestId('claim-reimbursement').textContent()).toBe('¥850.00');
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'aid-medical-claim');
      // The same page in English.
      await page.getByTestId('language').click();
      await page.getByTestId('claim-status').getByText('Approved, to pay').waitFor();
      await page.getByTestId('claim-computation').getByText('Above the deductible').waitFor();
      await page.getByTestId('language').click();

      await page.goto('/aid/medical-claims?status=approved');
      await page.getByTestId('claims').getByText('¥850.00').waitFor();
      await screenshot(page, 'aid-medical-claims');
      await page.context().close();
    }, 240_000);
  });
}
