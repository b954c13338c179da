export * from './cloud-event';
export * from './publisher';
export * from './kafka';
export * from './stored-events';
export * from './outbox';
export * from './outbox-relay';
export * from './retention';
export * from './consumer';
