import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../lib/model.ts';
import { feedIds, feedResponse } from '../_feeds.ts';

/** The windows of the runbooks an owner owns, and of those holding its tasks. */
export const getStaticPaths = (async () =>
  (await feedIds(getModel(), 'owner')).map((owner) => ({ params: { owner } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, locals }) => feedResponse(locals.model, `owner/${params.owner}`);
