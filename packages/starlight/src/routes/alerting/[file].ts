import type { APIRoute, GetStaticPaths } from 'astro';
import { getAlertingFiles, type AlertingFiles } from '../../lib/alerting.ts';
import { getModel } from '../../lib/model.ts';

/** dist/alerting/prometheus-rules.yml, alertmanager-time-intervals.yml and alertmanager-route.yml. */
export const getStaticPaths = (async () =>
  Object.keys(await getAlertingFiles(getModel())).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, locals }) => {
  const text = (await getAlertingFiles(locals.model))[params.file as keyof AlertingFiles];
  return text === undefined
    ? new Response(null, { status: 404 })
    : new Response(text, { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
};
