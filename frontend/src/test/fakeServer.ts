import { vi } from 'vitest';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (req: Recorded) => Response | Promise<Response> | undefined;

export function jsonResponse(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

export function problem(status: number, title: string, detail?: string, errors?: { field: string; message: string }[]): Response {
  return jsonResponse(status, { type: 'about:blank', status, title, detail, errors }, 'application/problem+json');
}

/**
 * Replaces global fetch with a tiny router. `/api/auth/csrf` answers by default;
 * unmatched requests get 404 so a test sees what it forgot.
 */
export function installFakeServer(routes: Record<string, Handler | object>) {
  const requests: Recorded[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const raw = init?.body;
    const req: Recorded = {
      method,
      url,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof raw === 'string' ? JSON.parse(raw) : raw,
    };
    requests.push(req);
    const path = url.split('?')[0];
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${url}`];
    if (typeof route === 'function') {
      const res = (route as Handler)(req);
      if (res) return res;
    } else if (route !== undefined) {
      return jsonResponse(200, route);
    }
    if (path === '/api/auth/csrf') return jsonResponse(200, { headerName: 'X-XSRF-TOKEN', token: 'test-token' });
    return problem(404, 'Not Found', `no fake route for ${method} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}
