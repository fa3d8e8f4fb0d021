import type { APIRoute, GetStaticPaths } from 'astro';
import { feedIds, feedResponse } from '../_feeds.ts';

/** The maintenance windows of one system. */
export const getStaticPaths = (async () => (await feedIds('system')).map((system) => ({ params: { system } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse(`system/${params.system}`);
