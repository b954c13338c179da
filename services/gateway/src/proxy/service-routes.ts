import { DEFAULT_PORTS } from '@gonghui/service-kit';

export const ROUTED_SERVICES = ['membership', 'aid', 'training', 'mediation'] as const;
export type RoutedService = (typeof ROUTED_SERVICES)[number];

/** Where each service listens: <NAME>_URL, defaulting to the local ports. */
export function serviceRoutesFromEnv(env: NodeJS.ProcessEnv = process.env): Record<RoutedService, string> {
  return Object.fromEntries(
    ROUTED_SERVICES.map((s) => [s, (env[`${s.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[s]}`).replace(/\/$/, '')]),
  ) as Record<RoutedService, string>;
}
