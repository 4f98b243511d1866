import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/app/bootstrap';
import { endpointPolicies } from '../src/app/endpoint-policy';
import { createTestApp, TestApp } from './harness';

/**
 * Committed contracts: the OpenAPI document and the endpoint-policy snapshot. When a change is
 * intended, regenerate them with `npm run contracts:update` and review the diff like code.
 */
const update = process.env.UPDATE_CONTRACTS === '1';

function compareWithCommitted(file: string, actual: unknown) {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (update) fs.writeFileSync(file, text);
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== text) {
    throw new Error(
      `${path.relative(process.cwd(), file)} is out of date with the code. Run "npm run contracts:update" and review the diff.`,
    );
  }
}

describe('committed contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ database: 'migrated' });
  });
  afterAll(() => t.close());

  it('the committed OpenAPI document matches the code', () => {
    compareWithCommitted(path.join(__dirname, '../openapi.json'), buildOpenApiDocument(t.app));
  });

  it('the committed endpoint-policy snapshot matches the code', () => {
    compareWithCommitted(path.join(__dirname, '../endpoint-policy.json'), endpointPolicies(t.app));
  });

  it('denies every non-public endpoint to a caller without a session (deny by default)', async () => {
    const endpoints = endpointPolicies(t.app);
    const protectedOnes = endpoints.filter((e) => e.access === 'authenticated');
    expect(protectedOnes.length).toBeGreaterThan(0);
    for (const e of protectedOnes) {
      const url = e.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.request(e.method, url, {
        body: ['POST', 'PUT', 'PATCH'].includes(e.method) ? {} : undefined,
      });
      expect({ endpoint: `${e.method} ${e.path}`, status: res.status }).toEqual({
        endpoint: `${e.method} ${e.path}`,
        status: 401,
      });
    }
  });

  it('lists only sign-in (staff and client passport), refresh, sign-out and health as public', () => {
    const publicOnes = endpointPolicies(t.app)
      .filter((e) => e.access === 'public')
      .map((e) => `${e.method} ${e.path}`);
    expect(publicOnes.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/ready',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/client/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/refresh',
      ].sort(),
    );
  });
});
