export * from './pool';
export * from './transaction';
export * from './migrations';
