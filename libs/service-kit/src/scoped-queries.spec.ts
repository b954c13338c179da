import { afterPosition } from './scoped-queries';

describe('afterPosition (the keyset page condition after a cursor)', () => {
  const columns = { time: 'c.openedAt', id: 'c.id' };

  it('takes the later rows when the list is oldest first, the default', () => {
    expect(afterPosition(columns)).toBe('(c.openedAt, c.id) > (:afterTime, :afterId)');
    expect(afterPosition({ ...columns, direction: 'ASC' })).toBe('(c.openedAt, c.id) > (:afterTime, :afterId)');
  });

  it('takes the earlier rows when the list is newest first, still comparing (time, id) as one row so ties on time page by id', () => {
    expect(afterPosition({ ...columns, direction: 'DESC' })).toBe('(c.openedAt, c.id) < (:afterTime, :afterId)');
  });
});
