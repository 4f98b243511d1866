// A clean install from package-lock.json (used by CI): `node tools/install.mjs --clean`.
import { ensureInstalled } from './lib.mjs';

ensureInstalled({ clean: process.argv.includes('--clean') });
