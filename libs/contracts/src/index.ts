export * from './contract';
export * from './registry';
export * from './asyncapi';
export * from './membership';
export * from './aid';
export * from './training';
export * from './mediation';
