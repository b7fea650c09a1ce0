/**
 * Requests to the viewer's own server. The page never sees the token: the server traded it for an
 * HttpOnly cookie when the page was first opened, and the browser sends that with each request.
 */

export const enc = encodeURIComponent;

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new Error((body as { error?: string } | null)?.error || res.status + ' ' + res.statusText);
  return body as T;
}

export const post = <T>(path: string, body: unknown) =>
  api<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
