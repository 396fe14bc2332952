import fp from 'fastify-plugin';
import { type Db, openDatabase } from '../db/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** Opens and migrates the database of DATABASE_URL; closes it with the app. */
export default fp(
  async (app) => {
    const db = await openDatabase(app.config.DATABASE_URL, app.config.SQLITE_SYNCHRONOUS);
    app.decorate('db', db);
    app.addHook('onClose', async () => db.destroy());
  },
  { name: 'db', dependencies: ['config'] },
);
