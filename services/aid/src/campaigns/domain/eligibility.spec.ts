import { decidableFromFiles, evaluate, gradesSought, parseRules, PersonFacts } from './eligibility';

const facts = (over: Partial<PersonFacts> = {}): PersonFacts => ({ hardshipGrade: null, employmentForm: null, industry: null, childInSchool: null, ...over });

describe('campaign eligibility rules', () => {
  it('accepts the seeds’ rules and evaluates them: all must hold, the failing fact named', () => {
    const parsed = parseRules([
      { fact: 'hardship-grade', anyOf: ['deep', 'relative'] },
      { fact: 'employment-form', anyOf: ['gig-delivery', 'gig-courier'] },
      { fact: 'child-in-school', equals: true },
    ]);
    if (!parsed.ok) throw new Error('expected rules');
    expect(evaluate(parsed.rules, facts({ hardshipGrade: 'deep', employmentForm: 'gig-courier', childInSchool: true }))).toEqual({ outcome: 'matches' });
    expect(evaluate(parsed.rules, facts({ hardshipGrade: 'sudden-accident', employmentForm: 'gig-courier', childInSchool: true }))).toEqual({ outcome: 'does-not-match', fact: 'hardship-grade' });
    expect(evaluate(parsed.rules, facts({ hardshipGrade: 'deep', employmentForm: 'gig-courier', childInSchool: false }))).toEqual({ outcome: 'does-not-match', fact: 'child-in-school' });
    expect(evaluate(parsed.rules, facts({ hardshipGrade: 'deep' }))).toEqual({ outcome: 'fact-unknown', fact: 'employment-form' });
    expect(gradesSought(parsed.rules)).toEqual(['deep', 'relative']);
    expect(decidableFromFiles(parsed.rules)).toBe(false);
  });

  it('no rules: everyone matches, and files alone decide nothing', () => {
    const parsed = parseRules([]);
    expect(parsed).toEqual({ ok: true, rules: [] });
    if (parsed.ok) {
      expect(evaluate(parsed.rules, facts())).toEqual({ outcome: 'matches' });
      expect(gradesSought(parsed.rules)).toBeNull();
    }
  });

  it('names every rule that cannot be evaluated', () => {
    const parsed = parseRules([
      { fact: 'salary', anyOf: ['low'] },
      { fact: 'hardship-grade', anyOf: ['very-deep'] },
      { fact: 'industry', anyOf: [] },
      { fact: 'child-in-school', anyOf: ['yes'] },
      { fact: 'employment-form', equals: true },
      'deep',
      { fact: 'industry', anyOf: ['construction'], weight: 2 },
    ]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(['eligibility[0]', 'eligibility[1]', 'eligibility[2]', 'eligibility[3]', 'eligibility[4]', 'eligibility[5]', 'eligibility[6]']);
    expect(parsed.errors[0].message).toContain('salary');
    expect(parsed.errors[1].message).toContain('very-deep');
    expect(parseRules({ fact: 'industry' })).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'eligibility' })] });
    expect(parseRules([{ fact: 'industry', anyOf: ['a'] }, { fact: 'industry', anyOf: ['b'] }])).toMatchObject({ ok: false, errors: [{ field: 'eligibility[1]' }] });
  });
});
