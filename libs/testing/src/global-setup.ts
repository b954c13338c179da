import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { withDatabase } from '@gonghui/persistence';
import { adminUrlFromEnv, createTopics, migrateAll, provisionDatabase, REPO_ROOT } from '@gonghui/infra';
import { createKafka, kafkaSettingsFromEnv } from '@gonghui/messaging';

/**
 * Before integration and end-to-end tests: a running Kafka (started by the project's script if
 * none is there), a fresh test database provisioned and migrated exactly as production, and a
 * topic prefix of this run's own so old messages never leak into new tests.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.GONGHUI_TEST_SETUP_DONE) return;
  const started = spawnSync('bash', [path.join(REPO_ROOT, 'infra/scripts/kafka.sh'), 'start'], { stdio: 'inherit' });
  if (started.status !== 0) throw new Error('could not start Kafka for the tests');

  const adminUrl = process.env.TEST_DATABASE_URL ?? withDatabase(adminUrlFromEnv(), 'gonghui_test');
  process.env.TEST_DATABASE_URL = adminUrl;
  await provisionDatabase(adminUrl, { recreate: true });
  await migrateAll(adminUrl);

  // The process id keeps two shards started in the same millisecond apart.
  const prefix = `t${Date.now().toString(36)}-${process.pid.toString(36)}.`;
  process.env.KAFKA_TOPIC_PREFIX = prefix;
  const settings = kafkaSettingsFromEnv('gonghui-tests');
  await deleteTopicsOfEarlierRuns(settings.brokers);
  await createTopics(settings);
  process.env.GONGHUI_TEST_SETUP_DONE = '1';
}

async function deleteTopicsOfEarlierRuns(brokers: string[]): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'gonghui-tests', topicPrefix: '' }).admin();
  await admin.connect();
  try {
    // Only runs that started over an hour ago: a run still going on (another checkout, another
    // service's tests on the same broker) keeps its topics.
    const old = (await admin.listTopics()).filter((t) => {
      const started = /^t([0-9a-z]+)(?:-[0-9a-z]+)?\.gonghui\./.exec(t)?.[1];
      return started !== undefined && parseInt(started, 36) < Date.now() - 60 * 60_000;
    });
    if (old.length > 0) await admin.deleteTopics({ topics: old, timeout: 10_000 }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
