import { childPath, placementProblem } from './org-unit-rules';

describe('organisation tree rules', () => {
  it('builds materialised paths from the root down', () => {
    const root = childPath(null, '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11');
    expect(root).toBe('/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/');
    expect(childPath(root, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')).toBe('/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/aaaaaaaabbbbccccddddeeeeeeeeeeee/');
  });

  it('allows federation → district → street → grassroots, and industry unions under the federation', () => {
    expect(placementProblem('federation', null)).toBeNull();
    expect(placementProblem('district', 'federation')).toBeNull();
    expect(placementProblem('street', 'district')).toBeNull();
    expect(placementProblem('grassroots-enterprise', 'street')).toBeNull();
    expect(placementProblem('industry', 'federation')).toBeNull();
  });

  it('refuses a second root, a street directly under the federation and units under a grassroots union', () => {
    expect(placementProblem('district', null)).toMatch(/root/);
    expect(placementProblem('street', 'federation')).toMatch(/street/);
    expect(placementProblem('grassroots-community', 'grassroots-enterprise')).toMatch(/Grassroots/);
    expect(placementProblem('federation', 'federation')).toMatch(/parent/);
  });
});
