import { courseRefusals, NewCourse } from './course';

const course = (over: Partial<NewCourse> = {}): NewCourse => ({ category: 'skills', freeForMembers: true, feeFen: 0, grantsSkillLevel: null, certificateValidMonths: null, ...over });

describe('a catalogue course', () => {
  it('accepts a free course and a paid one with its fee', () => {
    expect(courseRefusals(course())).toEqual([]);
    expect(courseRefusals(course({ freeForMembers: false, feeFen: 38000 }))).toEqual([]);
  });

  it('wants a fee for a paid course and none for a free one', () => {
    expect(courseRefusals(course({ freeForMembers: false, feeFen: 0 }))).toEqual([{ field: 'feeFen', reason: 'fee-required' }]);
    expect(courseRefusals(course({ feeFen: 100 }))).toEqual([{ field: 'feeFen', reason: 'free-has-no-fee' }]);
  });

  it('grants skill levels from skills and certification courses only', () => {
    expect(courseRefusals(course({ category: 'certification', grantsSkillLevel: 'skilled' }))).toEqual([]);
    expect(courseRefusals(course({ category: 'culture-sport', grantsSkillLevel: 'novice' }))).toEqual([{ field: 'grantsSkillLevel', reason: 'culture-sport-grants-no-level' }]);
  });
});
