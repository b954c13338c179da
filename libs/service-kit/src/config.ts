import { KafkaSettings, kafkaSettingsFromEnv } from '@gonghui/messaging';

export type ServiceName = 'membership' | 'aid' | 'training' | 'mediation' | 'gateway';

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  membership: 3101,
  aid: 3102,
  training: 3103,
  mediation: 3104,
};

/** The database role each service logs in as; its schema carries the service's name. */
export function serviceRole(name: ServiceName): string {
  return `gonghui_${name}`;
}

/** Development JWT secret; any deployment sets JWT_SECRET. */
export const DEVELOPMENT_JWT_SECRET = 'gonghui-development-secret-change-me';

export interface ServiceConfig {
  name: ServiceName;
  schema: string;
  port: number;
  host: string;
  databaseUrl: string;
  /** Connections in the service's pool (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  kafka: KafkaSettings;
  jwtSecret: string;
  /** Days to keep published outbox rows and inbox records (MESSAGING_RETENTION_DAYS); longer than the topics keep events. */
  messagingRetentionDays: number;
}

/**
 * Configuration from the environment, the same variables locally, in tests and in containers:
 * PORT (or <NAME>_PORT), HOST, DATABASE_URL (the service's own role), DATABASE_POOL_SIZE, KAFKA_BROKERS,
 * KAFKA_TOPIC_PREFIX, JWT_SECRET, MESSAGING_RETENTION_DAYS.
 */
export function serviceConfigFromEnv(name: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const role = serviceRole(name);
  const port = Number(env[`${name.toUpperCase()}_PORT`] ?? env.PORT ?? DEFAULT_PORTS[name]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port for ${name}: ${port}`);
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) throw new Error('JWT_SECRET must be set in production');
  return {
    name,
    schema: name,
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? `postgres://${role}:${role}@127.0.0.1:5432/gonghui`,
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    kafka: kafkaSettingsFromEnv(`gonghui-${name}`, env),
    jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    messagingRetentionDays: positiveNumber('MESSAGING_RETENTION_DAYS', env.MESSAGING_RETENTION_DAYS ?? '14'),
  };
}

function positiveNumber(name: string, value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, not "${value}"`);
  return n;
}
