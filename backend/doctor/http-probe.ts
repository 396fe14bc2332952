import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/** What a GET answered, or why it could not. */
export type ProbeResult =
  | { ok: true; status: number; contentType: string; location?: string }
  | { ok: false; error: string; tlsProblem: boolean };

export interface ProbeOptions {
  /** Extra trusted certificates (PEM), on top of the system roots and NODE_EXTRA_CA_CERTS. */
  ca?: string;
  timeoutMs?: number;
}

// Node's error codes for a certificate it does not trust or that does not fit the host.
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i;

/**
 * GETs `url` once (no redirects followed) and reports status and content type. Uses node:https
 * rather than fetch so a `--ca` file can be trusted without a dependency.
 */
export function probe(url: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  const request = isHttps ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'GET',
        headers: { 'user-agent': 'peace-messenger-doctor', accept: '*/*' },
        timeout: opts.timeoutMs ?? 10_000,
        ...(isHttps && opts.ca ? { ca: [...rootCertificates, opts.ca] } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            location: res.headers.location,
          }),
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${(opts.timeoutMs ?? 10_000) / 1000} s`)),
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      resolve({
        ok: false,
        error: code ? `${code}: ${err.message}` : err.message,
        tlsProblem: TLS_CODES.test(code),
      });
    });
    req.end();
  });
}
