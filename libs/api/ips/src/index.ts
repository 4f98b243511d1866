export * from './lib/ips.module';
