import type { APIRoute, GetStaticPaths } from 'astro';
import { feedIds, feedResponse } from '../_feeds.ts';

/** The windows of the runbooks an owner owns, and of those holding its tasks. */
export const getStaticPaths = (async () => (await feedIds('owner')).map((owner) => ({ params: { owner } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse(`owner/${params.owner}`);
