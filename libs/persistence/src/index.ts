export * from './data-source';
export * from './transaction';
export * from './migrations';
export * from './sql-migration';
