import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from './client';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials?: RequestCredentials;
}

function json(status: number, body: unknown, type = 'application/json', extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...extra } });
}

/** A fake fetch that records calls and answers from a queue of handlers. */
function fakeFetch(handler: (call: Call, index: number) => Response) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body,
      credentials: init?.credentials,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

describe('ApiClient', () => {
  it('sends no CSRF header and fetches no token on GET', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { id: 'd1' }));
    const client = new ApiClient({ fetch });

    await expect(client.get('/api/doctors/d1')).resolves.toEqual({ id: 'd1' });

    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/doctors/d1');
    expect(calls[0].headers['X-XSRF-TOKEN']).toBeUndefined();
    expect(calls[0].credentials).toBe('same-origin');
  });

  it('fetches /api/auth/csrf before the first mutating call and sends the token on each', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/csrf'
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok-1' })
        : json(200, { ok: true }),
    );
    const client = new ApiClient({ fetch });

    await client.post('/api/appointments', { doctorId: 'd1' });
    await client.put('/api/patients/me', { name: 'A' });
    await client.patch('/api/appointments/a1/status', { status: 'scheduled' });
    await client.delete('/api/thing/1');

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/appointments',
      'PUT /api/patients/me',
      'PATCH /api/appointments/a1/status',
      'DELETE /api/thing/1',
    ]);
    expect(calls[0].headers['X-XSRF-TOKEN']).toBeUndefined();
    for (const c of calls.slice(1)) expect(c.headers['X-XSRF-TOKEN']).toBe('tok-1');
    expect(calls[1].headers['Content-Type']).toBe('application/json');
    expect(calls[1].body).toBe(JSON.stringify({ doctorId: 'd1' }));
  });

  it('maps problem+json into ApiError with status, title, detail and field errors', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url === '/api/auth/csrf'
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' })
        : json(
            400,
            {
              type: 'about:blank',
              status: 400,
              title: 'Bad Request',
              detail: 'Validation failed',
              errors: [
                { field: 'email', message: 'must be a well-formed email address' },
                { field: 'password', message: 'size must be between 8 and 72' },
              ],
            },
            'application/problem+json',
          ),
    );
    const client = new ApiClient({ fetch });

    const error = await client.post('/api/auth/register', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.title).toBe('Bad Request');
    expect(e.detail).toBe('Validation failed');
    expect(e.fieldError('email')).toBe('Enter an email address like name@example.com.');
    expect(e.fieldErrors()).toEqual({
      email: 'Enter an email address like name@example.com.',
      password: 'Use 8 to 72 characters.',
    });
  });

  it('reads Retry-After on 429', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url === '/api/auth/csrf'
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' })
        : json(429, { status: 429, title: 'Too Many Requests', detail: 'Too many attempts.' }, 'application/problem+json', {
            'Retry-After': '120',
          }),
    );
    const e = (await new ApiClient({ fetch }).post('/api/auth/login', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(429);
    expect(e.retryAfter).toBe(120);
    expect(e.userMessage).toContain('2 minutes');
  });

  it('re-fetches the token once and retries when a 403 names CSRF', async () => {
    let tokens = 0;
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/auth/csrf') return json(200, { headerName: 'X-XSRF-TOKEN', token: `tok-${++tokens}` });
      if (call.headers['X-XSRF-TOKEN'] === 'tok-1')
        return json(403, { status: 403, title: 'Forbidden', detail: 'Invalid CSRF token' }, 'application/problem+json');
      return json(201, { id: 'a1' });
    });
    const client = new ApiClient({ fetch });

    await expect(client.post('/api/appointments', {})).resolves.toEqual({ id: 'a1' });

    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['X-XSRF-TOKEN'] ?? '-'}`)).toEqual([
      'GET /api/auth/csrf -',
      'POST /api/appointments tok-1',
      'GET /api/auth/csrf -',
      'POST /api/appointments tok-2',
    ]);
  });

  it('retries a CSRF 403 only once', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/csrf'
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' })
        : json(403, { status: 403, title: 'Forbidden', detail: 'CSRF token missing' }, 'application/problem+json'),
    );
    const e = (await new ApiClient({ fetch }).post('/api/x', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(403);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('does not retry a 403 that is about permissions', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/csrf'
        ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' })
        : json(403, { status: 403, title: 'Forbidden', detail: 'Only doctors may do that' }, 'application/problem+json'),
    );
    await expect(new ApiClient({ fetch }).post('/api/x', {})).rejects.toMatchObject({ status: 403 });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('tells listeners about 401 so the app can sign out', async () => {
    const { fetch } = fakeFetch(() => json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json'));
    const client = new ApiClient({ fetch });
    const listener = vi.fn();
    client.onUnauthorized(listener);

    await expect(client.get('/api/appointments')).rejects.toMatchObject({ status: 401 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sends FormData untouched, without a JSON content type', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/csrf' ? json(200, { headerName: 'X-XSRF-TOKEN', token: 't' }) : json(201, { id: 'm', url: '/api/media/m' }),
    );
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    await new ApiClient({ fetch }).post('/api/media', form);
    expect(calls[1].body).toBe(form);
    expect(calls[1].headers['Content-Type']).toBeUndefined();
    expect(calls[1].headers['X-XSRF-TOKEN']).toBe('t');
  });

  it('turns a network failure into ApiError status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await expect(new ApiClient({ fetch }).get('/api/doctors')).rejects.toMatchObject({ status: 0 });
  });
});
