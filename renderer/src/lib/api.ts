/** An HTTP answer that was not a success, or a request that never got an answer (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For `invalid_request`: what was wrong, so the UI can say it in the user's language. */
    readonly details: { field?: string; rule?: string; limit?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return this.details.field;
  }

  get rule(): string | undefined {
    return this.details.rule;
  }

  get limit(): number | undefined {
    return this.details.limit;
  }
}

/** The server's `{ error: { code, message, field?, rule?, limit? } }`. */
interface ErrorReply {
  code?: string;
  message?: string;
  field?: string;
  rule?: string;
  limit?: number;
}

/** A JSON client for `/api/v1` on the backend at `base` ('' = this page's origin). */
export class Api {
  constructor(
    readonly base: string,
    private token: string | null = null,
  ) {}

  /** Renews an expired access token, true when the request may be retried (lib/token-refresh.ts). */
  renewToken: (() => Promise<boolean>) | null = null;

  setToken(token: string | null): void {
    this.token = token;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown, renewed = false): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached');
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const error = (json as { error?: ErrorReply } | undefined)?.error;
      if (error?.code === 'token_expired' && !renewed && (await this.renewToken?.())) {
        return this.request<T>(method, path, body, true);
      }
      const details = { field: error?.field, rule: error?.rule, limit: error?.limit };
      throw new ApiError(
        res.status,
        error?.code ?? `http_${res.status}`,
        error?.message ?? res.statusText,
        details,
      );
    }
    return json as T;
  }
}
