export * from './roster-reader';
export * from './roster-upload';
