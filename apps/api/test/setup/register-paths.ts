// Jest applies moduleNameMapper to test files but not to globalSetup/globalTeardown, which Node
// loads directly: map the workspace aliases for them here.
import path from 'node:path';
import { register } from 'tsconfig-paths';

const root = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { paths } = require(path.join(root, 'tsconfig.base.json')).compilerOptions;
register({ baseUrl: root, paths });
