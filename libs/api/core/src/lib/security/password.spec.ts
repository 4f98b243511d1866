import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores argon2id hashes that verify only the right password', async () => {
    const phc = await hashPassword('correct horse battery staple');
    expect(phc.startsWith('$argon2id$')).toBe(true);
    await expect(verifyPassword(phc, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(phc, 'Correct horse battery staple')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a failed match, not a crash', async () => {
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });
});
