// Test doubles and helpers shared by the web libraries' component tests.
export * from './fetch-mock';
export * from './fake-io';
export * from './test-i18n';
export * from './show-location';
