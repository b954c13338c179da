import { allTopics } from '@gonghui/contracts';
import { createKafka, ensureTopics, KafkaSettings } from '@gonghui/messaging';

/** Create every event topic and its dead-letter topic (with the deployment's prefix). */
export async function createTopics(settings: KafkaSettings): Promise<string[]> {
  const kafka = createKafka(settings);
  return ensureTopics(kafka, allTopics().map((t) => settings.topicPrefix + t));
}
