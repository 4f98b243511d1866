// Who pays for an activity (domain brief §2.1): the catalogue and the rules, with their sources.
export * from './lib/catalogue';
export * from './lib/rules';
