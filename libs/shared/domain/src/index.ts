export * from './lib/roles';
export * from './lib/organisations';
export * from './lib/records';
export * from './lib/auth';
export * from './lib/consent';
export * from './lib/ips';
export * from './lib/ips-fidelity';
export * from './lib/minutes-merge';
