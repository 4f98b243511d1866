import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { IS_PUBLIC_KEY, POLICY_KEY, PolicyDescription } from '@tandem/api-core';

export interface EndpointPolicy {
  method: string;
  path: string;
  access: 'public' | 'authenticated';
  /** What the route checks beyond sign-in (the ability, the scope of its queries). */
  policy: PolicyDescription | null;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every HTTP endpoint with who may reach it, read from the controllers' metadata. A test compares
 * it with the committed `endpoint-policy.json`, so any change in who can reach what is a diff.
 */
export function endpointPolicies(app: INestApplication): EndpointPolicy[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const result: EndpointPolicy[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPath =
      (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    const controllerVersion = Reflect.getMetadata(VERSION_METADATA, wrapper.metatype) as unknown;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name] as (...args: unknown[]) => unknown;
      const routePath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (routePath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const version =
        (Reflect.getMetadata(VERSION_METADATA, handler) as unknown) ?? controllerVersion ?? '1';
      const versionPart = typeof version === 'symbol' ? '' : `v${String(version)}`;
      const isPublic =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, wrapper.metatype]) ?? false;
      const policy =
        reflector.getAllAndOverride<PolicyDescription>(POLICY_KEY, [handler, wrapper.metatype]) ??
        null;
      result.push({
        method,
        path: join('api', versionPart, controllerPath, routePath),
        access: isPublic ? 'public' : 'authenticated',
        policy,
      });
    }
  }
  return result.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
