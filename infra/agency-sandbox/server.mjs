// AGENCY SANDBOX — a fake of other agencies' check APIs, for the demo and the tests only.
// It is NOT a real agency and holds no real data: every answer is made up from the resident ID
// by the fixed rules below, so tests and the demo can predict it. See docs/aid.md (Agency checks).
//
//   node infra/agency-sandbox/server.mjs [--port 3090]     (AGENCY_SANDBOX_PORT; 0 = any free port; AGENCY_SANDBOX_HOST, default 127.0.0.1)
//
// One process serves every agency under its own path; an agency's base URL is
// http://127.0.0.1:<port>/<agency>, e.g. AID_AGENCY_CIVIL_AFFAIRS_URL=http://127.0.0.1:3090/civil-affairs
//
//   POST /<agency>/v1/checks  {checkId, kind, nationalId, name, consent: {id, expiresOn}}
//     200 {reference, checkedAt, result}      400 {error} for a malformed request or a kind the agency does not answer
//   POST /_sandbox/agencies/<agency>/mode  {mode: "up" | "down" | "slow", delayMs?}   make an agency fail (503) or slow
//   GET  /health
//
// Rules, on d = the 17th character of the resident ID (the last digit before the check character):
//   household-registration  (public-security)        registered unless d = 9; householdSize = 1 + d mod 4; region = first 6 digits
//   minimum-living          (civil-affairs)          receiving 低保 when d <= 2: 69,000 fen a month since 2024-03-01
//   medical-insurance       (medical-security)       d mod 5 settlements in the past 12 months, 1,250,000 fen each, 30% self-paid
//   property                (real-estate-registry)   d >= 7: d - 6 properties; otherwise none
//   vehicle                 (vehicle-administration) d >= 8: one vehicle; otherwise none
import { createServer } from 'node:http';
import { setTimeout } from 'node:timers';
import { URL } from 'node:url';

const AGENCIES = {
  'public-security': 'household-registration',
  'civil-affairs': 'minimum-living',
  'medical-security': 'medical-insurance',
  'real-estate-registry': 'property',
  'vehicle-administration': 'vehicle',
};
const PREFIX = { 'public-security': 'GA', 'civil-affairs': 'MZ', 'medical-security': 'YB', 'real-estate-registry': 'BDC', 'vehicle-administration': 'CG' };
const modes = new Map(Object.keys(AGENCIES).map((a) => [a, { mode: 'up', delayMs: 0 }]));
let sequence = 0;

export function answer(kind, nationalId) {
  const d = Number(nationalId[16]);
  switch (kind) {
    case 'household-registration':
      return d === 9 ? { registered: false } : { registered: true, region: nationalId.slice(0, 6), householdSize: 1 + (d % 4) };
    case 'minimum-living':
      return d <= 2 ? { receiving: true, monthlyAllowanceFen: 69000, since: '2024-03-01' } : { receiving: false };
    case 'medical-insurance': {
      const settlements = d % 5;
      return { settlements12Months: settlements, totalFen: settlements * 1250000, selfPaidFen: settlements * 375000 };
    }
    case 'property':
      return { properties: d >= 7 ? d - 6 : 0 };
    case 'vehicle':
      return { vehicles: d >= 8 ? 1 : 0 };
  }
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-sandbox': 'gonghui agency sandbox: fake data, not a real agency' });
  res.end(JSON.stringify(body));
}

function readJson(req) {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 65536) req.destroy();
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(null);
      }
    });
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok', sandbox: true, agencies: Object.keys(AGENCIES) });

  const mode = url.pathname.match(/^\/_sandbox\/agencies\/([a-z-]+)\/mode$/);
  if (req.method === 'POST' && mode && modes.has(mode[1])) {
    const body = await readJson(req);
    if (!body || !['up', 'down', 'slow'].includes(body.mode)) return send(res, 400, { error: 'mode must be up, down or slow' });
    modes.set(mode[1], { mode: body.mode, delayMs: Number.isInteger(body.delayMs) ? body.delayMs : 30000 });
    return send(res, 200, { agency: mode[1], ...modes.get(mode[1]) });
  }

  const check = url.pathname.match(/^\/([a-z-]+)\/v1\/checks$/);
  if (req.method === 'POST' && check && AGENCIES[check[1]]) {
    const agency = check[1];
    const body = await readJson(req);
    const state = modes.get(agency);
    if (state.mode === 'down') return send(res, 503, { error: `${agency} is down (sandbox mode)` });
    if (state.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (!body || typeof body.nationalId !== 'string' || !/^\d{17}[\dX]$/.test(body.nationalId) || typeof body.name !== 'string') {
      return send(res, 400, { error: 'nationalId (18 characters) and name are required' });
    }
    if (body.kind !== AGENCIES[agency]) return send(res, 400, { error: `${agency} answers ${AGENCIES[agency]} checks only` });
    sequence += 1;
    // no personal data in the log: the agency, the kind and the sequence only
    console.log(`${new Date().toISOString()} ${agency} ${body.kind} #${sequence}`);
    return send(res, 200, { reference: `${PREFIX[agency]}-SANDBOX-${String(sequence).padStart(6, '0')}`, checkedAt: new Date().toISOString(), result: answer(body.kind, body.nationalId) });
  }
  send(res, 404, { error: 'not found' });
});

const portArg = process.argv.indexOf('--port');
const port = Number(portArg >= 0 ? process.argv[portArg + 1] : (process.env.AGENCY_SANDBOX_PORT ?? 3090));
// 127.0.0.1 unless told otherwise (AGENCY_SANDBOX_HOST=0.0.0.0 in a container, for the other containers).
const host = process.env.AGENCY_SANDBOX_HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const actual = server.address().port;
  console.log(`agency sandbox (fake agencies, demo and tests only) listening on http://${host}:${actual}`);
  if (process.send) process.send({ port: actual });
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
process.on('disconnect', () => server.close(() => process.exit(0)));
