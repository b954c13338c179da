export * from './national-id';
export * from './credit-code';
export * from './mobile';
export * from './validators';
