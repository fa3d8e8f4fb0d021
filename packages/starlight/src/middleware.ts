import { defineMiddleware } from 'astro:middleware';
import { getModel } from './lib/model.ts';

/** Every page, component and feed of a request reads one model, the one current when the request came in. */
export const onRequest = defineMiddleware((context, next) => {
  context.locals.model = getModel();
  return next();
});
