import { Client } from 'pg';
import { serviceDatabaseUrl } from '@gonghui/infra';

/** The database, not convention, keeps each service inside its own schema. */
describe('one schema and one role per service', () => {
  const connectAs = async (service: 'aid' | 'membership') => {
    const client = new Client({ connectionString: serviceDatabaseUrl(process.env.TEST_DATABASE_URL!, service) });
    await client.connect();
    return client;
  };

  it("a service's role cannot read another service's schema, nor write to public", async () => {
    const aid = await connectAs('aid');
    try {
      await expect(aid.query('SELECT * FROM membership.members LIMIT 1')).rejects.toMatchObject({ code: '42501' });
      await expect(aid.query('SELECT * FROM gateway.users LIMIT 1')).rejects.toMatchObject({ code: '42501' });
      await expect(aid.query('CREATE TABLE public.sneaky (id int)')).rejects.toMatchObject({ code: '42501' });
      // its own schema, found through its search_path
      await expect(aid.query('SELECT count(*) FROM member_directory')).resolves.toBeDefined();
      expect((await aid.query('SHOW search_path')).rows[0].search_path).toBe('aid');
    } finally {
      await aid.end();
    }
    const membership = await connectAs('membership');
    try {
      await expect(membership.query('SELECT * FROM aid.hardship_files LIMIT 1')).rejects.toMatchObject({ code: '42501' });
      await expect(membership.query('SELECT count(*) FROM members')).resolves.toBeDefined();
    } finally {
      await membership.end();
    }
  });
});
