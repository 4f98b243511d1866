export * from './lib/types';
export * from './lib/api-error';
export * from './lib/auth-session';
export * from './lib/auth-context';
export * from './lib/live';
export * from './lib/download';
