import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '@tandem/api-core';

// The deployment material in infra/ checked against the code it deploys: probes against the
// committed OpenAPI document, the migrate command against the API's CLI, settings against the
// config validator, selectors against labels.
const root = path.resolve(__dirname, '../../..');
const k8sDir = path.join(root, 'infra/k8s');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, any>;
  [k: string]: any;
};

function load(file: string): Manifest[] {
  const docs = parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), 'utf8'));
  return docs.map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Manifest;
  });
}

const files = fs.readdirSync(k8sDir).filter((f) => f.endsWith('.yaml'));
const manifests = files.flatMap((f) => load(f).map((m) => ({ file: f, m })));
const one = (kind: string, name?: string): Manifest => {
  const found = manifests
    .map((x) => x.m)
    .filter((m) => m.kind === kind && (!name || m.metadata.name === name));
  expect(found).toHaveLength(1);
  return found[0];
};
const deployment = one('Deployment', 'tandem-api');
const podSpec = deployment.spec.template.spec;
const api = podSpec.containers.find((c: any) => c.name === 'api');
const openapi = JSON.parse(fs.readFileSync(path.join(root, 'apps/api/openapi.json'), 'utf8'));
const podTemplates = manifests
  .map((x) => x.m)
  .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
  .map((m) => m.spec.template.spec);
const containers = podTemplates.flatMap((s) => [
  ...(s.containers ?? []),
  ...(s.initContainers ?? []),
]);

describe('Kubernetes manifests (infra/k8s)', () => {
  it('parse, and every document has apiVersion, kind and a name', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const { file, m } of manifests) {
      expect({ file, ok: Boolean(m.apiVersion && m.kind) }).toEqual({ file, ok: true });
      if (m.kind !== 'Kustomization') expect(m.metadata?.name).toEqual(expect.any(String));
    }
  });

  it('the kustomization lists every manifest except the example Secret', () => {
    const kustomization = one('Kustomization');
    const expected = files.filter(
      (f) => !['kustomization.yaml', 'secret.example.yaml'].includes(f),
    );
    expect([...kustomization.resources].sort()).toEqual(expected.sort());
  });

  it('runs two API replicas, never dropping below two ready during a rollout', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it('probes routes that exist in the committed OpenAPI document: readiness /api/ready, liveness /api/health', () => {
    expect(api.readinessProbe.httpGet.path).toBe('/api/ready');
    expect(api.livenessProbe.httpGet.path).toBe('/api/health');
    for (const probe of [api.readinessProbe, api.livenessProbe, api.startupProbe]) {
      expect(openapi.paths[probe.httpGet.path]?.get).toBeDefined();
      // The probe port is the container's named port.
      expect(api.ports.map((p: any) => p.name)).toContain(probe.httpGet.port);
    }
  });

  it('sets requests and a memory limit, and runs as non-root without privileges', () => {
    expect(api.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(api.resources.limits.memory).toEqual(expect.any(String));
    for (const spec of podTemplates) {
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken).toBe(false);
    }
    for (const c of containers) {
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it('pins every image to a version: no `latest`, no missing tag', () => {
    expect(containers.length).toBeGreaterThanOrEqual(2);
    for (const c of containers) {
      const match = /^[^@]+:([^:/@]+)$/.exec(c.image) ?? /@sha256:[0-9a-f]{64}$/.exec(c.image);
      expect({ image: c.image, pinned: Boolean(match) }).toEqual({ image: c.image, pinned: true });
      expect(c.image).not.toMatch(/:latest$/);
    }
    // The migration runs the same build as the API it prepares the schema for.
    expect(one('Job', 'tandem-migrate').spec.template.spec.containers[0].image).toBe(api.image);
  });

  it('the PodDisruptionBudget and the Service select exactly the Deployment’s pods', () => {
    const labels = deployment.spec.template.metadata.labels;
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    for (const selector of [
      deployment.spec.selector.matchLabels,
      one('Service', 'tandem-api').spec.selector,
      one('NetworkPolicy').spec.podSelector.matchLabels,
    ]) {
      expect(labels).toMatchObject(selector);
    }
    // The migration Job's pods are not counted as API pods.
    const jobLabels = one('Job').spec.template.metadata.labels;
    expect(jobLabels).not.toMatchObject(deployment.spec.selector.matchLabels);
  });

  it('the migration Job runs the API’s migrate command once, without restarts', () => {
    const job = one('Job', 'tandem-migrate');
    const [container] = job.spec.template.spec.containers;
    expect(container.args).toEqual(['node', 'dist/apps/api/main.js', 'migrate']);
    expect(fs.existsSync(path.join(root, 'apps/api/src/cli/migrate.ts'))).toBe(true);
    // dist/apps/api/main.js maps its first argument onto apps/api/src/cli/<command>.js.
    expect(fs.readFileSync(path.join(root, 'tools/build-api.mjs'), 'utf8')).toContain(
      "'./apps/api/src/cli/' + command + '.js'",
    );
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(api.args).toEqual(['node', 'dist/apps/api/main.js']);
  });

  it('the Ingress routes to the Service’s port and keeps WebSockets open', () => {
    const ingress = one('Ingress');
    const service = one('Service', 'tandem-api');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe(service.metadata.name);
    expect(service.spec.ports.map((p: any) => p.name)).toContain(backend.port.name);
    expect(service.spec.ports[0].targetPort).toBe(api.ports[0].name);
    expect(
      Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
    ).toBeGreaterThanOrEqual(60);
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('4m');
  });

  it('the ConfigMap and the example Secret pass the API’s own config validation for production', () => {
    const config = one('ConfigMap', 'tandem-config').data;
    const secret = one('Secret', 'tandem-secrets').stringData;
    const env = { ...config, ...secret, TANDEM_DATA_DIR: '/tmp/tandem' };
    const loaded = loadConfig(env);
    expect(loaded.NODE_ENV).toBe('production');
    expect(loaded.SEED_DEMO).toBe(false);
    expect(loaded.HOST).toBe('0.0.0.0');
    // Every key is a setting the API knows (a typo would silently be ignored otherwise).
    const known = new Set([
      ...Object.keys(loaded),
      'DATABASE_URL',
      'JWT_SECRET',
      'WEB_DIST_DIR',
      'APP_ORIGIN',
    ]);
    expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
    // The pods read both, and the secret values are not in the ConfigMap.
    expect(api.envFrom).toEqual([
      { configMapRef: { name: 'tandem-config' } },
      { secretRef: { name: 'tandem-secrets' } },
    ]);
    expect(Object.keys(config)).not.toContain('JWT_SECRET');
    expect(Object.keys(config)).not.toContain('DATABASE_URL');
  });
});

describe('proxy (infra/proxy/haproxy.cfg)', () => {
  const cfg = fs.readFileSync(path.join(root, 'infra/proxy/haproxy.cfg'), 'utf8');
  const lines = cfg
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);

  it('balances over two API instances, health-checked on the readiness route', () => {
    expect(lines.filter((l) => /^server api\d /.test(l) && l.endsWith(' check'))).toHaveLength(2);
    const check = lines.find((l) => l.startsWith('http-check send'))!;
    const uri = /uri (\S+)/.exec(check)![1];
    expect(uri).toBe('/api/ready');
    expect(openapi.paths[uri]?.get).toBeDefined();
  });

  it('keeps upgraded WebSockets open and sets the forwarded headers the API trusts', () => {
    expect(lines).toContain('timeout tunnel 1h');
    expect(lines).toContain('option forwardfor');
    expect(lines.some((l) => l.includes('X-Forwarded-Proto'))).toBe(true);
    // A client cannot choose its own address for the API's per-address limits.
    expect(lines).toContain('http-request del-header X-Forwarded-For');
    // No stickiness needed (websocket transport + PostgreSQL adapter): none configured.
    expect(lines.some((l) => /^(cookie|stick on|balance source)/.test(l))).toBe(false);
  });

  it('limits requests per address and refuses bodies above the API’s own limit', () => {
    expect(lines.some((l) => l.includes('sc_http_req_rate(0)') && l.includes('429'))).toBe(true);
    expect(lines).toContain(
      'http-request deny deny_status 413 if { req.hdr_val(content-length) gt 4194304 }',
    );
  });
});
