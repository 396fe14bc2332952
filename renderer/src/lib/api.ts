import type { Static } from 'typebox';
import type { ErrorSchema } from '../../../contract/common';
import { apiRequest, type RouteInput } from '../../../contract/route-url';
import type { ReplyOf, RequestOf, RouteName } from '../../../contract/routes';

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

/** The server's `{ error: { code, message, field?, rule?, limit? } }` (contract/common.ts). */
type ErrorReply = Partial<Static<typeof ErrorSchema>['error']>;

/**
 * A JSON client for the backend at `base` ('' = this page's origin), keyed by the route map of
 * contract/routes.ts: `api.request('GET /me')` answers the contract's `user`, nothing chosen per call.
 */
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

  /** The Authorization header value, for requests made without fetch (upload progress needs XHR). */
  authorization(): string | undefined {
    return this.token ? `Bearer ${this.token}` : undefined;
  }

  async request<R extends RouteName>(
    route: R,
    ...[input]: Record<never, never> extends RequestOf<R> ? [RequestOf<R>?] : [RequestOf<R>]
  ): Promise<ReplyOf<R>> {
    // The route's own signature typed `input`; from here on it is plain data.
    const { body, ...where }: RouteInput = input ?? {};
    const { method, url } = apiRequest(route, where);
    // An expired access token is renewed once and the request sent again with the new one.
    for (let renewed = false; ; renewed = true) {
      const res = await this.#fetch(method, url, body);
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (res.ok) {
        // The server serializes every reply with the same schema (contract/routes.ts): trusted, not re-checked.
        return json as ReplyOf<R>;
      }
      const error = (json as { error?: ErrorReply } | undefined)?.error;
      if (error?.code === 'token_expired' && !renewed && (await this.renewToken?.())) continue;
      // The error body carries `field`, `rule` and `limit` itself (contract/common.ts).
      throw new ApiError(
        res.status,
        error?.code ?? `http_${res.status}`,
        error?.message ?? res.statusText,
        error,
      );
    }
  }

  async #fetch(method: string, url: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(`${this.base}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached');
    }
  }
}
