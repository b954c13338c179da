/** A JSON Schema (draft 2020-12 subset) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * One event type: its CloudEvents `type`, the topic of its aggregate stream, the JSON Schema of
 * its `data`, and an example. `T` is the TypeScript shape of `data`; the schema is the contract
 * outside systems rely on, the type keeps our own producers and consumers honest.
 */
export interface EventContract<T = unknown> {
  /** e.g. `cn.gonghui.membership.member.enrolled.v1` */
  readonly type: string;
  /** e.g. `gonghui.membership.member.v1`; message key = aggregate id */
  readonly topic: string;
  /** The service that publishes it. */
  readonly producer: 'membership' | 'aid' | 'training' | 'mediation' | 'gateway';
  /** Field of `data` that holds the aggregate id, used as the Kafka message key. */
  readonly keyField: string;
  readonly summary: string;
  readonly description: string;
  readonly schema: JsonSchema;
  readonly example: T;
  /** Phantom field for type inference only. */
  readonly _data?: T;
}

export function defineEvent<T>(contract: Omit<EventContract<T>, '_data' | 'keyField'> & { keyField: keyof T & string }): EventContract<T> {
  return contract;
}

export type EventData<C> = C extends EventContract<infer T> ? T : never;

/** Pieces of schema reused across contracts. */
export const schemaParts = {
  uuid: { type: 'string', format: 'uuid' },
  timestamp: { type: 'string', format: 'date-time' },
  orgUnitPath: {
    type: 'string',
    pattern: '^/([0-9a-f]{32}/)+$',
    description: 'Materialised path of the organisation unit, from the federation down: /<unit>/<unit>/',
  },
  maskedNationalId: {
    type: 'string',
    pattern: '^[0-9]{4}\\*{10}[0-9]{3}[0-9X]$',
    description: 'Resident ID with the middle ten characters masked; the raw number never leaves the membership service',
  },
  fen: { type: 'integer', minimum: 0, description: 'Amount of money in fen (1/100 yuan)' },
  employmentForm: {
    type: 'string',
    enum: ['regular', 'gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service', 'gig-other'],
  },
} as const;
