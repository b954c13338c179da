import { EMPLOYMENT_FORMS, HARDSHIP_GRADES } from '@gonghui/contracts';

/**
 * A campaign's eligibility rules (资格条件): every condition must hold. A condition names a fact
 * about the person and the values that qualify. The facts come from the person's open hardship
 * file (its grade) or from the nominating roster (employment form, industry, a child in school).
 */
export type EligibilityFact = 'hardship-grade' | 'employment-form' | 'industry' | 'child-in-school';
export const ELIGIBILITY_FACTS: readonly EligibilityFact[] = ['hardship-grade', 'employment-form', 'industry', 'child-in-school'];

export type Condition =
  | { fact: 'hardship-grade' | 'employment-form' | 'industry'; anyOf: string[] }
  | { fact: 'child-in-school'; equals: boolean };

/** What is known of one person; null: not known through any of their channels. */
export interface PersonFacts {
  hardshipGrade: string | null;
  employmentForm: string | null;
  industry: string | null;
  childInSchool: boolean | null;
}

export interface RuleError {
  field: string;
  message: string;
}

const FACT_LABELS: Record<EligibilityFact, string> = {
  'hardship-grade': '困难等级',
  'employment-form': '用工形式',
  industry: '行业',
  'child-in-school': '有在读子女',
};

const KNOWN_VALUES: Partial<Record<EligibilityFact, readonly string[]>> = {
  'hardship-grade': HARDSHIP_GRADES,
  'employment-form': EMPLOYMENT_FORMS,
};

/**
 * Checks rules as sent (unknown JSON) and answers them typed, or every reason a rule cannot be
 * evaluated: an unknown fact, no values, a value the fact can never have, a yes/no fact given a list.
 */
export function parseRules(input: unknown): { ok: true; rules: Condition[] } | { ok: false; errors: RuleError[] } {
  if (!Array.isArray(input)) return { ok: false, errors: [{ field: 'eligibility', message: '资格条件须为列表 / eligibility must be a list of conditions' }] };
  const errors: RuleError[] = [];
  const rules: Condition[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const field = `eligibility[${i}]`;
    const fail = (message: string) => errors.push({ field, message });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('条件须为对象 / a condition must be an object');
    const c = raw as Record<string, unknown>;
    const fact = c.fact as EligibilityFact;
    if (!ELIGIBILITY_FACTS.includes(fact)) {
      return fail(`无法判断的条件“${String(c.fact)}”，可用：${ELIGIBILITY_FACTS.join('、')} / cannot evaluate fact "${String(c.fact)}"; known facts: ${ELIGIBILITY_FACTS.join(', ')}`);
    }
    if (seen.has(fact)) return fail(`条件“${FACT_LABELS[fact]}”重复 / fact ${fact} is given twice`);
    seen.add(fact);
    const extra = Object.keys(c).filter((k) => !['fact', 'anyOf', 'equals'].includes(k));
    if (extra.length > 0) return fail(`未知属性 ${extra.join('、')} / unknown properties: ${extra.join(', ')}`);
    if (fact === 'child-in-school') {
      if (typeof c.equals !== 'boolean' || c.anyOf !== undefined) return fail(`“${FACT_LABELS[fact]}”须用 equals: true/false / ${fact} needs equals: true or false`);
      return void rules.push({ fact, equals: c.equals });
    }
    if (c.equals !== undefined) return fail(`“${FACT_LABELS[fact]}”须用 anyOf 列出取值 / ${fact} needs anyOf, a list of values`);
    if (!Array.isArray(c.anyOf) || c.anyOf.length === 0 || c.anyOf.some((v) => typeof v !== 'string' || !v.trim())) {
      return fail(`“${FACT_LABELS[fact]}”的 anyOf 须为非空文字列表 / ${fact}.anyOf must be a non-empty list of texts`);
    }
    const known = KNOWN_VALUES[fact];
    const unknown = known ? (c.anyOf as string[]).filter((v) => !known.includes(v)) : [];
    if (unknown.length > 0) {
      return fail(`“${FACT_LABELS[fact]}”没有取值 ${unknown.join('、')}，可用：${known!.join('、')} / ${fact} can never be ${unknown.join(', ')}; known values: ${known!.join(', ')}`);
    }
    rules.push({ fact, anyOf: [...new Set((c.anyOf as string[]).map((v) => v.trim()))] });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

export type Evaluation = { outcome: 'matches' } | { outcome: 'does-not-match' | 'fact-unknown'; fact: EligibilityFact };

function factOf(facts: PersonFacts, fact: EligibilityFact): string | boolean | null {
  switch (fact) {
    case 'hardship-grade':
      return facts.hardshipGrade;
    case 'employment-form':
      return facts.employmentForm;
    case 'industry':
      return facts.industry;
    case 'child-in-school':
      return facts.childInSchool;
  }
}

/** Whether one person meets every condition; the first failing condition is named. */
export function evaluate(rules: readonly Condition[], facts: PersonFacts): Evaluation {
  for (const rule of rules) {
    const value = factOf(facts, rule.fact);
    if (value === null || value === '') return { outcome: 'fact-unknown', fact: rule.fact };
    const holds = 'equals' in rule ? value === rule.equals : rule.anyOf.includes(String(value));
    if (!holds) return { outcome: 'does-not-match', fact: rule.fact };
  }
  return { outcome: 'matches' };
}

/** The hardship grades the rules accept, or null when the rules do not ask for a grade (then nobody can be found "missed" from files). */
export function gradesSought(rules: readonly Condition[]): string[] | null {
  const rule = rules.find((r) => r.fact === 'hardship-grade');
  return rule && 'anyOf' in rule ? rule.anyOf : null;
}

/** Whether files alone can show that someone qualifies: every condition is about the hardship grade. */
export function decidableFromFiles(rules: readonly Condition[]): boolean {
  return gradesSought(rules) !== null && rules.every((r) => r.fact === 'hardship-grade');
}

export function factLabel(fact: EligibilityFact): string {
  return FACT_LABELS[fact];
}
