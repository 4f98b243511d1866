import type { AccessLogEntry } from '@tandem/web-audit';
import type { TandemApi } from '@tandem/web-data-access';

export const MY_ACCESS_PAGE_SIZE = 20;

export interface MyAccessPage {
  items: AccessLogEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/v1/me/access-log`: who looked at the signed-in client's data. */
export function myAccessApi(api: TandemApi) {
  return {
    list: (page: number, emergencyOnly: boolean, signal?: AbortSignal) =>
      api.request<MyAccessPage>('/me/access-log', {
        signal,
        query: {
          page,
          pageSize: MY_ACCESS_PAGE_SIZE,
          emergency: emergencyOnly ? true : undefined,
        },
      }),
  };
}
