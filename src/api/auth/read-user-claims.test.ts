import { describe, expect, it } from 'vitest';

import { UnauthorizedError } from '../errors.js';
import { readUserClaims } from './read-user-claims.js';

describe('Function: readUserClaims', () => {
  it('reads the subject as the user id, exactly', () => {
    const user = readUserClaims({ sub: 'auth0|user 42', email: 'a@b.test' });

    expect(user).toEqual({ userId: 'auth0|user 42', email: 'a@b.test' });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['leading space', ' user_1'],
    ['trailing space', 'user_1 '],
    ['trailing newline', 'user_1\n'],
    ['leading tab', '\tuser_1'],
    ['non-breaking space', 'user_1\u00a0'],
    ['a control character inside', 'user\u0000_1'],
    ['an escape inside', 'user\u001b[0m'],
    ['a delete character inside', 'user\u007f1'],
  ])('refuses a subject with %s', (_label, sub) => {
    const read = () => readUserClaims({ sub });

    expect(read).toThrow(UnauthorizedError);
  });

  it('refuses claims without a string subject', () => {
    expect(() => readUserClaims({ sub: 42 })).toThrow(UnauthorizedError);
    expect(() => readUserClaims(null)).toThrow(UnauthorizedError);
  });
});
