export * from './provision';
export * from './topics';
export * from './system';
