import path from 'node:path';

export const workspaceRoot = path.resolve(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const API_MAIN = path.join(workspaceRoot, 'dist/apps/api/main.js');
export const WEB_INDEX = path.join(workspaceRoot, 'dist/apps/web/index.html');
export const ARTIFACTS = path.join(workspaceRoot, 'tmp/e2e');
