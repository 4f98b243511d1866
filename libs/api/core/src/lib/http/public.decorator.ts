import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'tandem:public';

/**
 * Marks a route as reachable without signing in. Everything else requires authentication (deny by
 * default); the committed endpoint-policy snapshot shows every route that carries this mark.
 */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
