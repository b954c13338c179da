import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DEVELOPMENT_JWT_SECRET } from '@gonghui/service-kit';
import { http as call, tokenFor } from '@gonghui/testing';
import { createServiceProxy, serveProxyFirst } from '../src/proxy/service-proxy';

/** The gateway's proxy over real sockets: a stand-in service behind it, and the gateway's own routes beside it. */
describe('gateway service proxy', () => {
  const token = tokenFor();
  let service: http.Server;
  let gateway: http.Server;
  let gatewayUrl: string;
  let received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  const listen = async (server: http.Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    service = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(201, { 'content-type': 'application/json', 'x-from': 'service' }).end('{"ok":true}');
      });
    });
    const serviceUrl = await listen(service);
    gateway = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('gateway route'));
    serveProxyFirst(gateway, createServiceProxy({ membership: serviceUrl, aid: 'http://127.0.0.1:1', training: serviceUrl, mediation: serviceUrl }, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET));
    gatewayUrl = await listen(gateway);
  });

  beforeEach(() => (received = []));

  afterAll(async () => {
    gateway?.closeAllConnections();
    service?.closeAllConnections();
    await new Promise((r) => gateway?.close(r));
    await new Promise((r) => service?.close(r));
  });

  it('passes a call through with its body, query, status and headers, and a request id both ways', async () => {
    const res = await call('POST', `${gatewayUrl}/api/v1/membership/members?x=1`, { token, body: { name: '张三' }, headers: { 'x-request-id': 'abc-123' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get('x-from')).toBe('service');
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/v1/membership/members?x=1', body: '{"name":"张三"}' });
    expect(received[0].headers).toMatchObject({ 'x-request-id': 'abc-123', authorization: `Bearer ${token}`, 'x-forwarded-proto': 'http' });
    expect(received[0].headers['x-forwarded-for']).toContain('127.0.0.1');
  });

  it('refuses a call without a valid token before it reaches the service', async () => {
    const missing = await call('GET', `${gatewayUrl}/api/v1/training/sessions`);
    const forged = await call('GET', `${gatewayUrl}/api/v1/training/sessions`, { token: tokenFor({}).slice(0, -4) + 'AAAA' });
    for (const res of [missing, forged]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    }
    expect(received).toEqual([]);
  });

  it('answers 503 problem+json naming the service when it cannot be reached', async () => {
    const res = await call('GET', `${gatewayUrl}/api/v1/aid/hardship-files`, { token });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 503, instance: '/api/v1/aid/hardship-files' });
    expect(res.body.type).toContain('service-unavailable');
    expect(res.body.detail).toContain('aid');
  });

  it('leaves other paths, and unknown services, to the gateway’s own routes', async () => {
    for (const path of ['/api/v1/auth/token', '/api/v1/payroll/things', '/health']) {
      const res = await fetch(`${gatewayUrl}${path}`);
      expect(await res.text()).toBe('gateway route');
    }
    expect(received).toEqual([]);
  });
});
