import { consoleFileFor, isApiPath } from './console-paths';

describe('which paths are the console’s', () => {
  const files = new Set(['index.html', 'assets/index-abc.js', 'favicon.svg']);
  const exists = (relative: string) => files.has(relative);

  it('leaves /api/** and /health to the API', () => {
    for (const path of ['/api', '/api/v1/auth/me', '/api/docs', '/health']) expect(isApiPath(path)).toBe(true);
    for (const path of ['/', '/membership/members', '/apis', '/healthy', '/assets/index-abc.js']) expect(isApiPath(path)).toBe(false);
  });

  it('serves a file that exists, index.html for an application route, nothing for a missing asset', () => {
    expect(consoleFileFor('/', exists)).toBe('index.html');
    expect(consoleFileFor('/assets/index-abc.js', exists)).toBe('assets/index-abc.js');
    expect(consoleFileFor('/membership/members/5f0c7e2a-8d1b-4c3e-9a6f-2b7d4e1c0a93', exists)).toBe('index.html');
    expect(consoleFileFor('/assets/gone-123.js', exists)).toBeNull();
  });

  it('never leaves the build folder, whatever the encoding', () => {
    expect(consoleFileFor('/../../etc/passwd', exists)).toBe('index.html');
    expect(consoleFileFor('/%2e%2e/%2e%2e/etc/passwd', () => true)).not.toMatch(/^\.\./);
    expect(consoleFileFor('/%E0%A4%A', exists)).toBeNull();
    expect(consoleFileFor('/a%00b.js', () => true)).toBeNull();
  });
});
