import { awardHonour, grantSkillLevel } from './skill-award';

describe('awards from training', () => {
  it('raises a member’s skill level, never lowers it, and changes nothing on a repeat', () => {
    expect(grantSkillLevel({ status: 'active', skillLevel: 'novice' }, 'skilled')).toEqual({ changed: true, skillLevel: 'skilled', changedFields: ['skillLevel'] });
    expect(grantSkillLevel({ status: 'active', skillLevel: 'novice' }, 'master')).toMatchObject({ changed: true, skillLevel: 'master' });
    expect(grantSkillLevel({ status: 'active', skillLevel: 'master' }, 'skilled')).toEqual({ changed: false });
    expect(grantSkillLevel({ status: 'active', skillLevel: 'skilled' }, 'skilled')).toEqual({ changed: false });
  });

  it('adds an honour once, keeping the canonical order', () => {
    expect(awardHonour({ status: 'active', honours: ['labour-medal'] }, 'craftsman')).toEqual({ changed: true, honours: ['craftsman', 'labour-medal'], changedFields: ['honours'] });
    expect(awardHonour({ status: 'active', honours: ['craftsman'] }, 'craftsman')).toEqual({ changed: false });
  });

  it('leaves a member who left as they are', () => {
    expect(grantSkillLevel({ status: 'left', skillLevel: 'novice' }, 'master')).toEqual({ changed: false });
    expect(awardHonour({ status: 'left', honours: [] }, 'model-worker')).toEqual({ changed: false });
  });
});
