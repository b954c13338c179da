import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemberEnrolledV1 } from '@gonghui/contracts';
import { isValidNationalId, syntheticNationalId } from '@gonghui/identifiers';
import { RunningSystem, seedDemoFederation, serviceDatabaseUrl, startSystem } from '@gonghui/infra';
import { eventually, http } from '@gonghui/testing';
import { ADMIN_CREDENTIALS, freeServicePorts, login, ownDatabase } from './support/system';

/**
 * Operations as the federation's operations team sees them, on the whole system as processes
 * with the demo seeded: /metrics of every service moving with an enrolment, the enrolment's
 * trace id in the gateway's, membership's and every consumer's log lines, metrics through the
 * gateway for the admin only, and no personal data in any log line of the run.
 */
const DOMAIN_SERVICES = ['membership', 'aid', 'training', 'mediation'] as const;
const CONSUMERS = ['aid', 'training', 'mediation'] as const;

/** The sum of a series' samples whose labels include all of `labels`; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total = (total ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

interface LogLine {
  msg?: string;
  traceId?: string;
  requestId?: string;
  consumer?: string;
  route?: string;
  eventType?: string;
  [key: string]: unknown;
}

describe('operations: metrics, logs and traces', () => {
  let system: RunningSystem;
  let gw: string;
  let admin: string;
  let logDir: string;
  const tag = Date.now().toString(36);
  const nationalId = syntheticNationalId(5_000_000 + Math.floor(Math.random() * 1_000_000));
  const mobile = `1391${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

  const scrape = async (service: string) => {
    const res = await fetch(`${system.urls[service as keyof typeof system.urls]}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };
  const logLines = (service: string): LogLine[] =>
    fs
      .readFileSync(path.join(logDir, `${service}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    // Debug: the services' own request lines and the consumers' `event handled` lines are debug (the
    // gateway's access log is info); an operator following a trace turns them on the same way.
    const databaseUrl = await ownDatabase('obs');
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-obs-logs-'));
    system = await startSystem({ adminUrl: databaseUrl, ports: await freeServicePorts(), logDir, env: { ...process.env, LOG_LEVEL: 'debug' } });
    gw = system.urls.gateway;
    // A small demo federation: members enrolled one by one and by roster, hardship files with health and income, bank accounts.
    await seedDemoFederation(gw, { ...ADMIN_CREDENTIALS }, 40, () => undefined, { rosterSize: 20, membershipDatabaseUrl: serviceDatabaseUrl(databaseUrl, 'membership') });
    admin = (await login(gw)).body.accessToken;
  }, 480_000);

  afterAll(async () => {
    await system?.stop();
    // KEEP_TEST_LOGS=1 keeps the run's log files to look into (the path is in the failure).
    if (logDir && !process.env.KEEP_TEST_LOGS) fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('moves the metrics of every service when one member is enrolled, and follows the enrolment by its trace id into every consumer', async () => {
    const before = Object.fromEntries(await Promise.all(DOMAIN_SERVICES.map(async (s) => [s, await scrape(s)] as const)));
    const units = await http('GET', `${gw}/api/v1/membership/org-units?limit=500`, { token: admin });
    const union = (units.body.items as { id: string; kind: string }[]).find((u) => u.kind === 'industry')!;
    const traceId = randomBytes(16).toString('hex');
    const enrolled = await http('POST', `${gw}/api/v1/membership/members`, {
      token: admin,
      body: { name: '观测', nationalId, mobile, orgUnitId: union.id, employmentForm: 'gig-ride-hailing' },
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, 'x-request-id': `obs-${tag}` },
    });
    expect(enrolled.status).toBe(201);

    const enrolRoute = { method: 'POST', route: '/api/v1/membership/members', status: '201' };
    const enrolledType = { type: MemberEnrolledV1.type };
    await eventually(async () => {
      const membership = await scrape('membership');
      expect(sample(membership, 'http_requests_total', enrolRoute)).toBeGreaterThan(sample(before.membership, 'http_requests_total', enrolRoute) ?? 0);
      expect(sample(membership, 'http_request_duration_seconds_count', { route: '/api/v1/membership/members', status_class: '2xx' })).toBeGreaterThan(0);
      expect(sample(membership, 'gonghui_events_published_total', enrolledType)).toBeGreaterThan(sample(before.membership, 'gonghui_events_published_total', enrolledType) ?? 0);
      expect(sample(membership, 'gonghui_outbox_backlog')).toBeGreaterThanOrEqual(0);
      expect(sample(membership, 'gonghui_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(membership, 'gonghui_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
      expect(sample(membership, 'gonghui_members', { status: 'active' })).toBeGreaterThan(40);
      for (const service of CONSUMERS) {
        const text = await scrape(service);
        const handled = { group: `${service}.member-directory`, ...enrolledType };
        expect(sample(text, 'gonghui_events_handled_total', handled)).toBeGreaterThan(sample(before[service], 'gonghui_events_handled_total', handled) ?? 0);
        expect(sample(text, 'gonghui_consumer_lag', { group: `${service}.member-directory` })).toBeGreaterThanOrEqual(0);
        expect(text).toContain('# TYPE gonghui_events_dead_lettered_total counter');
      }
    }, 60_000, 300);
    // The business figures: each service's gauge, read at the scrape.
    expect(await scrape('aid')).toContain('# TYPE gonghui_aid_applications gauge');
    expect(sample(await scrape('training'), 'gonghui_training_bookings')).toBeGreaterThan(0);
    expect(sample(await scrape('mediation'), 'gonghui_mediation_cases')).toBeGreaterThan(0);

    // One trace: the gateway's request line, membership's, and each consumer's line for the event.
    await eventually(() => {
      const traced = (service: string) => logLines(service).filter((line) => line.traceId === traceId);
      expect(traced('gateway')).toContainEqual(expect.objectContaining({ msg: 'request', route: '/api/v1/membership/*', requestId: `obs-${tag}`, status: 201 }));
      expect(traced('membership')).toContainEqual(expect.objectContaining({ msg: 'request', route: '/api/v1/membership/members', requestId: `obs-${tag}`, status: 201 }));
      for (const service of CONSUMERS) {
        expect(traced(service)).toContainEqual(expect.objectContaining({ msg: 'event handled', consumer: `${service}.member-directory`, eventType: MemberEnrolledV1.type }));
      }
    }, 30_000, 300);
  });

  it('serves metrics through the gateway to the federation admin only', async () => {
    const membership = await http('GET', `${gw}/api/v1/ops/metrics/membership`, { token: admin });
    expect(membership.status).toBe(200);
    expect(membership.headers.get('content-type')).toContain('text/plain');
    expect(String(membership.body)).toContain('http_requests_total{');
    const own = await http('GET', `${gw}/api/v1/ops/metrics/gateway`, { token: admin });
    expect(sample(String(own.body), 'http_requests_total', { route: '/api/v1/membership/*', service: 'gateway' })).toBeGreaterThan(0);

    const officer = await login(gw, { username: 'yubei.officer', password: ADMIN_CREDENTIALS.password });
    expect(officer.status).toBe(200);
    expect((await http('GET', `${gw}/api/v1/ops/metrics/membership`, { token: officer.body.accessToken })).status).toBe(403);
    expect((await http('GET', `${gw}/api/v1/ops/metrics/membership`)).status).toBe(401);
    expect((await http('GET', `${gw}/api/v1/ops/metrics/payroll`, { token: admin })).status).toBe(404);
    // The gateway's port is public: it has no /metrics of its own, and never proxies a service's.
    const open = await fetch(`${gw}/metrics`);
    expect(await open.text()).not.toContain('# TYPE');
    const proxied = await http('GET', `${gw}/api/v1/membership/metrics`, { token: admin });
    expect(JSON.stringify(proxied.body ?? '')).not.toContain('# TYPE');
  });

  it('writes one JSON line per request and handled event, and no resident ID, mobile, health, income or bank detail in any line', async () => {
    const files = fs.readdirSync(logDir).filter((f) => f.endsWith('.log'));
    expect(files.sort()).toEqual(['aid.log', 'gateway.log', 'mediation.log', 'membership.log', 'training.log']);
    const text = files.map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('\n');
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    // Node's own warnings ("(node:123) …") are the only lines a service does not write through pino.
    const notJson = lines.filter((line) => !line.startsWith('(node:') && !/^\s/.test(line)).filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const parsed = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);
    expect(parsed.filter((l) => l.msg === 'request').length).toBeGreaterThan(100);
    expect(parsed.filter((l) => l.msg === 'event handled').length).toBeGreaterThan(100);

    // What this run sent: the enrolled member, and the demo's people (every valid resident ID and mobile), bank accounts, health and income.
    const found: string[] = [];
    for (const match of text.matchAll(/(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g)) if (isValidNationalId(match[0])) found.push(match[0]);
    for (const match of text.matchAll(/(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])/g)) found.push(match[0]);
    for (const match of text.matchAll(/(?<![0-9A-Za-z])62[0-9]{14,17}(?![0-9A-Za-z])/g)) found.push(match[0]);
    for (const secret of [nationalId, mobile, '6222021234567890123', '6227003811110000123', '尿毒症', '腰椎间盘突出', '骨折', '肢体三级残疾', '本人工资，丈夫无业', 'monthlyHouseholdIncomeFen']) {
      if (text.includes(secret)) found.push(secret);
    }
    expect(found).toEqual([]);
  });
});
