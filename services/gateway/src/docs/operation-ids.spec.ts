import { duplicateOperationIds, prefixOperationIds } from './operation-ids';

describe('operationIds of the merged OpenAPI document', () => {
  const sessionsOf = () => ({ '/api/v1/x/sessions': { get: { operationId: 'SessionsController_list' }, post: { operationId: 'SessionsController_create' } } });

  it('finds two services’ controllers of one name sharing an id', () => {
    const merged = { ...sessionsOf(), '/api/v1/y/cases/{id}/sessions': { get: { operationId: 'SessionsController_list' } } };
    expect(duplicateOperationIds(merged)).toEqual({ SessionsController_list: ['GET /api/v1/x/sessions', 'GET /api/v1/y/cases/{id}/sessions'] });
  });

  it('prefixes every operation with its service, so they no longer collide, and only once', () => {
    const training = sessionsOf();
    const mediation = { '/api/v1/mediation/cases/{id}/sessions': { get: { operationId: 'SessionsController_list' }, parameters: [] } as never };
    prefixOperationIds(training, 'training');
    prefixOperationIds(mediation, 'mediation');
    prefixOperationIds(mediation, 'mediation');
    expect(training['/api/v1/x/sessions']).toEqual({ get: { operationId: 'training.SessionsController_list' }, post: { operationId: 'training.SessionsController_create' } });
    expect(mediation['/api/v1/mediation/cases/{id}/sessions']).toEqual({ get: { operationId: 'mediation.SessionsController_list' }, parameters: [] });
    expect(duplicateOperationIds({ ...training, ...mediation })).toEqual({});
  });

  it('leaves an operation without an id as it is', () => {
    const paths = { '/api/v1/z': { get: { summary: 'no id' } as never } };
    prefixOperationIds(paths, 'aid');
    expect(paths['/api/v1/z'].get).toEqual({ summary: 'no id' });
  });
});
