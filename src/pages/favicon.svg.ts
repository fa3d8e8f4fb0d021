import type { APIRoute } from 'astro';

// Starlight links /favicon.svg from every page; a calendar page with a tick, drawn here.
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="3" y="5" width="26" height="24" rx="4" fill="#3b4fd8"/><rect x="3" y="5" width="26" height="7" rx="3" fill="#1f2a7a"/><path d="M10 20l4 4 8-9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

export const GET: APIRoute = () => new Response(ICON, { headers: { 'Content-Type': 'image/svg+xml' } });
