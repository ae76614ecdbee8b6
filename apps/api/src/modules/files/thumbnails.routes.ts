// HTTP for the Files page's list thumbnails: presigned GETs for a screenful of images at once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ThumbnailUrls, ThumbnailUrlsRequest } from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import { thumbnailUrls, type ThumbnailDeps } from './thumbnails.service.js';

export function thumbnailRoutes(app: FastifyInstance, deps: ThumbnailDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/files/thumbnail-urls',
    {
      onRequest: app.authenticate,
      config: { tokenScope: 'read' },
      schema: {
        tags: ['files'],
        security: [{ bearerAuth: [] }],
        summary: 'Short-lived presigned GETs of up to 100 images, for list thumbnails (needs read)',
        description:
          'The browser fetches a range of each image from storage and shrinks it itself; nothing ' +
          'is stored server-side. Names that are not raster images are listed as skipped. One ' +
          'audit event per call.',
        body: ThumbnailUrlsRequest,
        response: { 200: ThumbnailUrls, ...problemResponses(400, 401, 403, 404, 502) },
      },
    },
    (request) => thumbnailUrls(deps, actorOf(request), request.body),
  );
}
