import { decideOffer, rankMatches, scoreMatch } from './matching';

const member = { skills: ['电工', '叉车驾驶'], preferredDistrict: '太和区', employmentForm: 'full-time' };
const vacancy = (vacancyId: string, over = {}) => ({ vacancyId, skills: ['维修电工'], district: '太和区', employmentForm: 'full-time', ...over });

describe('job matching', () => {
  it('gives full marks for skill, district and form, and matches a skill named inside another', () => {
    expect(scoreMatch(member, vacancy('v1'))).toEqual({ vacancyId: 'v1', score: 100, matchedSkills: ['维修电工'], districtMatches: true, employmentFormMatches: true });
  });

  it('weighs skills by the share matched, district 25 (half with no preference) and form 15', () => {
    expect(scoreMatch(member, vacancy('v', { skills: ['电工', '焊工'] }))?.score).toBe(70);
    expect(scoreMatch(member, vacancy('v', { district: '凌河区' }))?.score).toBe(75);
    expect(scoreMatch(member, vacancy('v', { employmentForm: 'part-time' }))?.score).toBe(85);
    expect(scoreMatch({ ...member, preferredDistrict: null, employmentForm: null }, vacancy('v', { employmentForm: 'flexible' }))?.score).toBe(87.5);
    expect(scoreMatch(member, vacancy('v', { skills: [] }))?.score).toBe(100);
  });

  it('is no match when the vacancy asks for skills the member has none of', () => {
    expect(scoreMatch(member, vacancy('v', { skills: ['育婴师'] }))).toBeNull();
    expect(scoreMatch({ ...member, skills: [] }, vacancy('v'))).toBeNull();
  });

  it('ranks the matches best first, equal scores by vacancy id', () => {
    const ranked = rankMatches(member, [vacancy('c', { district: '凌河区' }), vacancy('b'), vacancy('a'), vacancy('x', { skills: ['厨师'] })]);
    expect(ranked.map((m) => [m.vacancyId, m.score])).toEqual([
      ['a', 100],
      ['b', 100],
      ['c', 75],
    ]);
  });
});

describe('offer decisions', () => {
  it('accepts while openings remain, declines any time, and answers once', () => {
    expect(decideOffer('offered', 'accept', { openings: 2, accepted: 1 })).toEqual({ ok: true, status: 'accepted' });
    expect(decideOffer('offered', 'accept', { openings: 2, accepted: 2 })).toEqual({ ok: false, refusal: { reason: 'vacancy-filled', openings: 2 } });
    expect(decideOffer('offered', 'decline', { openings: 1, accepted: 1 })).toEqual({ ok: true, status: 'declined' });
    expect(decideOffer('accepted', 'decline', { openings: 1, accepted: 1 })).toEqual({ ok: false, refusal: { reason: 'wrong-state', status: 'accepted' } });
  });
});
