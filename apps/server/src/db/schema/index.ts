export * from './clusters.ts';
export * from './core.ts';
export * from './meetings.ts';
