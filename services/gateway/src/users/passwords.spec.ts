import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, salting each hash', async () => {
    const stored = await hashPassword('Gonghui@2026');
    expect(stored).not.toContain('Gonghui@2026');
    expect(await verifyPassword('Gonghui@2026', stored)).toBe(true);
    expect(await verifyPassword('gonghui@2026', stored)).toBe(false);
    expect(await hashPassword('Gonghui@2026')).not.toBe(stored);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
