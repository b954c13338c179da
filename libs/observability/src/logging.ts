import pino, { DestinationStream, Logger as PinoInstance, LoggerOptions } from 'pino';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { currentContext } from './context';

/**
 * Keys whose values never reach a log line, wherever a logged object carries them (three levels
 * deep): personal data (resident ID, mobile, health, income, bank details), secrets, and any
 * request or response body, which is never logged whole.
 */
export const REDACTED_KEYS = [
  'nationalId', 'national_id', 'idNumber', 'residentId', 'idCard',
  'mobile', 'phone', 'telephone', 'contactPhone', 'contactMobile',
  'health', 'healthCondition', 'disability', 'illness', 'diagnosis', 'medical',
  'income', 'monthlyIncome', 'householdIncome', 'incomePerCapita', 'salary', 'wage',
  'bankAccount', 'bankAccountNumber', 'accountNumber', 'accountNo', 'cardNumber', 'bankCard', 'iban', 'accountHolder',
  'password', 'authorization', 'cookie', 'token', 'accessToken', 'refreshToken',
  'body', 'payload', 'data',
] as const;

export const REDACT_PATHS: string[] = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const RESIDENT_ID = /(?<![0-9])([1-9][0-9]{5})(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;
const BANK_CARD = /(?<![0-9])[0-9]{16,19}(?![0-9])/g;

/**
 * Masks what looks like a resident ID, a mainland mobile or a bank card number in free text
 * (an error message quoting a value): the last line of defence after the key paths.
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID, (_m, region: string) => `${region}********${_m.slice(-4)}`)
    .replace(MOBILE, '$1****$2')
    .replace(BANK_CARD, (m) => `${'*'.repeat(m.length - 4)}${m.slice(-4)}`);
}

function scrubArgument(value: unknown): unknown {
  if (typeof value === 'string') return scrubPersonalData(value);
  if (value instanceof Error) {
    const scrubbed = new Error(scrubPersonalData(value.message));
    scrubbed.name = value.name;
    scrubbed.stack = value.stack ? scrubPersonalData(value.stack) : undefined;
    return scrubbed;
  }
  return value;
}

export interface LoggerSettings {
  service: string;
  /** `LOG_LEVEL` by default, else info. */
  level?: string;
  destination?: DestinationStream;
}

/** pino options: JSON lines, ISO time, the service, redaction, and the request/trace ids of the current context. */
export function loggerOptions(settings: Omit<LoggerSettings, 'destination'>): LoggerOptions {
  return {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin: () => {
      const context = currentContext();
      return context ? { requestId: context.requestId, traceId: context.trace.traceId, spanId: context.trace.spanId } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(scrubArgument) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(settings: LoggerSettings): PinoInstance {
  // Synchronous writes: a line written just before a crash is not lost with the process.
  return pino(loggerOptions(settings), settings.destination ?? pino.destination({ sync: true }));
}

let root: PinoInstance | null = null;

/** The process's logger (made on first use with the name given to `useServiceLogger`, else "gonghui"). */
export function rootLogger(): PinoInstance {
  root ??= createLogger({ service: 'gonghui' });
  return root;
}

/** Name the process's logger after its service; also Nest's logger (nestjs-pino) on the same pino instance. */
export function useServiceLogger(service: string, settings: Omit<LoggerSettings, 'service'> = {}): NestPinoLogger {
  if (root) root.flush();
  root = createLogger({ service, ...settings });
  return new NestPinoLogger(new PinoLogger({ pinoHttp: { logger: root, autoLogging: false } }), {});
}
