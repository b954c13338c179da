import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, EventPattern, MessageHandler, Server } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom, Observable, throwError } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { EventContract, findContract } from '@gonghui/contracts';
import { CloudEvent } from './cloud-event';
import { EventConsumer, Subscription } from './consumer';
import { KafkaLog } from './kafka';
import { EventPublisher } from './publisher';

/**
 * What an event handler declares besides its event type, as its `@EventPattern`'s extras.
 *
 * `group` names the consumer group (`<service>.<group>`): handlers of one group share its
 * offsets and its inbox. `batch` makes the handler receive a run of consecutive events of its
 * type, in order, as an array (one multi-row statement for a flood such as a roster's).
 */
export interface EventHandlerOptions {
  group: string;
  batch?: boolean;
}

/**
 * Nest's `@EventPattern(contract.type, options)`, checked against our contracts: the type must
 * have one, and the handler may take the event and its `EventTransaction` (Nest 12 types an
 * `@EventPattern` handler's further parameters as `unknown`). Use it on a method of an event
 * controller that sits beside the HTTP controller of its use case:
 *
 *   @OnEvent(MemberLeftV1, { group: 'member-directory' })
 *   async left(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction) { … }
 */
export function OnEvent<T>(contract: EventContract<T>, options: EventHandlerOptions): MethodDecorator {
  return EventPattern(contract.type, { ...options }) as MethodDecorator;
}

/** What a handler gets beside the event: the transaction its effect and the inbox row commit in. */
export class EventTransaction extends BaseRpcContext<[EntityManager]> {
  get manager(): EntityManager {
    return this.args[0];
  }
}

/** One handler as the transport serves it; also what the event catalogue lists as `receive`. */
export interface EventHandlerDeclaration {
  consumerGroup: string;
  eventType: string;
  topic: string;
  batch: boolean;
}

export interface KafkaEventTransportOptions {
  serviceName: string;
  kafka: Kafka;
  dataSource: DataSource;
  topicPrefix: string;
  /** Publishes dead letters. */
  deadLetters: EventPublisher;
  log: KafkaLog & { log?(message: string): void };
  maxAttempts?: number;
  retryBaseMs?: number;
}

/**
 * Serves a service's `@EventPattern` handlers from Kafka, through the consumer that keeps this
 * project's guarantees: one consumer group per handler group, each event's effect and its inbox
 * row in one transaction (a redelivery changes nothing), runs of events applied as a batch,
 * contract validation on the way in, bounded retry, and the dead-letter topic.
 *
 * Unlike Nest's base `handleEvent`, which fires a handler and forgets it, every handler is
 * awaited inside the transaction: a handler that throws rolls back its effect and its inbox row.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private consumers: EventConsumer[] = [];
  private unchainedHandlers?: [string, MessageHandler[]][];

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
  }

  /** Every handler with its group, as the service declared them. */
  declarations(): EventHandlerDeclaration[] {
    return this.handlerGroups().flatMap(([group, subscriptions]) =>
      subscriptions.map((s) => ({ consumerGroup: `${this.options.serviceName}.${group}`, eventType: s.contract.type, topic: s.contract.topic, batch: s.handleMany !== undefined })),
    );
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [group, subscriptions] of this.handlerGroups()) {
        const consumer = new EventConsumer({
          kafka: this.options.kafka,
          dataSource: this.options.dataSource,
          groupId: `${this.options.serviceName}.${group}`,
          topicPrefix: this.options.topicPrefix,
          subscriptions,
          deadLetters: this.options.deadLetters,
          log: this.options.log,
          maxAttempts: this.options.maxAttempts,
          retryBaseMs: this.options.retryBaseMs,
        });
        this.consumers.push(consumer);
        await consumer.start();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((c) => c.stop()));
  }

  /** The running consumers, for health and tests. */
  runningConsumers(): readonly EventConsumer[] {
    return this.consumers;
  }

  on(): never {
    throw new Error('KafkaEventTransport has no client events to listen to');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  /**
   * Every handler of each event type. Nest chains several handlers of one type by `next`, and
   * calling the head also calls the rest (its `forkJoinHandlersIfAttached`): a second group's
   * handler would then run inside the first group's transaction as well as in its own. So the
   * chain is taken apart once, and each handler is invoked alone, by its own group's consumer.
   */
  private handlersByPattern(): [string, MessageHandler[]][] {
    if (!this.unchainedHandlers) {
      this.unchainedHandlers = [...this.messageHandlers].map(([pattern, head]) => {
        const chain: MessageHandler[] = [];
        for (let handler: MessageHandler | undefined = head; handler; handler = handler.next) chain.push(handler);
        for (const handler of chain) handler.next = undefined;
        return [pattern, chain];
      });
    }
    return this.unchainedHandlers;
  }

  /** The handlers by consumer group. */
  private handlerGroups(): [string, Subscription[]][] {
    const groups = new Map<string, Subscription[]>();
    for (const [pattern, handlers] of this.handlersByPattern()) {
      for (const handler of handlers) {
        if (!handler.isEventHandler) throw new Error(`${pattern}: only @EventPattern handlers are served (no request/response over Kafka)`);
        const { group, batch } = (handler.extras ?? {}) as Partial<EventHandlerOptions>;
        if (!group) throw new Error(`@EventPattern('${pattern}') needs a consumer group: { group: '…' }`);
        const contract = findContract(pattern);
        if (!contract) throw new Error(`@EventPattern('${pattern}'): no contract is registered for this event type`);
        const list = groups.get(group) ?? [];
        list.push(this.subscription(contract, handler, batch === true));
        groups.set(group, list);
      }
    }
    return [...groups.entries()];
  }

  private subscription(contract: EventContract<unknown>, handler: MessageHandler, batch: boolean): Subscription {
    const invoke = async (tx: EntityManager, payload: CloudEvent | CloudEvent[]) => {
      const result = await handler(payload, new EventTransaction([tx]));
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
    return batch
      ? { contract, handle: (tx, event) => invoke(tx, [event]), handleMany: (tx, events) => invoke(tx, events) }
      : { contract, handle: (tx, event) => invoke(tx, event) };
  }
}

/**
 * Nest's default RPC exception filter logs an unknown error and replaces it with a generic
 * one. The consumer needs the error itself, to roll back, retry or dead-letter (PoisonEvent),
 * so handlers' errors pass through unchanged.
 */
@Catch()
export class EventHandlerErrorPassThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
