import fs from 'node:fs';
import path from 'node:path';
import { kafkaSettingsFromEnv } from '@gonghui/messaging';
import { adminUrlFromEnv, migrateAll, provisionDatabase, REPO_ROOT, SERVICES } from './provision';
import { createTopics } from './topics';
import { portsOf, startSystem } from './system';
import { seedDemoFederation } from './demo-seed';

/**
 * `node infra/dist/cli.js <command>`, used by infra/scripts/up.sh and down.sh:
 *   provision  database, roles, schemas, then every service's migrations
 *   topics     every event topic and its dead-letter topic
 *   start      every service in the background (logs in .local/logs), waits until healthy
 *   stop       stops what `start` started
 *   seed       the demo federation, through the gateway
 */
const PID_DIR = path.join(REPO_ROOT, '.local', 'pids');
const LOG_DIR = path.join(REPO_ROOT, '.local', 'logs');

async function main(command: string | undefined): Promise<void> {
  const adminUrl = adminUrlFromEnv();
  switch (command) {
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
      const report = await seedDemoFederation(url);
      console.log(report.alreadySeeded ? 'demo federation already seeded' : `seeded ${report.units} organisation units and ${report.members} members`);
      return;
    }
    default:
      throw new Error(`unknown command ${command}; use provision | topics | start | stop | seed`);
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

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
