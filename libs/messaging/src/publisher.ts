import { KafkaHeaders } from './cloud-event';

/** One message ready for the broker. */
export interface OutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers: KafkaHeaders;
}

/**
 * The port through which events leave a service. The Kafka adapter is one implementation; the
 * outbox relay and the dead-letter path depend only on this.
 */
export interface EventPublisher {
  /** Publish in order; resolves only when the broker has acknowledged every message. */
  publish(messages: OutboundMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}
