import { publicationId } from './kafka';

describe('publication identity (what the publisher never sends twice)', () => {
  it('is the event id for an event', () => {
    expect(publicationId({ ce_id: 'e1', ce_type: 't' })).toBe('e1');
  });

  it('tells apart the dead-lettered copies of one event made by different consumers', () => {
    const byAid = publicationId({ ce_id: 'e1', dlt_consumer: 'aid.member-directory' });
    const byTraining = publicationId({ ce_id: 'e1', dlt_consumer: 'training.member-directory' });
    expect(byAid).not.toBe(byTraining);
    expect(byAid).not.toBe(publicationId({ ce_id: 'e1' }));
    expect(byAid).toBe(publicationId({ ce_id: 'e1', dlt_consumer: 'aid.member-directory', dlt_offset: '7' }));
  });

  it('is none for a message that is not a CloudEvent, so such a message is never held back', () => {
    expect(publicationId({ dlt_consumer: 'aid.member-directory' })).toBeUndefined();
  });
});
