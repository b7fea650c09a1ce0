/** Requests to the viewer's own server; the token travels with each (see server.ts for the door). */

const token = new URLSearchParams(location.search).get('token') || '';
export const enc = encodeURIComponent;
export const withToken = (path: string) => path + (path.includes('?') ? '&' : '?') + 'token=' + enc(token);

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(withToken(path), init);
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
