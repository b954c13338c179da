import { checkPlacement } from './tree-rules';

describe('organisation tree rules', () => {
  const none = { rootExists: false, siblingWithSameName: false };

  it('accepts the first root and refuses a second one with 409', () => {
    expect(checkPlacement(null, '重庆市总工会', none)).toBeNull();
    expect(checkPlacement(null, '另一个市总工会', { ...none, rootExists: true })).toMatchObject({ status: 409, slug: 'second-root', field: 'parentId' });
  });

  it('refuses a name an active sibling already has, and accepts it under another parent', () => {
    expect(checkPlacement('p1', '渝北区总工会', { ...none, siblingWithSameName: true })).toMatchObject({ status: 409, slug: 'duplicate-name', field: 'name' });
    expect(checkPlacement('p2', '渝北区总工会', none)).toBeNull();
  });

  it('does not hold the root against a unit that has a parent', () => {
    expect(checkPlacement('p1', '渝北区总工会', { ...none, rootExists: true })).toBeNull();
  });

  it('gives a bilingual detail naming the unit', () => {
    const refusal = checkPlacement('p1', '观音桥街道', { ...none, siblingWithSameName: true });
    expect(refusal?.detail).toMatch(/观音桥街道.* \/ .*观音桥街道/);
  });
});
