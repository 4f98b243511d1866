export * from './lib/passport.module';
