// Test doubles shared by the web libraries' component tests.
export * from './fetch-mock';
export * from './fake-io';
