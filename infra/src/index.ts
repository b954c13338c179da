export * from './provision';
export * from './topics';
export * from './system';
export * from './demo-seed';
