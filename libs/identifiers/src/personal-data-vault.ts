import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Protects identifiers at rest: AES-256-GCM for what must be readable again (by a permitted,
 * audited reveal), and a keyed hash (HMAC-SHA-256) for exact lookups and uniqueness without
 * ever storing the number in the clear. Two keys, from PII_ENCRYPTION_KEY and PII_HASH_KEY.
 */
export class PersonalDataVault {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(encryptionSecret: string, hashSecret: string) {
    this.encryptionKey = createHash('sha256').update(encryptionSecret).digest();
    this.hashKey = createHash('sha256').update(hashSecret).digest();
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): PersonalDataVault {
    // Production refuses missing, shipped or placeholder keys (the compose file once shipped `change-me-…` defaults).
    const weak = (key: string | undefined) => !key || key.length < 32 || /change-?me|replace-?me|placeholder|gonghui-dev-/i.test(key);
    if (env.NODE_ENV === 'production' && (weak(env.PII_ENCRYPTION_KEY) || weak(env.PII_HASH_KEY))) {
      throw new Error('PII_ENCRYPTION_KEY and PII_HASH_KEY must be set in production (at least 32 characters, not a shipped default)');
    }
    return new PersonalDataVault(env.PII_ENCRYPTION_KEY ?? 'gonghui-dev-encryption-key', env.PII_HASH_KEY ?? 'gonghui-dev-hash-key');
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown cipher version');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  lookupHash(normalised: string): string {
    return createHmac('sha256', this.hashKey).update(normalised).digest('base64url');
  }
}
