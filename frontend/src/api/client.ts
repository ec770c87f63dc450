import { t } from '../i18n/i18n';
import { plainMessage } from './plainErrors';
import type { CsrfToken, FieldError, ProblemDetail } from './types';

/** An HTTP failure, parsed from an RFC 9457 problem detail when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  /** Seconds from a `Retry-After` header (429). */
  readonly retryAfter?: number;

  constructor(problem: ProblemDetail, retryAfter?: number) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = (problem.errors ?? []).map((e) => ({ ...e, message: plainMessage(e.message ?? '') }));
    this.retryAfter = retryAfter;
  }

  /** The message for one field, matched exactly (e.g. `email`, `emergencyContact[0].phone`). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** Field errors as a map, the first message for each field. */
  fieldErrors(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const e of this.errors) if (!(e.field in map)) map[e.field] = e.message;
    return map;
  }

  /** A one-line message fit to show a person. */
  get userMessage(): string {
    if (this.status === 0) return this.detail ?? t('errors.unreachable');
    if (this.status === 429) {
      // the server's detail may already say "try again later": keep one sentence that says when
      const said = (this.detail || t('errors.tooMany')).replace(/[\s.,;]*(please\s+)?try again later[\s.]*$/i, '').replace(/[\s.]*$/, '.');
      const wait = ' ' + (this.retryAfter ? t('errors.tryAgainIn', { wait: formatWait(this.retryAfter) }) : t('errors.tryAgainLater'));
      return said + wait;
    }
    return this.detail || this.title || defaultMessage(this.status);
  }
}

const DEFAULT_MESSAGES = new Set([401, 403, 404, 409, 413, 415, 500, 503]);

function defaultMessage(status: number): string {
  return DEFAULT_MESSAGES.has(status) ? t(`errors.${status}`) : t('errors.failed', { status });
}

function formatWait(seconds: number): string {
  if (seconds < 90) return t('errors.seconds', { count: seconds });
  return t('errors.minutes', { count: Math.ceil(seconds / 60) });
}

/** Turns anything thrown into something a person can read. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage;
  if (e instanceof Error) return e.message;
  return t('errors.generic');
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
}

/**
 * The one HTTP client of the app: same-origin cookies, JSON in and out, the CSRF
 * header on every mutating call, problem details turned into {@link ApiError}.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private csrf: Promise<CsrfToken> | null = null;
  private readonly unauthorizedListeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  /** Called whenever the server answers 401 to anything but a login attempt. */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  /** The CSRF token, fetched once and cached; `refresh` forces a new one. */
  getCsrfToken(refresh = false): Promise<CsrfToken> {
    if (refresh || !this.csrf) {
      const pending = this.send('GET', '/api/auth/csrf', {}, undefined).then(
        (r) => r as CsrfToken,
      );
      pending.catch(() => {
        if (this.csrf === pending) this.csrf = null;
      });
      this.csrf = pending;
    }
    return this.csrf;
  }

  /** Forget the cached token (the server may rotate it when the session changes). */
  resetCsrfToken(): void {
    this.csrf = null;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { query, signal });
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path, {});
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.baseUrl + path + queryString(options.query);
    if (!MUTATING.has(method)) {
      return (await this.send(method, url, options, undefined)) as T;
    }
    const token = await this.getCsrfToken();
    try {
      return (await this.send(method, url, options, token.token)) as T;
    } catch (e) {
      if (e instanceof ApiError && isCsrfFailure(e)) {
        const fresh = await this.getCsrfToken(true);
        return (await this.send(method, url, options, fresh.token)) as T;
      }
      throw e;
    }
  }

  private async send(
    method: string,
    url: string,
    options: RequestOptions,
    csrfToken: string | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body; // the browser sets the multipart boundary
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;

    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError({
        status: 0,
        title: t('errors.networkTitle'),
        detail: t('errors.network'),
      });
    }

    if (!response.ok) {
      const error = await toApiError(response);
      if (error.status === 401 && !url.includes('/api/auth/login')) {
        this.unauthorizedListeners.forEach((l) => l());
      }
      throw error;
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    if (!text) return undefined;
    const type = response.headers.get('Content-Type') ?? '';
    return type.includes('json') ? JSON.parse(text) : text;
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A 403 that names CSRF, or one with no problem body at all (Spring's bare CSRF denial). */
function isCsrfFailure(e: ApiError): boolean {
  if (e.status !== 403) return false;
  const text = `${e.title} ${e.detail ?? ''}`.toLowerCase();
  return text.includes('csrf') || text.includes('xsrf') || e.title === '';
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  const type = response.headers.get('Content-Type') ?? '';
  let text = '';
  try {
    text = await response.text();
  } catch {
    /* body unreadable: fall through with the status alone */
  }
  if (text && type.includes('json')) {
    try {
      const raw = JSON.parse(text) as Partial<ProblemDetail> & { message?: string };
      return new ApiError(
        {
          status: typeof raw.status === 'number' ? raw.status : response.status,
          title: raw.title ?? response.statusText ?? '',
          detail: raw.detail ?? raw.message,
          errors: Array.isArray(raw.errors)
            ? raw.errors.filter((x): x is FieldError => !!x && typeof x.field === 'string')
            : [],
        },
        retryAfter,
      );
    } catch {
      /* not JSON after all */
    }
  }
  return new ApiError({ status: response.status, title: text ? response.statusText : '', detail: undefined }, retryAfter);
}

export const api = new ApiClient();
