/**
 * The process's HTTP routes: /healthz (the process is alive), /readyz (knowledge loaded and every
 * configured platform connected; otherwise 503 naming what it is still waiting for), /metrics
 * (Prometheus). Served from the start of the process by route-server.ts, before any platform connects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export interface RouteDef {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Readiness {
  /** Named checks; ready when every one returns true. */
  checks: Record<string, () => boolean>;
}

export function healthRoutes(metrics: Metrics, readiness: Readiness): RouteDef[] {
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return [
    { path: '/healthz', method: ['GET', 'HEAD'], handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        const results = Object.fromEntries(Object.entries(readiness.checks).map(([name, check]) => [name, safe(check)]));
        const waiting = Object.entries(results).filter(([, ok]) => !ok).map(([name]) => name);
        json(res, waiting.length === 0 ? 200 : 503, { status: waiting.length === 0 ? 'ready' : 'not ready', checks: results, waiting });
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          },
          () => {
            res.writeHead(500).end();
          },
        );
      },
    },
  ];
}

function safe(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
