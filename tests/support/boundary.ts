// The boundary suite's judge, shared by every file that attacks across the club boundary
// (tests/integration/access-boundary*.test.ts): raw HTTP calls with a token, and a ledger that
// counts attempts and records a leak for any foreign id or marker in a successful answer, any
// count above zero, any accepted write and any server error.
import { expect } from 'vitest';
import { type Club } from './clubs.ts';
import { baseUrl } from './stack.ts';

export interface Answer {
  status: number;
  text: string;
}

export async function call(token: string | null, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(baseUrl() + path, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

export async function tokenOf(email: string, password: string): Promise<string> {
  const res = await call(null, 'POST', '/auth/login', { email, password });
  expect(res.status, `${email} cannot sign in: ${res.text}`).toBe(200);
  return JSON.parse(res.text).data.access_token;
}

/** The target's ids and markers that this caller must never see in a successful answer. */
export function secretsOf(t: Club, allowed: Set<string>): string[] {
  const ids = Object.entries(t.ids).filter(([c]) => !allowed.has(c)).map(([, id]) => id);
  return [...ids, ...Object.values(t.people).flatMap((p) => [p.id, p.phone]), ...(allowed.size ? [] : [t.marker])];
}

export class Ledger {
  readonly attempts: string[] = [];
  readonly leaks: string[] = [];

  read(who: string, what: string, res: Answer, secrets: string[]): void {
    this.attempts.push(`${who} ${what}`);
    if (res.status >= 500) this.leaks.push(`${who} ${what}: server error ${res.status} ${res.text.slice(0, 200)}`);
    if (res.status !== 200) return;
    const seen = secrets.filter((s) => res.text.includes(s));
    const counted = /"count":\{?"?(?:id"?:)?"?([1-9]\d*)/.exec(res.text);
    if (seen.length || counted) this.leaks.push(`${who} ${what}: ${counted ? `count ${counted[1]}` : `saw ${seen.join(', ')}`}`);
  }

  write(who: string, what: string, res: Answer): void {
    this.attempts.push(`${who} ${what}`);
    const gqlOk = res.text.includes('"data"') && !res.text.includes('"errors"');
    if ((res.status >= 200 && res.status < 300 && !res.text.includes('"errors"')) || (what.startsWith('graphql') && gqlOk)) {
      this.leaks.push(`${who} ${what}: accepted (${res.status}) ${res.text.slice(0, 200)}`);
    }
    if (res.status >= 500) this.leaks.push(`${who} ${what}: server error ${res.status} ${res.text.slice(0, 200)}`);
  }

  /** The line CI logs show: how many attempts, how many leaks. */
  summary(area: string): string {
    return `access boundary${area ? ` (${area})` : ''}: ${this.attempts.length} attempts across the club boundary, ${this.leaks.length} leaks`;
  }
}
