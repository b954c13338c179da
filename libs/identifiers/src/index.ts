export * from './national-id';
export * from './credit-code';
export * from './mobile';
export * from './validators';
export * from './personal-data-vault';
