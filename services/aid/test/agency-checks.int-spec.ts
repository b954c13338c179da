import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { nationalIdCheckCharacter } from '@gonghui/identifiers';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { testDistrict, TestDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** A resident ID whose 17th digit is `d`: the agency sandbox answers by that digit. */
const residentId = (d: number) => {
  const first17 = `5001121985031500${d}`;
  return first17 + nationalIdCheckCharacter(first17);
};
const inDays = (n: number) => chinaDate(new Date(Date.now() + n * 86_400_000));

/**
 * Agency checks under a signed consent, end to end: the aid service calls the agency sandbox,
 * started here as its own process, through the real HTTP adapter.
 */
describe('aid agency checks with consent (跨部门数据核验)', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let sandbox: ChildProcess;
  let sandboxUrl: string;
  const saved = { ...process.env };

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const agencyMode = (agency: string, mode: 'up' | 'down' | 'slow', delayMs?: number) =>
    fetch(`${sandboxUrl}/_sandbox/agencies/${agency}/mode`, { method: 'POST', body: JSON.stringify({ mode, delayMs }) }).then((r) => expect(r.status).toBe(200));

  // Checks do not depend on membership's events: each case's member is put straight into aid's
  // member directory (the read model those events keep), which keeps this file off the broker.
  const openFile = async (d: TestDistrict) => {
    const memberId = randomUUID();
    await runtime.dataSource.query(`INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status) VALUES ($1, $2, $3, 'active')`, [memberId, d.orgUnitId, d.path]);
    const file = (await post('/api/v1/aid/hardship-files', officerOf(d), { memberId, cause: 'illness', visit: SAMPLE_VISIT }).expect(201)).body;
    return { memberId, fileId: file.id as string };
  };
  const consent = (over: object = {}) => ({
    signerName: '张秀英',
    signerNationalId: residentId(0),
    relation: 'self',
    scope: ['household-registration', 'minimum-living', 'medical-insurance'],
    signedOn: inDays(-5),
    expiresOn: inDays(180),
    ...over,
  });

  beforeAll(async () => {
    sandbox = fork(path.join(__dirname, '../../../infra/agency-sandbox/server.mjs'), ['--port', '0'], { stdio: 'ignore' });
    const port = await new Promise<number>((resolve, reject) => {
      sandbox.once('message', (m: { port: number }) => resolve(m.port));
      sandbox.once('exit', (code) => reject(new Error(`agency sandbox exited with ${code}`)));
    });
    sandboxUrl = `http://127.0.0.1:${port}`;
    process.env.AID_AGENCY_PUBLIC_SECURITY_URL = `${sandboxUrl}/public-security`;
    process.env.AID_AGENCY_CIVIL_AFFAIRS_URL = `${sandboxUrl}/civil-affairs`;
    process.env.AID_AGENCY_MEDICAL_SECURITY_URL = `${sandboxUrl}/medical-security/`;
    process.env.AID_AGENCY_REAL_ESTATE_URL = `${sandboxUrl}/real-estate-registry`;
    process.env.AID_AGENCY_VEHICLE_URL = 'http://127.0.0.1:9/vehicle-administration'; // nothing listens: unreachable
    process.env.AID_AGENCY_TIMEOUT_MS = '800';
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
  });

  afterAll(async () => {
    process.env = saved;
    await app?.close();
    sandbox?.kill();
  });

  it('records a consent with the signer sealed, runs the checks it covers through the agencies and shows them on the file and the application', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const { fileId } = await openFile(d);

    const recorded = (await post(`/api/v1/aid/hardship-files/${fileId}/consents`, token, consent()).expect(201)).body;
    expect(recorded).toMatchObject({ fileId, relation: 'self', maskedNationalId: '5001**********0007', state: 'in-force', scope: ['household-registration', 'minimum-living', 'medical-insurance'] });
    expect(JSON.stringify(recorded)).not.toContain('张秀英');
    const [stored] = await runtime.dataSource.query('SELECT signer_cipher FROM agency_consents WHERE id = $1', [recorded.id]);
    expect(stored.signer_cipher).not.toContain(residentId(0));
    expect(stored.signer_cipher).not.toContain('张秀英');

    // a check outside the consent's scope: refused, nothing recorded
    const outside = (await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId: recorded.id, kinds: ['minimum-living', 'vehicle'] }).expect(422)).body;
    expect(outside.type).toMatch(/consent-out-of-scope$/);
    expect((await get(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token).expect(200)).body.items).toEqual([]);

    const run = (await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId: recorded.id, kinds: ['household-registration', 'minimum-living', 'medical-insurance'] }).expect(201)).body.items;
    const byKind = Object.fromEntries(run.map((c: { kind: string }) => [c.kind, c]));
    expect(byKind['household-registration']).toMatchObject({ status: 'completed', agency: 'public-security', result: { registered: true, region: '500112', householdSize: 1 }, attempts: 1 });
    expect(byKind['minimum-living']).toMatchObject({ status: 'completed', result: { receiving: true, monthlyAllowanceFen: 69000 } });
    expect(byKind['minimum-living'].agencyReference).toMatch(/^MZ-SANDBOX-/);
    expect(byKind['minimum-living'].source).toBe(`civil-affairs ${sandboxUrl}`);
    expect(byKind['medical-insurance']).toMatchObject({ status: 'completed', result: { settlements12Months: 0 } });
    expect(byKind['medical-insurance'].checkedAt).toMatch(/\+08:00$/);

    const onFile = (await get(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token).expect(200)).body.items;
    expect(onFile.map((c: { status: string }) => c.status)).toEqual(['completed', 'completed', 'completed']);
    const application = (await post('/api/v1/aid/applications', token, { hardshipFileId: fileId, kind: 'living', requestedAmountFen: 300_000, reason: '家庭收入低于低保标准', documents: [{ name: '户口簿', kind: 'household' }] }).expect(201)).body;
    expect((await get(`/api/v1/aid/applications/${application.id}/agency-checks`, token).expect(200)).body.items.map((c: { id: string }) => c.id).sort()).toEqual(run.map((c: { id: string }) => c.id).sort());
    // another district sees none of it
    const other = officerOf(testDistrict());
    await get(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, other).expect(404);
    await get(`/api/v1/aid/agency-checks/${run[0].id}`, other).expect(404);
    await get(`/api/v1/aid/applications/${application.id}/agency-checks`, other).expect(404);
  });

  it('records an agency that is down, slow or unreachable as a failed check with its reason, retryable, never a 500', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const { fileId } = await openFile(d);
    const { id: consentId } = (await post(`/api/v1/aid/hardship-files/${fileId}/consents`, token, consent({ signerNationalId: residentId(8), relation: 'spouse', scope: ['minimum-living', 'medical-insurance', 'property', 'vehicle'] })).expect(201)).body;

    await agencyMode('civil-affairs', 'down');
    await agencyMode('medical-security', 'slow', 3000);
    try {
      const started = Date.now();
      const run = (await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId, kinds: ['minimum-living', 'medical-insurance', 'property', 'vehicle'] }).expect(201)).body.items;
      expect(Date.now() - started).toBeLessThan(2500); // the slow agency is cut off at the timeout
      const byKind = Object.fromEntries(run.map((c: { kind: string }) => [c.kind, c]));
      expect(byKind['minimum-living']).toMatchObject({ status: 'failed', result: null });
      expect(byKind['minimum-living'].failureReason).toContain('HTTP 503');
      expect(byKind['medical-insurance'].status).toBe('failed');
      expect(byKind['medical-insurance'].failureReason).toContain('800');
      expect(byKind.vehicle.status).toBe('failed');
      expect(byKind.vehicle.failureReason).toContain('unreachable');
      expect(byKind.property).toMatchObject({ status: 'completed', result: { properties: 2 } });

      // the completed one is final; the failed one is retried once the agency is back
      expect((await post(`/api/v1/aid/agency-checks/${byKind.property.id}/retry`, token).expect(409)).body.type).toMatch(/check-not-retryable$/);
      await agencyMode('civil-affairs', 'up');
      const retried = (await post(`/api/v1/aid/agency-checks/${byKind['minimum-living'].id}/retry`, token).expect(200)).body;
      expect(retried).toMatchObject({ status: 'completed', attempts: 2, failureReason: null, result: { receiving: false } });
      expect((await get(`/api/v1/aid/agency-checks/${retried.id}`, token).expect(200)).body).toMatchObject({ status: 'completed', attempts: 2 });
    } finally {
      await agencyMode('civil-affairs', 'up');
      await agencyMode('medical-security', 'up');
    }
  });

  it('runs no check without a valid consent: expired, revoked, of another file, or with bad terms', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const { fileId } = await openFile(d);
    const { fileId: otherFile } = await openFile(d);

    // bad terms are a 400 naming the field; nothing is recorded
    const bad = async (over: object, field: string) =>
      expect((await post(`/api/v1/aid/hardship-files/${fileId}/consents`, token, consent(over)).expect(400)).body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await bad({ signedOn: inDays(-400), expiresOn: inDays(-40) }, 'expiresOn');
    await bad({ expiresOn: inDays(400) }, 'expiresOn');
    await bad({ signedOn: inDays(2) }, 'signedOn');
    await bad({ signerNationalId: '500112198503150008' }, 'signerNationalId');
    await bad({ scope: ['household-registration', 'passport'] }, 'scope');
    expect((await get(`/api/v1/aid/hardship-files/${fileId}/consents`, token).expect(200)).body.items).toEqual([]);

    const { id: consentId } = (await post(`/api/v1/aid/hardship-files/${fileId}/consents`, token, consent({ scope: ['minimum-living'] })).expect(201)).body;
    // a consent of another file does not cover this one
    await post(`/api/v1/aid/hardship-files/${otherFile}/agency-checks`, token, { consentId, kinds: ['minimum-living'] }).expect(404);

    await agencyMode('civil-affairs', 'down');
    const failed = (await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId, kinds: ['minimum-living'] }).expect(201)).body.items[0];
    await agencyMode('civil-affairs', 'up');
    expect(failed.status).toBe('failed');

    // time passes: the consent's last day is behind us
    await runtime.dataSource.query('UPDATE agency_consents SET signed_on = $2, expires_on = $3 WHERE id = $1', [consentId, inDays(-200), inDays(-1)]);
    const expired = (await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId, kinds: ['minimum-living'] }).expect(422)).body;
    expect(expired.type).toMatch(/consent-expired$/);
    expect(expired.detail).toContain(inDays(-1));
    expect((await request(server()).post(`/api/v1/aid/agency-checks/${failed.id}/retry`).set('authorization', token).set('accept-language', 'en').expect(422)).body.detail).toContain('expired');
    expect((await get(`/api/v1/aid/hardship-files/${fileId}/consents`, token).expect(200)).body.items[0].state).toBe('expired');

    const { id: fresh } = (await post(`/api/v1/aid/hardship-files/${fileId}/consents`, token, consent({ scope: ['minimum-living'] })).expect(201)).body;
    expect((await post(`/api/v1/aid/agency-consents/${fresh}/revoke`, token).expect(200)).body.state).toBe('revoked');
    await post(`/api/v1/aid/agency-consents/${fresh}/revoke`, token).expect(409);
    expect((await post(`/api/v1/aid/hardship-files/${fileId}/agency-checks`, token, { consentId: fresh, kinds: ['minimum-living'] }).expect(422)).body.type).toMatch(/consent-revoked$/);
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM agency_checks WHERE file_id = $1', [fileId]);
    expect(n).toBe(1);
  });
});
