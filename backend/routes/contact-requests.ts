import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { answerRequest, incomingRequests } from '../chat/contact-requests.js';
import { notFound } from '../lib/errors.js';

/** The recipient's side of first contacts (backend/chat/contact-requests.ts): list, accept, decline. */
const contactRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contact-requests',
    {
      schema: { tags: ['users'], ...routes['GET /contact-requests'] },
    },
    async (request) => incomingRequests(app.db, request.userId),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/contact-requests/:id/${answer}`,
      {
        schema: { tags: ['users'], ...routes[`POST /contact-requests/:id/${answer}`] },
      },
      async (request, reply) => {
        const senderId = request.params.id;
        if (!(await answerRequest(app.db, request.userId, senderId, answer === 'accept'))) {
          throw notFound('contact_request_not_found', 'No pending request from this user');
        }
        // Accepted: they are contacts now and see each other's presence. A decline tells the sender nothing.
        if (answer === 'accept') await app.realtime.introduce([request.userId, senderId]);
        return reply.status(204).send();
      },
    );
  }
};

export default contactRequestRoutes;
