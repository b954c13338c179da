import { PersonalDataVault } from '@gonghui/identifiers';
import { DEVELOPMENT_JWT_SECRET, serviceConfigFromEnv } from './config';

const strong = {
  NODE_ENV: 'production',
  JWT_SECRET: 'k7Vd9pQ2xW4mZ8rT1yB6nC3fH5jL0sA9',
  DATABASE_URL: 'postgres://gonghui_membership:Yq4v8Lm2Pz7Rk1Tw@postgres:5432/gonghui',
};

describe('production refuses missing or default secrets', () => {
  it('starts with real secrets', () => {
    expect(serviceConfigFromEnv('membership', { ...strong }).jwtSecret).toBe(strong.JWT_SECRET);
  });

  it.each([
    ['no JWT secret', { JWT_SECRET: undefined }, /JWT_SECRET/],
    ['the development JWT secret', { JWT_SECRET: DEVELOPMENT_JWT_SECRET }, /JWT_SECRET/],
    ['the old compose default', { JWT_SECRET: 'change-me-in-every-deployment' }, /JWT_SECRET/],
    ['a short JWT secret', { JWT_SECRET: 'short-secret' }, /JWT_SECRET/],
    ['no database URL', { DATABASE_URL: undefined }, /DATABASE_URL/],
    ['the role name as its password', { DATABASE_URL: 'postgres://gonghui_membership:gonghui_membership@postgres:5432/gonghui' }, /DATABASE_URL/],
    ['no database password', { DATABASE_URL: 'postgres://gonghui_membership@postgres:5432/gonghui' }, /DATABASE_URL/],
    ['a default PII key', { PII_HASH_KEY: 'change-me-hash-key' }, /PII_HASH_KEY/],
  ])('refuses %s', (_what, change, message) => {
    expect(() => serviceConfigFromEnv('membership', { ...strong, ...change })).toThrow(message);
  });

  it('lets development run on its defaults', () => {
    expect(serviceConfigFromEnv('gateway', {}).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('the personal-data vault refuses missing or default keys in production', () => {
    const good = { NODE_ENV: 'production', PII_ENCRYPTION_KEY: 'a'.repeat(24) + 'Xk9q2Lm7Pz', PII_HASH_KEY: 'b'.repeat(24) + 'Wn3v8Rt1Qy' };
    expect(() => PersonalDataVault.fromEnv(good)).not.toThrow();
    expect(() => PersonalDataVault.fromEnv({ ...good, PII_HASH_KEY: undefined })).toThrow(/PII_ENCRYPTION_KEY and PII_HASH_KEY/);
    expect(() => PersonalDataVault.fromEnv({ ...good, PII_ENCRYPTION_KEY: 'change-me-encryption-key' })).toThrow(/PII_ENCRYPTION_KEY/);
    expect(() => PersonalDataVault.fromEnv({ NODE_ENV: 'development' })).not.toThrow();
  });
});
