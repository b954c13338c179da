import { DEMO_ROOT, demoRootState } from '../src/demo-seed';

describe('demoRootState: whether the demo seed runs, by the tree’s oldest unit', () => {
  it('seeds an empty tree', () => {
    expect(demoRootState(undefined)).toBe('absent');
  });

  it('finds the demo root as seeded before, so a second run changes nothing', () => {
    expect(demoRootState({ code: DEMO_ROOT.code, parentId: null })).toBe('seeded');
  });

  it('refuses another federation’s root: a genuine conflict, not "already seeded"', () => {
    expect(demoRootState({ code: 'CQ', parentId: null })).toBe('foreign');
    expect(demoRootState({ code: 'demo', parentId: null })).toBe('foreign');
  });

  it('does not take a unit with a parent for the root', () => {
    expect(demoRootState({ code: DEMO_ROOT.code, parentId: '0f1e2d3c-4b5a-4968-8776-655443322110' })).toBe('absent');
  });
});
