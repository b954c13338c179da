import { heldAtProblem, maySeeNotes } from './session';

describe('mediation sessions', () => {
  const now = new Date('2026-11-24T08:00:00.000Z');

  it('takes a session held up to now (a few minutes of clock drift allowed), not one in the future', () => {
    expect(heldAtProblem(new Date('2026-11-20T02:00:00.000Z'), now)).toBeNull();
    expect(heldAtProblem(new Date('2026-11-24T08:04:00.000Z'), now)).toBeNull();
    expect(heldAtProblem(new Date('2026-11-24T09:00:00.000Z'), now)).toContain('future');
    expect(heldAtProblem(new Date('nonsense'), now)).not.toBeNull();
  });

  it('shows the notes to the panel and to the centre’s personal-data officers only', () => {
    expect(maySeeNotes({ username: 'wang', roles: ['mediator'] }, ['wang', 'li'])).toBe(true);
    expect(maySeeNotes({ username: 'zhao', roles: ['mediator', 'personal-data-viewer'] }, ['wang'])).toBe(true);
    expect(maySeeNotes({ username: 'zhao', roles: ['mediator'] }, ['wang'])).toBe(false);
    expect(maySeeNotes({ username: 'zhao', roles: ['mediator'] }, [])).toBe(false);
  });
});
