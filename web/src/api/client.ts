/**
 * Thin fetch wrapper for the dieuhanh HTTP API.
 * - the session lives in the httpOnly cookie `dh_session` (sent because credentials are same-origin);
 * - the CSRF token from login/me is kept in memory and sent as `x-csrf-token` on state-changing calls;
 * - any non-2xx answer throws an ApiError carrying the server's {code, message, messageEn, field}.
 */

export interface ApiErrorBody {
  code: string;
  message: string;
  messageEn?: string;
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string | undefined;
  readonly field: string | undefined;
  /** The whole error body, for extra fields such as `duplicateOf`. */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody & Record<string, unknown>) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageEn = body.messageEn;
    this.field = body.field;
    this.body = body;
  }

  /** The message in the interface language (Vietnamese unless English is chosen). */
  localized(lang: string): string {
    return lang.startsWith('en') && this.messageEn ? this.messageEn : this.message;
  }
}

let csrfToken: string | null = null;
let language = 'vi';

/** The server localises `message` by Accept-Language; keep it in step with the interface language. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  const multipart = body instanceof FormData;
  // FormData sets its own multipart content type with the boundary.
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK_ERROR',
      message: 'Không kết nối được máy chủ.',
      messageEn: 'Cannot reach the server.',
    });
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    const b = (data && typeof data === 'object' ? data : {}) as Partial<ApiErrorBody> & Record<string, unknown>;
    throw new ApiError(res.status, {
      ...b,
      code: typeof b.code === 'string' ? b.code : `HTTP_${res.status}`,
      message: typeof b.message === 'string' ? b.message : `Lỗi máy chủ (HTTP ${res.status}).`,
      messageEn: typeof b.messageEn === 'string' ? b.messageEn : `Server error (HTTP ${res.status}).`,
      field: typeof b.field === 'string' ? b.field : undefined,
    });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** multipart/form-data POST (file uploads). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
