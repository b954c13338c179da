import fs from 'node:fs';
import path from 'node:path';
import { allTopics } from '@gonghui/contracts';
import { createKafka, deadLetterReplayMigrations, kafkaSettingsFromEnv, OPERATIONS_SCHEMA, prepareReplayRecord, replayDeadLetters } from '@gonghui/messaging';
import { createServiceDataSource } from '@gonghui/persistence';
import { adminUrlFromEnv, migrateAll, provisionDatabase, REPO_ROOT, serviceDatabaseUrl, SERVICES } from './provision';
import { createTopics } from './topics';
import { portsOf, startSystem } from './system';
import { seedDemoFederation } from './demo-seed';
import { makeNationalId, Sex } from './demo-people';

/**
 * `node infra/dist/cli.js <command>`, used by infra/scripts/up.sh and down.sh:
 *   provision  database, roles, schemas, then every service's migrations
 *   topics     every event topic and its dead-letter topic
 *   start      every service in the background (logs in .local/logs), waits until healthy
 *   stop       stops what `start` started
 *   seed       the demo federation, through the gateway
 *   national-id [--region 500112] [--born 1988-03-15] [--sex f|m]
 *              prints a valid, synthetic resident ID (default: 渝北区, a random adult, random sex)
 *   replay-dead-letters [--consumer aid.member-directory] [--topic gonghui.membership.member.v1] [--event-id <id>] [--dry-run]
 *              publishes dead-lettered events again, once their cause is fixed; each (consumer, event) once
 *              (recorded in the `ops` schema); --dry-run lists them (docs/operations.md, Runbook)
 */
const PID_DIR = path.join(REPO_ROOT, '.local', 'pids');
const LOG_DIR = path.join(REPO_ROOT, '.local', 'logs');

function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const [key, inline] = args[i].split('=', 2);
    if (!key.startsWith('--')) throw new Error(`unexpected argument ${args[i]}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${key} needs a value`);
    out[key.slice(2)] = value;
  }
  return out;
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  if (command === 'national-id') {
    const { region, born, sex, ...rest } = flags(args);
    if (Object.keys(rest).length) throw new Error(`unknown option --${Object.keys(rest)[0]}; use --region, --born, --sex`);
    console.log(makeNationalId({ region, born, sex: sex as Sex | undefined }));
    return;
  }
  const adminUrl = adminUrlFromEnv();
  switch (command) {
    case 'replay-dead-letters':
      await replayCommand(adminUrl, args);
      return;
    case 'provision':
      await provisionDatabase(adminUrl);
      await migrateAll(adminUrl);
      return;
    case 'topics': {
      const created = await createTopics(kafkaSettingsFromEnv('gonghui-infra'));
      console.log(created.length ? `created topics: ${created.join(', ')}` : 'all topics exist');
      return;
    }
    case 'start': {
      await stop();
      const system = await startSystem({ adminUrl, logDir: LOG_DIR, detached: true });
      fs.mkdirSync(PID_DIR, { recursive: true });
      for (const [service, child] of Object.entries(system.processes)) fs.writeFileSync(path.join(PID_DIR, `${service}.pid`), String(child.pid));
      return;
    }
    case 'stop':
      await stop();
      return;
    case 'seed': {
      const url = `http://127.0.0.1:${portsOf({}).gateway}`;
      const report = await seedDemoFederation(url, undefined, undefined, undefined, { membershipDatabaseUrl: serviceDatabaseUrl(adminUrl, 'membership') });
      console.log(report.alreadySeeded ? 'demo federation already seeded' : `seeded ${report.units} organisation units and ${report.members} members`);
      return;
    }
    default:
      throw new Error(`unknown command ${command}; use provision | topics | start | stop | seed | national-id | replay-dead-letters`);
  }
}

async function replayCommand(adminUrl: string, args: string[]): Promise<void> {
  const dryRun = args.includes('--dry-run');
  const { consumer, topic, 'event-id': eventId, ...rest } = flags(args.filter((a) => a !== '--dry-run'));
  if (Object.keys(rest).length) throw new Error(`unknown option --${Object.keys(rest)[0]}; use --consumer, --topic, --event-id, --dry-run`);
  const settings = kafkaSettingsFromEnv('gonghui-dead-letter-replay');
  const dataSource = createServiceDataSource({ url: adminUrl, schema: OPERATIONS_SCHEMA, entities: [], migrations: deadLetterReplayMigrations, poolSize: 2, applicationName: 'gonghui-dead-letter-replay' });
  await dataSource.initialize();
  try {
    await prepareReplayRecord(dataSource);
    const topics = topic ? [topic] : allTopics().filter((t) => !t.endsWith('.dlt'));
    const report = await replayDeadLetters({ kafka: createKafka(settings), dataSource, topics, topicPrefix: settings.topicPrefix, consumer, eventId, dryRun });
    for (const r of report.replayed) console.log(`${dryRun ? 'would replay' : 'replayed'} ${r.eventType ?? '?'} ${r.eventId} for ${r.consumer} on ${r.topic}`);
    console.log(`${report.found} dead-lettered event(s) found, ${report.replayed.length} ${dryRun ? 'to replay' : 'replayed'}, ${report.alreadyReplayed} replayed before`);
  } finally {
    await dataSource.destroy();
  }
}

async function stop(): Promise<void> {
  for (const service of SERVICES) {
    const file = path.join(PID_DIR, `${service}.pid`);
    if (!fs.existsSync(file)) continue;
    const pid = Number(fs.readFileSync(file, 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 50; i++) {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 200));
      }
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(file, { force: true });
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
