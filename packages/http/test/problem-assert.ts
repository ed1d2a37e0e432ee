import { expect } from 'vitest';

/** Asserts an RFC 9457 problem answer: the status, the media type, and the field at fault when given. */
export const isProblem = async (res: Response, status: number, field?: string | RegExp) => {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = await res.json();
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (field) expect(body.field).toMatch(field);
  return body;
};
