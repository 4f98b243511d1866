export * from './permission-matrix';
export * from './ips-matrix';
