import { problemFor } from './problem.filter';

const request = (language = 'zh-CN') => ({ headers: { 'accept-language': language }, url: '/api/v1/x', method: 'GET' }) as never;

describe('a database that has no connection to give', () => {
  it('is a 503 the client may retry, in the caller’s language, whether Postgres or the pool refused', () => {
    const full = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    expect(problemFor(request(), full)).toMatchObject({ status: 503, title: '服务暂不可用', detail: '数据库连接已满，请稍后重试' });
    const waited = new Error('timeout exceeded when trying to connect');
    expect(problemFor(request('en'), waited)).toMatchObject({ status: 503, title: 'Service unavailable', detail: 'The database has no free connection: try again shortly' });
  });

  it('leaves any other error a 500 without internals', () => {
    const body = problemFor(request('en'), Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    expect(body.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('relation');
  });
});
