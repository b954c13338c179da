import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { withDatabase } from '@gonghui/persistence';
import { kafkaSettingsFromEnv } from '@gonghui/messaging';
import { adminUrlFromEnv, createTopics, migrateAll, provisionDatabase, REPO_ROOT } from '@gonghui/infra';

/**
 * What every benchmark starts from: Kafka running, a fresh database `gonghui_bench_<name>`
 * provisioned and migrated as production, and topics of this run's own prefix. Answers the
 * database's admin URL.
 */
export async function freshBenchmarkEnvironment(name: string): Promise<string> {
  execFileSync('bash', [path.join(REPO_ROOT, 'infra/scripts/kafka.sh'), 'start'], { stdio: 'inherit' });
  const adminUrl = withDatabase(adminUrlFromEnv(), `gonghui_bench_${name}`);
  console.log('[bench] fresh benchmark database');
  await provisionDatabase(adminUrl, { recreate: true });
  await migrateAll(adminUrl);
  process.env.KAFKA_TOPIC_PREFIX = `bench${name}${Date.now().toString(36)}.`;
  await createTopics(kafkaSettingsFromEnv(`gonghui-bench-${name}`));
  return adminUrl;
}
