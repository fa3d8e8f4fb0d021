import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../lib/model.ts';
import { feedIds, feedResponse } from '../_feeds.ts';

/** The maintenance windows of one system. */
export const getStaticPaths = (async () =>
  (await feedIds(getModel(), 'system')).map((system) => ({ params: { system } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, locals }) => feedResponse(locals.model, `system/${params.system}`);
