// The fictional demo region, as plain data: seeded by the API, used by tests and benchmarks.
export * from './lib/ids';
export * from './lib/demo-data';
export * from './lib/demo-file';
export * from './lib/demo-ips';
