import { PersonalDataVault } from './personal-data-vault';

describe('PersonalDataVault', () => {
  const vault = new PersonalDataVault('enc-key', 'hash-key');

  it('encrypts so the stored text does not contain the number, and decrypts it back', () => {
    const sealed = vault.encrypt('11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(vault.decrypt(sealed)).toBe('11010519491231002X');
    expect(vault.encrypt('11010519491231002X')).not.toBe(sealed); // fresh IV each time
  });

  it('detects tampering', () => {
    const sealed = vault.encrypt('13800138000');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('forged').toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
  });

  it('hashes the same number to the same lookup key, and depends on the key', () => {
    expect(vault.lookupHash('11010519491231002X')).toBe(vault.lookupHash('11010519491231002X'));
    expect(new PersonalDataVault('enc-key', 'other').lookupHash('11010519491231002X')).not.toBe(vault.lookupHash('11010519491231002X'));
  });
});
