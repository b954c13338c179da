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
  if (env.NODE_ENV === 'production') assertProductionSecrets(name, env);
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

/**
 * Values that ship in this repository (development defaults, old compose defaults, the
 * `.env.example` placeholders): a production deployment that still uses one is refused.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  DEVELOPMENT_JWT_SECRET,
  'change-me-in-every-deployment',
  'change-me-encryption-key',
  'change-me-hash-key',
  'gonghui-dev-encryption-key',
  'gonghui-dev-hash-key',
  'postgres',
];

/** A secret no deployment may run with: missing, shipped in the repository, a placeholder, or too short to resist guessing. */
export function isWeakSecret(value: string | undefined, minLength = 16): boolean {
  if (!value || value.trim().length < minLength) return true;
  return KNOWN_DEFAULT_SECRETS.includes(value) || /change-?me|replace-?me|placeholder/i.test(value);
}

/**
 * Production (`NODE_ENV=production`) refuses to start with a missing or default secret: the
 * JWT secret (32 characters at least), the service's database password (not the role's name,
 * which is the development default), and the personal-data keys when given (the vault of a
 * service that uses them requires them).
 */
export function assertProductionSecrets(name: ServiceName, env: NodeJS.ProcessEnv = process.env): void {
  const refused: string[] = [];
  if (isWeakSecret(env.JWT_SECRET, 32)) refused.push('JWT_SECRET (at least 32 characters, not a shipped default)');
  const password = databasePassword(env.DATABASE_URL);
  if (password === null || password === serviceRole(name) || isWeakSecret(password, 12)) {
    refused.push('DATABASE_URL (the service role with a real password, not its name or a default)');
  }
  for (const key of ['PII_ENCRYPTION_KEY', 'PII_HASH_KEY']) {
    if (env[key] !== undefined && isWeakSecret(env[key], 32)) refused.push(`${key} (at least 32 characters, not a shipped default)`);
  }
  if (refused.length > 0) {
    throw new Error(`${name}: refusing to start in production with missing or default secrets: ${refused.join('; ')}`);
  }
}

function databasePassword(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return null;
  }
}
