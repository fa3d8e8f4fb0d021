import type { APIRoute } from 'astro';
import { feedResponse } from './_feeds.ts';

/** Every maintenance window of every system. */
export const GET: APIRoute = ({ locals }) => feedResponse(locals.model, 'all');
